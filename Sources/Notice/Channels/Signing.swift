import Crypto
import Foundation

/// The HMAC-SHA256 signatures the channels put on their requests.
package enum Signing {
    /// HMAC-SHA256 of `message` under `key`, both as UTF-8.
    package static func hmacSHA256(key: String, message: String) -> [UInt8] {
        let code = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return Array(code)
    }

    /// Lower-case hexadecimal.
    package static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters, so a base64 signature survives a query.
    package static func percentEncoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Whole seconds since 1970 of `instant`, rounded down.
    package static func unixSeconds(_ instant: Date) -> Int64 {
        Int64(instant.timeIntervalSince1970.rounded(.down))
    }

    /// Whole milliseconds since 1970 of `instant`, rounded down.
    package static func unixMilliseconds(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
