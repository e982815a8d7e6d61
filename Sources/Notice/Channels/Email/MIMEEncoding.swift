import Foundation

/// The MIME encodings an e-mail needs: RFC 2047 encoded words for headers, base64 and quoted-printable bodies.
package enum MIMEEncoding {
    /// How the body of a message is encoded.
    package enum BodyEncoding: String, Sendable, Hashable {
        /// Base64 in 76-character lines: compact for Chinese text.
        case base64
        /// Quoted-printable: readable for mostly-ASCII text.
        case quotedPrintable = "quoted-printable"
    }

    /// `text` as a header value: as is when it is short printable ASCII, else as UTF-8 "B" encoded words of at
    /// most 64 characters, folded onto continuation lines. A word never splits a character's bytes.
    package static func headerValue(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        if plain, !text.contains("=?"), text.utf8.count <= 60 { return text }
        // A word may be 75 characters, but "Subject: " comes first and lines should stay within 78: 39 bytes make
        // 52 base64 characters, a 64-character word.
        var words: [String] = []
        var chunk = [UInt8]()
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 39 {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// `text` with LF line ends turned into CRLF, encoded for a message body; the result ends with CRLF.
    package static func body(_ text: String, as encoding: BodyEncoding) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n",
            omittingEmptySubsequences: false
        )
        switch encoding {
        case .base64:
            let data = Data(lines.joined(separator: "\r\n").utf8)
            let encoded = Array(data.base64EncodedString().utf8)
            // RFC 2045 §6.8: lines of at most 76 characters.
            let lines = stride(from: 0, to: encoded.count, by: 76).map {
                String(decoding: encoded[$0..<min($0 + 76, encoded.count)], as: UTF8.self)
            }
            return lines.map { $0 + "\r\n" }.joined()
        case .quotedPrintable:
            return lines.map { quotedPrintable(line: Array($0.utf8)) }.joined(separator: "\r\n") + "\r\n"
        }
    }

    /// One line of quoted-printable (RFC 2045 §6.7): soft line breaks keep encoded lines within 76 characters.
    private static func quotedPrintable(line: [UInt8]) -> String {
        var output: [String] = []
        var current = ""
        for (index, byte) in line.enumerated() {
            let last = index == line.count - 1
            var token: String
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                // Trailing white space would be stripped in transit, so only inner white space stays literal.
                token = last ? escape(byte) : String(UnicodeScalar(byte))
            case 33...126 where byte != UInt8(ascii: "="):
                token = String(UnicodeScalar(byte))
            default:
                token = escape(byte)
            }
            // 75 leaves room for the "=" of a soft line break.
            if current.count + token.count > (last ? 76 : 75) {
                output.append(current + "=")
                current = ""
            }
            // A dot opening a line is escaped so no relay ever sees an SMTP end-of-data line.
            if current.isEmpty, byte == UInt8(ascii: ".") { token = escape(byte) }
            current += token
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }

    private static func escape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// `instant` as an RFC 5322 date in the zone `offsetSeconds` east of UTC, e.g. `Mon, 23 Nov 2026 10:00:00 +0800`.
    package static func date(_ instant: Date, offsetSeconds: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: instant)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let sign = offsetSeconds < 0 ? "-" : "+"
        let minutes = abs(offsetSeconds) / 60
        return "\(weekdays[parts.weekday! - 1]), \(parts.day!) \(months[parts.month! - 1]) \(parts.year!) "
            + "\(two(parts.hour!)):\(two(parts.minute!)):\(two(parts.second!)) \(sign)\(two(minutes / 60))\(two(minutes % 60))"
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
