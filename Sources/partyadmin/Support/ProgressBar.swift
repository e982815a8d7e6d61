import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error for uploads, drawn only when standard error is a terminal: in a
/// pipe or a log file, carriage returns and escape codes would only be noise.
///
/// ```
/// 上传 [##############----------------]  47%  28.3/60.1 MB
/// ```
struct ProgressBar {
    /// The bytes to send in all.
    let total: Int
    /// Whether anything is drawn.
    let isEnabled: Bool
    /// The percentage last drawn, so that the line is rewritten at most a hundred times.
    private var shownPercent = -1

    /// The columns of the bar between its brackets.
    private static let width = 30

    /// Creates a bar for `total` bytes, enabled when standard error is a terminal.
    init(total: Int, isEnabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.isEnabled = isEnabled
    }

    /// Redraws the bar for `sent` bytes when the percentage has changed.
    mutating func update(sent: Int) {
        guard isEnabled else { return }
        let percent = total > 0 ? min(100, sent * 100 / total) : 100
        guard percent != shownPercent else { return }
        shownPercent = percent
        let filled = percent * Self.width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.width - filled)
        let padded = String(repeating: " ", count: max(0, 3 - String(percent).count)) + String(percent)
        draw("上传 [\(bar)] \(padded)%  \(Self.megabytes(sent))/\(Self.megabytes(total)) MB")
    }

    /// Replaces the bar with a status line, e.g. while the daemon checks and writes the file.
    func status(_ text: String) {
        guard isEnabled else { return }
        draw(text)
    }

    /// Erases the line, leaving the cursor at its start for whatever is printed next.
    func clear() {
        guard isEnabled else { return }
        draw("")
    }

    /// `\r`, the text, then "erase to end of line" for the remains of a longer previous line.
    private func draw(_ text: String) {
        FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
    }

    /// Bytes as megabytes with one decimal.
    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }
}
