import Testing

@testable import Domain

/// Kinds decided by content, limits, tags and names.
@Suite("Attachments: kind by content, limits, names")
struct AttachmentSnifferTests {
    /// A stored (uncompressed) ZIP archive holding empty entries named `names`, as an Office file is laid out.
    static func zip(_ names: [String]) -> [UInt8] {
        func le(_ value: Int, _ width: Int) -> [UInt8] {
            (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        var local: [UInt8] = []
        var central: [UInt8] = []
        for name in names {
            let offset = local.count
            let bytes = Array(name.utf8)
            local += le(0x0403_4B50, 4) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + le(0, 4) + le(0, 4)
            local += le(bytes.count, 2) + le(0, 2) + bytes
            central += le(0x0201_4B50, 4) + le(20, 2) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4)
            central += le(0, 4) + le(0, 4) + le(bytes.count, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4)
            central += le(offset, 4) + bytes
        }
        let end =
            le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(names.count, 2) + le(names.count, 2) + le(central.count, 4)
            + le(local.count, 4) + le(0, 2)
        return local + central + end
    }

    static func sniff(_ bytes: [UInt8]) throws(DomainError) -> AttachmentKind {
        try AttachmentSniffer.sniff(
            head: Array(bytes.prefix(AttachmentSniffer.headLength)),
            tail: Array(bytes.suffix(AttachmentSniffer.tailLength)),
            size: bytes.count
        )
    }

    @Test func magicNumbersDecideImagesPDFAndLegacyOffice() throws {
        #expect(try Self.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]) == .jpeg)
        #expect(try Self.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(try Self.sniff(Array("GIF89a....".utf8)) == .gif)
        #expect(try Self.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == .webp)
        #expect(try Self.sniff(Array("%PDF-1.7\n%âãÏÓ".utf8)) == .pdf)
        #expect(try Self.sniff([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]) == .legacyOffice)
        let bmp: [UInt8] = Array("BM".utf8) + [0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0, 1, 0]
        #expect(try Self.sniff(bmp) == .bmp)
        let photos = AttachmentKind.allCases.filter(\.isPhoto)
        #expect(photos == [.jpeg, .png, .gif, .bmp, .webp])
    }

    @Test func officeOpenXMLIsToldApartByItsEntryNames() throws {
        #expect(try Self.sniff(Self.zip(["[Content_Types].xml", "_rels/.rels", "word/document.xml"])) == .docx)
        #expect(try Self.sniff(Self.zip(["[Content_Types].xml", "xl/workbook.xml"])) == .xlsx)
        #expect(try Self.sniff(Self.zip(["[Content_Types].xml", "ppt/presentation.xml"])) == .pptx)
        // Entry names are read from the central directory even when the start of the file is not enough.
        let names = ["[Content_Types].xml"] + (0..<50).map { "customXml/item\($0).xml" } + ["word/document.xml"]
        let file = Self.zip(names)
        #expect(
            try AttachmentSniffer.sniff(head: Array(file.prefix(64)), tail: file, size: file.count) == .docx
        )
        // A plain ZIP archive is not an accepted kind.
        #expect(throws: DomainError.self) { try Self.sniff(Self.zip(["报告.pdf", "照片.jpg"])) }
    }

    @Test func utf8TextIsTextAndAnythingElseIsRefused() throws {
        #expect(try Self.sniff(Array("会议纪要\r\n\t一、学习\n".utf8)) == .text)
        // A character cut by the end of what was read is still text when the file goes on.
        let long = Array(String(repeating: "党", count: 30_000).utf8)
        #expect(
            try AttachmentSniffer.sniff(head: Array(long.prefix(65_536)), tail: [], size: long.count) == .text
        )
        do throws(DomainError) {
            _ = try Self.sniff([0x00, 0x01, 0x02, 0x03, 0xFE])
            Issue.record("binary accepted")
        } catch {
            #expect(error.reason == "attachment.unsupported_type")
            #expect(error.message.contains("JPEG") && error.message.contains("PDF") && error.message.contains("DOCX"))
        }
        #expect(throws: DomainError.self) { try Self.sniff(Array("GBK \u{1B}[31m".utf8)) }
        #expect(throws: DomainError.self) { try Self.sniff([0xC4, 0xE3, 0xBA, 0xC3]) }  // 你好 in GBK
        #expect(throws: DomainError.self) { try Self.sniff([]) }
        // "BM" without a bitmap's header is text, not BMP.
        #expect(try Self.sniff(Array("BM 党支部".utf8)) == .text)
    }

    @Test func limitsArePerKindAndPerRecord() throws {
        let limits = AttachmentLimits.standard
        #expect(limits.photoMaxBytes == 5 << 20 && limits.fileMaxBytes == 20 << 20 && limits.maxPerRecord == 10)
        try limits.check(5 << 20, kind: .jpeg)
        #expect(throws: DomainError.self) { try limits.check(5 << 20 + 1, kind: .png) }
        try limits.check(20 << 20, kind: .pdf)
        #expect(throws: DomainError.self) { try limits.check(20 << 20 + 1, kind: .docx) }
        try limits.checkDeclared(20 << 20)
        #expect(throws: DomainError.self) { try limits.checkDeclared(20 << 20 + 1) }
        #expect(throws: DomainError.self) { try limits.checkDeclared(0) }
        try limits.checkCount(10)
        #expect(throws: DomainError.self) { try limits.checkCount(11) }
        #expect(AttachmentLimits.megabytes(5 << 20) == "5 MB")
        #expect(AttachmentLimits.megabytes(1_363_149) == "1.3 MB")
        #expect(AttachmentLimits.megabytes(12_000) == "12 KB")
    }

    @Test func namesKeepOnlyTheLastPathComponent() throws {
        #expect(try AttachmentRules.displayName("/home/li/报告.pdf") == "报告.pdf")
        #expect(try AttachmentRules.displayName("C:\\Users\\李\\照片 1.jpg") == "照片 1.jpg")
        #expect(try AttachmentRules.displayName("../../etc/passwd") == "passwd")
        #expect(throws: DomainError.self) { try AttachmentRules.displayName("../") }
        #expect(throws: DomainError.self) { try AttachmentRules.displayName("  ") }
        #expect(throws: DomainError.self) { try AttachmentRules.displayName("a\u{202E}fdp.exe") }
        #expect(throws: DomainError.self) { try AttachmentRules.displayName(String(repeating: "长", count: 121)) }
        #expect(try AttachmentTag.parse("签到表") == .signIn)
        #expect(throws: DomainError.self) { try AttachmentTag.parse("杂项") }
        #expect(AttachmentRules.isDigest(String(repeating: "a1", count: 32)))
        #expect(!AttachmentRules.isDigest(String(repeating: "A1", count: 32)))
    }
}
