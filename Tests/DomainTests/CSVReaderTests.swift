import Domain
import Foundation
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    private func parse(_ text: String) throws -> [CSVRecord] { try CSVReader.parse(text) }

    private func fields(_ text: String) throws -> [[String]] { try parse(text).map(\.fields) }

    @Test(
        "plain records, LF or CRLF, with or without a final line end",
        arguments: [
            "a,b,c\n1,2,3\n", "a,b,c\r\n1,2,3\r\n", "a,b,c\n1,2,3", "a,b,c\r\n1,2,3", "a,b,c\r1,2,3\r",
        ]
    )
    func plain(text: String) throws {
        let records = try parse(text)
        #expect(
            records == [CSVRecord(line: 1, fields: ["a", "b", "c"]), CSVRecord(line: 2, fields: ["1", "2", "3"])]
        )
    }

    @Test("a UTF-8 byte order mark is dropped")
    func byteOrderMark() throws {
        #expect(try fields("\u{FEFF}姓名,性别\r\n张三,男\r\n") == [["姓名", "性别"], ["张三", "男"]])
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks")
    func quoted() throws {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",\"\",x\r\n\"crlf\r\ninside\",y,z\r\n"
        let records = try parse(text)
        #expect(
            records.map(\.fields) == [
                ["a", "b,c", "say \"hi\""], ["line1\nline2", "", "x"], ["crlf\r\ninside", "y", "z"],
            ]
        )
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("line numbers follow physical lines through quoted breaks and blank lines")
    func lineNumbers() throws {
        let text = "h1,h2\n\"a\nb\nc\",1\n\nx,2\n\"\n\",3\n"
        #expect(try parse(text).map(\.line) == [1, 2, 6, 7])
    }

    @Test("empty fields and a trailing comma")
    func emptyFields() throws {
        #expect(try fields(",a,,\n,,\n") == [["", "a", "", ""], ["", "", ""]])
    }

    @Test("blank lines are skipped, including several at the end")
    func blankLines() throws {
        #expect(try fields("a\n\n\r\nb\n\n\n") == [["a"], ["b"]])
    }

    @Test("Chinese text and spaces are kept exactly")
    func keepsText() throws {
        #expect(try fields(" 张三 ,\t党支部\u{3000}\n") == [[" 张三 ", "\t党支部\u{3000}"]])
    }

    @Test("lenient like Excel: a quote inside an unquoted field is literal, text after a closing quote is kept")
    func lenient() throws {
        #expect(try fields("ab\"c,d\n") == [["ab\"c", "d"]])
        #expect(try fields("\"ab\"cd,e\n") == [["abcd", "e"]])
    }

    @Test("an unterminated quote is refused, naming the line where the field started")
    func unterminated() {
        let error = Sample.refusal { _ = try CSVReader.parse("h1,h2\r\nx,1\r\ny,\"never\r\nclosed,3\r\n") }
        #expect(error?.reason == "csv_unterminated_quote")
        #expect(error?.message.contains("第 3 行") == true)
        let atEnd = Sample.refusal { _ = try CSVReader.parse("a,\"") }
        #expect(atEnd?.reason == "csv_unterminated_quote")
        #expect(atEnd?.message.contains("第 1 行") == true)
    }

    @Test("an empty file is refused", arguments: ["", "\u{FEFF}", "\n", "\r\n\r\n"])
    func empty(text: String) {
        let error = Sample.refusal { _ = try CSVReader.parse(text) }
        #expect(error?.reason == "csv_empty")
        #expect(error?.kind == .invalid)
    }

    @Test("a file of one empty quoted field is one record")
    func quotedEmpty() throws {
        #expect(try fields("\"\"") == [[""]])
    }

    @Test("UTF-8 bytes decode; GBK and UTF-16 are refused with advice")
    func encodings() throws {
        #expect(try CSVReader.decodeUTF8(Array("姓名,性别".utf8)) == "姓名,性别")
        #expect(try CSVReader.decodeUTF8(Data([0xEF, 0xBB, 0xBF, 0x61])) == "\u{FEFF}a")
        let gbk = Sample.refusal { _ = try CSVReader.decodeUTF8([0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0xC4, 0xD0]) }
        #expect(gbk?.reason == "csv_encoding")
        #expect(gbk?.message.contains("GBK") == true)
        let utf16 = Sample.refusal { _ = try CSVReader.decodeUTF8([0xFF, 0xFE, 0x61, 0x00]) }
        #expect(utf16?.reason == "csv_encoding")
        #expect(utf16?.message.contains("UTF-16") == true)
    }

    /// Speed is the benchmark's to measure (`make bench`); this checks that a large file parses correctly.
    @Test("a large file parses whole")
    func large() throws {
        var text = "\u{FEFF}" + RosterCSV.columns.joined(separator: ",") + "\r\n"
        let row =
            "张三,男,汉族,1990-05-15,110101199005150015,13800138000,a@b.cn,本科,工程师,\"某某公司,北京\","
            + "2015-07-01,2015-07-01,2016-07-01,正式党员,B001,B001-G1,流动党员,\"备注\"\"引号\"\"\"\r\n"
        text.reserveCapacity(row.utf8.count * 20_000)
        for _ in 0..<20_000 { text += row }
        let records = try CSVReader.parse(text)
        #expect(records.count == 20_001)
        #expect(records.last?.fields[9] == "某某公司,北京")
        #expect(records.last?.fields[17] == "备注\"引号\"")
        #expect(records.last?.line == 20_001)
    }
}
