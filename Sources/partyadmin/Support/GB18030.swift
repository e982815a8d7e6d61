import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// GB18030 (GBK and GB2312 are subsets): what Excel and WPS save as “CSV (逗号分隔)” on Chinese Windows. The
/// console reads such a file through glibc's iconv and sends its text, as it sends a UTF-8 file's.
enum GB18030 {
    /// Where a file stops being GB18030.
    struct Failure: Error {
        /// Its line, counting from 1 (GB18030's trailing bytes are never 0x0A, so raw line breaks count lines).
        let line: Int
        /// The byte.
        let byte: UInt8
    }

    /// The text of `bytes` read as GB18030, or where they are not.
    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            return .failure(Failure(line: 1, byte: bytes.first ?? 0))
        }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var consumed = 0
        var produced = 0
        input.withUnsafeMutableBytes { inputBytes in
            output.withUnsafeMutableBytes { outputBytes in
                var inPointer = inputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBytes.count
                var outPointer = outputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputBytes.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                consumed = inputBytes.count - inLeft
                produced = outputBytes.count - outLeft
            }
        }
        guard consumed == bytes.count, let text = String(validating: output[..<produced], as: UTF8.self) else {
            let offset = min(consumed, max(bytes.count - 1, 0))
            let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return .failure(Failure(line: line, byte: bytes.isEmpty ? 0 : bytes[offset]))
        }
        return .success(text)
    }
}
