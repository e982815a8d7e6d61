import Foundation

/// Where the console writes: results to standard output, diagnostics to standard error, and the `--json` form.
enum Printer {
    /// Prints `text` and a newline to standard output; nothing for empty text, so a renderer may stay silent.
    static func out(_ text: String) {
        guard !text.isEmpty else { return }
        print(text)
    }

    /// Prints `text` and a newline to standard error, unbuffered, so it appears even if the process exits next.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `value` as pretty-printed JSON with sorted keys, `/` and Chinese left unescaped: stable for diffs and
    /// readable as is.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
