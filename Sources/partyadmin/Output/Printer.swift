import Foundation

/// Where the console writes: results to standard output, diagnostics to standard error, and the `--json` form.
enum Printer {
    /// Prints `text` and a newline to standard output; nothing for empty text, so a renderer may stay silent.
    static func out(_ text: String) {
        guard !text.isEmpty else { return }
        print(visible(text))
    }

    /// Prints `text` and a newline to standard error, unbuffered, so it appears even if the process exits next.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((visible(text) + "\n").utf8))
    }

    /// `text` with every character that a terminal would act on or that hides itself written as `\uXXXX`:
    /// control characters but the line break, bidirectional controls, zero-width characters and line or
    /// paragraph separators. Whatever the daemon sends (an old record, another client's data), it cannot move
    /// the cursor, retitle the window or make one name look like another. The escape is also JSON's own, so
    /// `--json` output stays valid JSON with the same values.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard hidden(scalar) else {
                result.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result.append(
                contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars
            )
        }
        return String(result)
    }

    /// Whether a terminal would act on `scalar` or not show it.
    private static func hidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// `value` as pretty-printed JSON with sorted keys, `/` and Chinese left unescaped: stable for diffs and
    /// readable as is.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
