import Foundation

/// Small text helpers shared by the CSV formats, written to stay fast over hundreds of thousands of rows.
package enum CSVText {
    /// `text` without surrounding white space (see ``Swift/String/trimmedWhitespace``), returning `text`
    /// itself after a two-byte check in the usual case where it starts and ends with a visible ASCII character.
    package static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if isVisibleASCII(first) && isVisibleASCII(last) { return text }
        return text.trimmedWhitespace
    }

    /// The trimmed text, or nil when it is blank.
    package static func nonBlank(_ text: String) -> String? {
        let trimmed = trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Parses a date cell: the common `YYYY-MM-DD` directly, anything else through ``LocalDate/init(_:)``
    /// (which also accepts `YYYY/M/D` and `YYYYMMDD`). Nil when it is not a real date.
    package static func date(_ text: String) -> LocalDate? {
        let utf8 = text.utf8
        if utf8.count == 10 {
            var year = 0
            var month = 0
            var day = 0
            var simple = true
            for (index, byte) in utf8.enumerated() {
                if index == 4 || index == 7 {
                    simple = simple && byte == UInt8(ascii: "-")
                } else if (0x30...0x39).contains(byte) {
                    let digit = Int(byte - 0x30)
                    switch index {
                    case 0..<4: year = year * 10 + digit
                    case 5..<7: month = month * 10 + digit
                    default: day = day * 10 + digit
                    }
                } else {
                    simple = false
                }
            }
            if simple { return LocalDate(year: year, month: month, day: day) }
        }
        return LocalDate(text)
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
