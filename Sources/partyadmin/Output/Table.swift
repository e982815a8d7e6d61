/// A column table for lists, aligned by display width so that Chinese cells line up with Latin ones.
///
/// ```
/// 代码  名称          类别    党员数
/// ----  ------------  ------  ------
/// 0101  第一党支部    党支部      12
/// ```
struct Table {
    /// One column: its header and how its cells are aligned.
    struct Column: Sendable {
        /// The header, in Chinese.
        var header: String
        /// Right for counts, left for everything else.
        var alignment: DisplayWidth.Alignment

        /// A left-aligned column.
        static func text(_ header: String) -> Column { Column(header: header, alignment: .left) }
        /// A right-aligned column for numbers.
        static func number(_ header: String) -> Column { Column(header: header, alignment: .right) }
    }

    /// The columns, left to right.
    let columns: [Column]
    /// The rows added so far, each with one cell per column.
    private(set) var rows: [[String]] = []

    /// The gap between columns.
    private static let gap = "  "

    /// Creates an empty table with `columns`.
    init(_ columns: Column...) {
        self.columns = columns
    }

    /// Creates an empty table with `columns`, for tables whose columns depend on options.
    init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Appends a row; missing cells are blank, extra cells are dropped, and line breaks become spaces so that a
    /// multi-line value cannot break the layout.
    mutating func append(_ cells: [String]) {
        rows.append(columns.indices.map { $0 < cells.count ? Self.flatten(cells[$0]) : "" })
    }

    /// Appends a row given cell by cell.
    mutating func append(_ cells: String...) {
        append(cells)
    }

    /// The table as text: header, a dashed rule, then the rows; no trailing spaces, no final newline.
    func render() -> String {
        let widths = columns.indices.map { index in
            rows.reduce(DisplayWidth.of(columns[index].header)) { max($0, DisplayWidth.of($1[index])) }
        }
        var lines = [line(columns.map(\.header), widths: widths)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: Self.gap))
        lines += rows.map { line($0, widths: widths) }
        return lines.joined(separator: "\n")
    }

    /// The table, or `empty` when it has no rows (a bare header tells the reader less than a sentence does).
    func render(orIfEmpty empty: String) -> String {
        rows.isEmpty ? empty : render()
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        let padded = cells.indices.map { index in
            // Headers of number columns are right-aligned too, so they sit above the digits.
            DisplayWidth.pad(cells[index], to: widths[index], alignment: columns[index].alignment)
        }
        return String(padded.joined(separator: Self.gap).trimmingTrailingSpaces)
    }

    private static func flatten(_ text: String) -> String {
        guard text.contains(where: \.isNewline) || text.contains("\t") else { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}

extension String {
    /// The string without the spaces at its end: padding of the last column is never printed.
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
