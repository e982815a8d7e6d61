/// Writes CSV the way Excel reads it best: CRLF line ends, a UTF-8 byte order mark by default (without it
/// Excel on Chinese Windows reads the file as GBK and shows mojibake), and quotes only around fields that
/// need them.
package struct CSVWriter: Sendable {
    /// The text written so far.
    package private(set) var text: String

    /// Starts a file, with the UTF-8 byte order mark unless `byteOrderMark` is false.
    package init(byteOrderMark: Bool = true) {
        text = byteOrderMark ? "\u{FEFF}" : ""
    }

    /// Appends one record and its CRLF line end; a cell a spreadsheet would run as a formula is written as text
    /// (see ``CSVText/guarded(_:)``).
    package mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text.append(",") }
            text.append(CSVWriter.field(CSVText.guarded(field)))
        }
        text.append("\r\n")
    }

    /// A whole file from its records.
    package static func write(_ records: [[String]], byteOrderMark: Bool = true) -> String {
        var writer = CSVWriter(byteOrderMark: byteOrderMark)
        for record in records { writer.append(record) }
        return writer.text
    }

    /// One field as written: quoted, with inner quotes doubled, when it holds a comma, a quote, a CR or LF,
    /// or starts or ends with a space or tab (which readers would otherwise trim); otherwise unchanged.
    package static func field(_ value: String) -> String {
        guard needsQuotes(value) else { return value }
        guard value.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + value + "\"" }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a field must be quoted.
    package static func needsQuotes(_ value: String) -> Bool {
        let utf8 = value.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        if first == space || first == tab || last == space || last == tab { return true }
        return utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    }
}
