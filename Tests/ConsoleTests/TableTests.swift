import Testing

@testable import partyadmin

/// The column tables of the list commands: exact text, since users read it and scripts diff it.
@Suite("Table")
struct TableTests {
    /// Columns are as wide as their widest cell in display columns; numbers align right.
    @Test func alignment() {
        var table = Table(.text("代码"), .text("名称"), .number("党员数"))
        table.append("0101", "第一党支部", "12")
        table.append("02", "党委", "3")
        let expected = """
            代码  名称        党员数
            ----  ----------  ------
            0101  第一党支部      12
            02    党委             3
            """
        #expect(table.render() == expected)
    }

    /// A short last column leaves no trailing spaces.
    @Test func noTrailingSpaces() {
        var table = Table(.text("代码"), .text("名称"))
        table.append("0101", "第一党支部")
        table.append("01", "党委")
        let expected = """
            代码  名称
            ----  ----------
            0101  第一党支部
            01    党委
            """
        #expect(table.render() == expected)
        #expect(!table.render().split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    /// A header wider than every cell sets the column's width.
    @Test func wideHeader() {
        var table = Table(.number("组织数"), .text("名称"))
        table.append("1", "a")
        #expect(table.render() == "组织数  名称\n------  ----\n     1  a")
    }

    /// Missing cells are blank and extra cells are dropped.
    @Test func cellCount() {
        var table = Table(.text("A"), .text("B"), .text("C"))
        table.append("1")
        table.append(["x", "y", "z", "extra"])
        #expect(table.rows == [["1", "", ""], ["x", "y", "z"]])
        #expect(table.render() == "A  B  C\n-  -  -\n1\nx  y  z")
    }

    /// Line breaks and tabs inside a cell become spaces.
    @Test func flatten() {
        var table = Table(.text("摘要"), .text("X"))
        table.append("第一行\n第二行", "a\tb")
        table.append("c\r\nd", "e")
        #expect(table.rows == [["第一行 第二行", "a b"], ["c d", "e"]])
        #expect(table.render() == "摘要           X\n-------------  ---\n第一行 第二行  a b\nc d            e")
    }

    /// Without rows: header and rule, or the sentence given for an empty list.
    @Test func empty() {
        let table = Table([.text("代码"), .number("党员数")])
        #expect(table.render() == "代码  党员数\n----  ------")
        #expect(table.render(orIfEmpty: "没有党员。") == "没有党员。")
    }

    /// render(orIfEmpty:) renders the table once it has a row.
    @Test func nonEmpty() {
        var table = Table(.text("代码"))
        table.append("01")
        #expect(table.render(orIfEmpty: "没有。") == "代码\n----\n01")
    }

    /// trimmingTrailingSpaces removes only trailing spaces.
    @Test func trimming() {
        #expect("a b  ".trimmingTrailingSpaces == "a b")
        #expect("   ".trimmingTrailingSpaces == "")
        #expect(" a".trimmingTrailingSpaces == " a")
        #expect("a\t".trimmingTrailingSpaces == "a\t")
    }
}
