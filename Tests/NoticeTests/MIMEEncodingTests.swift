import Foundation
import Notice
import Testing

@Suite("MIME encodings")
struct MIMEEncodingTests {
    @Test("short ASCII subjects stay readable, others become encoded words within 75 characters")
    func headerValues() throws {
        #expect(MIMEEncoding.headerValue("Meeting today") == "Meeting today")
        for text in ["会议", String(repeating: "通知😀", count: 30), "a=?b", "x\r\nBcc: evil@example.org"] {
            let encoded = MIMEEncoding.headerValue(text)
            for word in encoded.components(separatedBy: "\r\n ") {
                #expect(word.count <= 75)
                #expect(word.hasPrefix("=?UTF-8?B?"))
            }
            #expect(ParsedMail.decodeWords(encoded) == text)
        }
    }

    @Test("quoted-printable keeps lines within 76 characters and decodes back")
    func quotedPrintable() throws {
        let text =
            String(repeating: "a=b 中文 ", count: 20) + "\n.dot\ntrailing \t\n" + String(repeating: "x", count: 200)
        let encoded = MIMEEncoding.body(text, as: .quotedPrintable)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.count <= 76)
            #expect(!line.hasPrefix("."))
            #expect(!line.hasSuffix(" "))
            #expect(!line.hasSuffix("\t"))
        }
        let decoded = try #require(ParsedMail.quotedPrintable(encoded))
        #expect(String(decoding: decoded, as: UTF8.self) == text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
    }

    @Test(
        "dates are RFC 5322 in the given zone",
        arguments: [
            (8 * 3600, "Mon, 23 Nov 2026 10:00:00 +0800"), (0, "Mon, 23 Nov 2026 02:00:00 +0000"),
            (-5 * 3600 - 1800, "Sun, 22 Nov 2026 20:30:00 -0530"),
        ]
    )
    func dates(offset: Int, expected: String) {
        #expect(MIMEEncoding.date(sendInstant, offsetSeconds: offset) == expected)
    }
}
