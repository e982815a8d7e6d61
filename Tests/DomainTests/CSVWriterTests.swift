import Domain
import Testing

@Suite("CSV writer")
struct CSVWriterTests {
    @Test(
        "fields are quoted only when needed",
        arguments: [
            ("plain", "plain"), ("张三", "张三"), ("", ""), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("line1\nline2", "\"line1\nline2\""), ("cr\rhere", "\"cr\rhere\""), ("crlf\r\nhere", "\"crlf\r\nhere\""),
            (" lead", "\" lead\""), ("trail ", "\"trail \""), ("\ttab", "\"\ttab\""), ("in side", "in side"),
            ("2024-01-01", "2024-01-01"),
        ]
    )
    func quoting(value: String, written: String) {
        #expect(CSVWriter.field(value) == written)
        #expect(CSVWriter.needsQuotes(value) == (value != written))
    }

    @Test("records end with CRLF and the file starts with a BOM by default")
    func layout() {
        #expect(CSVWriter.write([["a", "b"], ["1", "2"]]) == "\u{FEFF}a,b\r\n1,2\r\n")
        #expect(CSVWriter.write([["a", "b"]], byteOrderMark: false) == "a,b\r\n")
        var writer = CSVWriter(byteOrderMark: false)
        writer.append(["x"])
        writer.append([])
        writer.append(["", ""])
        #expect(writer.text == "x\r\n\r\n,\r\n")
    }

    @Test("whatever the writer writes, the reader reads back")
    func roundTrip() throws {
        let records = [
            ["姓名", "备注", "空"],
            ["张三", "含,逗号", ""],
            ["\"引号\"", "多\n行\r\n文本", " 前后空格 "],
            ["a\"b", "\"", ","],
        ]
        let parsed = try CSVReader.parse(CSVWriter.write(records))
        #expect(parsed.map(\.fields) == records)
        #expect(parsed.map(\.line) == [1, 2, 3, 6])
    }
}

/// Exports never hand a spreadsheet a formula, and imports give back exactly what was stored.
@Suite("Formula cells in exports")
struct FormulaGuardTests {
    @Test(
        "round trip",
        arguments: [
            "=HYPERLINK(\"http://x\")", "+8613800138000", "-1+2", "@SUM(A1)", "'=x", "''", "'abc", "张三", "", "'",
        ]
    )
    func roundTrip(value: String) {
        #expect(CSVText.unguarded(CSVText.guarded(value)) == value)
    }

    @Test func formulasBecomeText() {
        #expect(CSVText.guarded("=1+1") == "'=1+1")
        #expect(CSVText.guarded("@cmd") == "'@cmd")
        #expect(CSVText.guarded("张三") == "张三")
        let row = CSVWriter.write([["=cmd|' /C calc'!A0", "正常"]], byteOrderMark: false)
        #expect(row == "'=cmd|' /C calc'!A0,正常\r\n")
    }

    @Test func aRosterWithFormulasRoundTrips() throws {
        var draft = Sample.draft()
        draft.name = "=张三"
        draft.job = "+工程师"
        draft.remarks = "@备注"
        let text = RosterCSV.encode([draft])
        #expect(!text.contains(",=张三") && text.contains("'=张三"))
        let decoded = RosterCSV.decode(try CSVReader.parse(text), today: Sample.today)
        #expect(decoded.rows.first?.draft.job == "+工程师")
        #expect(decoded.rows.first?.draft.remarks == "@备注")
    }
}
