import Foundation

/// A small, independent reader of the e-mails the channel writes: headers (unfolded), RFC 2047 words, and
/// base64 or quoted-printable bodies. Written from the RFCs, not from the encoder, so the tests check one
/// against the other.
struct ParsedMail {
    var headers: [(name: String, value: String)]
    var rawBody: String

    init?(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        var headers: [(String, String)] = []
        for line in text[..<split.lowerBound].components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let last = headers.popLast() {
                headers.append((last.0, last.1 + line))
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst())))
            } else {
                return nil
            }
        }
        self.headers = headers
        rawBody = String(text[split.upperBound...])
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Decodes `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words; white space between adjacent words is dropped.
    static func decodeWords(_ value: String) -> String? {
        let pattern = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/
        var output = [UInt8]()
        var rest = Substring(value)
        var previousWasWord = false
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[..<match.range.lowerBound]
            if !(previousWasWord && between.allSatisfy(\.isWhitespace)) { output += Array(between.utf8) }
            guard match.output.1.uppercased() == "UTF-8" else { return nil }
            if match.output.2.uppercased() == "B" {
                guard let bytes = Data(base64Encoded: String(match.output.3)) else { return nil }
                output += bytes
            } else {
                guard let bytes = quotedPrintable(String(match.output.3).replacingOccurrences(of: "_", with: " "))
                else {
                    return nil
                }
                output += bytes
            }
            previousWasWord = true
            rest = rest[match.range.upperBound...]
        }
        output += Array(rest.utf8)
        return String(bytes: output, encoding: .utf8)
    }

    /// Decodes quoted-printable text: soft breaks joined, `=XX` turned into bytes.
    static func quotedPrintable(_ text: String) -> [UInt8]? {
        let bytes = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var output = [UInt8]()
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "=") {
                guard index + 2 < bytes.count,
                    let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
                else {
                    return nil
                }
                output.append(value)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// The body decoded by its Content-Transfer-Encoding, line ends as CRLF.
    var decodedBody: String? {
        switch header("Content-Transfer-Encoding")?.lowercased() {
        case "base64":
            guard let data = Data(base64Encoded: rawBody, options: .ignoreUnknownCharacters) else { return nil }
            return String(data: data, encoding: .utf8)
        case "quoted-printable":
            return Self.quotedPrintable(rawBody).flatMap { String(bytes: $0, encoding: .utf8) }
        default:
            return nil
        }
    }
}
