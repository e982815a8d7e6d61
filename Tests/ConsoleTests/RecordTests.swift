import Testing

@testable import partyadmin

/// The key/value layout of `show` commands: labels padded to one display width, then the values.
@Suite("Record")
struct RecordTests {
    /// Labels are padded to the widest label in display columns.
    @Test func layout() {
        var record = Record()
        record.add("代码", "0101")
        record.add("名称", "第一党支部")
        record.add("成立日期", "2020-07-01")
        let expected = """
            代码      0101
            名称      第一党支部
            成立日期  2020-07-01
            """
        #expect(record.render() == expected)
    }

    /// Latin and Chinese labels line up together.
    @Test func mixedLabels() {
        var record = Record()
        record.add("ID", "7")
        record.add("姓名", "张三")
        #expect(record.render() == "ID    7\n姓名  张三")
    }

    /// A missing or empty value shows as '-', and addIfPresent skips it.
    @Test func absentValues() {
        var record = Record()
        record.add("上级", nil)
        record.add("单位名称", "")
        record.addIfPresent("撤销日期", nil)
        record.addIfPresent("撤销原因", "")
        record.addIfPresent("备注", "无")
        #expect(record.fields.map(\.label) == ["上级", "单位名称", "备注"])
        #expect(record.render() == "上级      -\n单位名称  -\n备注      无")
    }

    /// Continuation lines of a multi-line value are indented under the first.
    @Test func multiLine() {
        var record = Record()
        record.add("名称", "党委")
        record.add("备注", "第一行\n第二行")
        #expect(record.render() == "名称  党委\n备注  第一行\n      第二行")
    }

    /// An empty record renders as nothing.
    @Test func empty() {
        #expect(Record().render() == "")
    }
}
