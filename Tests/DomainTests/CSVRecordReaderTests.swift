import Domain
import Testing

/// Reading a file block by block gives exactly the records of reading it whole.
@Suite("CSV records from blocks")
struct CSVRecordReaderTests {
    static let samples = [
        "\u{FEFF}姓名,备注\r\n张三,\"多行\r\n备注，含\"\"引号\"\"\"\r\n李四,\r\n",
        "a,b\nc,d",
        "a,b\r\rc,d\r",
        "张\"三,x\n王五,\"y\"z\n\n\n末行,",
        "h\n\"\"\n\",\",\n",
    ]

    static func blocks(_ text: String, size: Int) throws -> [CSVRecord] {
        var reader = CSVRecordReader()
        let bytes = Array(text.utf8)
        var records: [CSVRecord] = []
        var start = 0
        while start < bytes.count {
            records += try reader.feed(bytes[start..<min(start + size, bytes.count)])
            start += size
        }
        return records + (try reader.finish())
    }

    @Test(arguments: samples)
    func sameRecordsWhateverTheBlockSize(text: String) throws {
        let whole = try CSVReader.parse(text)
        for size in [1, 2, 3, 5, 7, 64, 1 << 16] {
            let read = try Self.blocks(text, size: size)
            #expect(read.map(\.fields) == whole.map(\.fields), "block \(size)")
            #expect(read.map(\.line) == whole.map(\.line), "block \(size)")
        }
    }

    @Test func refusalsAreTheWholeFilesOnes() {
        for text in ["", "a,\"unfinished\nb", "\u{FF}\u{FE}x"] {
            let whole = Sample.refusal { _ = try CSVReader.parse(text) }
            let blocks = Sample.refusal { _ = try Self.blocks(text, size: 3) }
            #expect(blocks?.reason == whole?.reason, "\(text.debugDescription)")
        }
        var reader = CSVRecordReader()
        let bad: [UInt8] = Array("a,b\n".utf8) + [0xC3, 0x28, 0x0A]
        #expect(Sample.refusal { _ = try reader.feed(bad) }?.reason == "csv_encoding")
    }

    @Test func aLineWithoutEndIsRefusedBeforeItFillsMemory() {
        var reader = CSVRecordReader()
        let block = [UInt8](repeating: UInt8(ascii: "x"), count: 256 * 1024)
        let error = Sample.refusal {
            for _ in 0..<8 { _ = try reader.feed(block) }
        }
        #expect(error?.reason == "csv_record_too_long")
    }
}
