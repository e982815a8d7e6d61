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

    /// The first characters that make a spreadsheet cell a formula (`=SUM(…)`, `+1`, `-A1`, `@cmd`), or a tab or
    /// carriage return that some spreadsheets strip before looking for one.
    private static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// A cell as exports write it: one that a spreadsheet would run as a formula gets a leading `'`, which
    /// Excel and WPS show as text; so does one that already starts with `'` before such a character (or another
    /// `'`), so that ``unguarded(_:)`` gives back exactly the stored value.
    package static func guarded(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first else { return text }
        if formulaStarts.contains(first) { return "'" + text }
        if first == UInt8(ascii: "'"), let second = utf8.dropFirst().first,
            formulaStarts.contains(second) || second == UInt8(ascii: "'")
        {
            return "'" + text
        }
        return text
    }

    /// A cell as imports read it: the inverse of ``guarded(_:)``.
    package static func unguarded(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.first == UInt8(ascii: "'"), let second = utf8.dropFirst().first,
            formulaStarts.contains(second) || second == UInt8(ascii: "'")
        else { return text }
        return String(text.dropFirst())
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
