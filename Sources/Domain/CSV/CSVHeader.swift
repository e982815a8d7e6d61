import Foundation

/// The header row of an import file, matched by name against the columns a format knows, so that the
/// columns may come in any order.
///
/// Header cells are trimmed, a stray byte order mark is dropped, and the asterisks templates put on
/// required columns (`*姓名`, `姓名＊`) are ignored.
package struct CSVHeader: Sendable {
    /// The line of the header row.
    package let line: Int
    /// The number of columns, which every data row must have.
    package let width: Int
    /// The column index of each canonical column name present.
    private let indexes: [String: Int]
    /// The header as written in the file for each canonical name (differs when an alias was used).
    private let written: [String: String]

    /// Matches `record` against `columns` (canonical names) and `aliases` (alias → canonical name), reporting
    /// every empty, unknown, duplicate and missing required column at once; the header is nil when there
    /// are any.
    package static func read(
        _ record: CSVRecord,
        columns: [String],
        required: [String],
        aliases: [String: String] = [:]
    ) -> (header: CSVHeader?, errors: [RosterRowError]) {
        var errors: [RosterRowError] = []
        var indexes: [String: Int] = [:]
        var written: [String: String] = [:]
        let known = Set(columns)
        for (index, cell) in record.fields.enumerated() {
            let name = clean(cell)
            guard !name.isEmpty else {
                errors.append(
                    RosterRowError(
                        row: record.line,
                        column: nil,
                        message: "表头第 \(index + 1) 列为空",
                        reason: "csv_empty_header"
                    )
                )
                continue
            }
            let canonical = aliases[name] ?? name
            guard known.contains(canonical) else {
                errors.append(
                    RosterRowError(
                        row: record.line,
                        column: name,
                        message: "未知列“\(name)”；第一行须为表头，可用的列：\(columns.joined(separator: "、"))",
                        reason: "csv_unknown_column"
                    )
                )
                continue
            }
            if let earlier = indexes[canonical] {
                errors.append(
                    RosterRowError(
                        row: record.line,
                        column: name,
                        message: "列“\(name)”重复：第 \(earlier + 1) 列和第 \(index + 1) 列",
                        reason: "csv_duplicate_column"
                    )
                )
                continue
            }
            indexes[canonical] = index
            written[canonical] = name
        }
        for column in required where indexes[column] == nil {
            errors.append(
                RosterRowError(
                    row: record.line,
                    column: column,
                    message: "缺少必填列“\(column)”",
                    reason: "csv_missing_column"
                )
            )
        }
        guard errors.isEmpty else { return (nil, errors) }
        return (CSVHeader(line: record.line, width: record.fields.count, indexes: indexes, written: written), [])
    }

    /// Splits records into the header (the first record that is not blank) and the data rows after it; nil when
    /// there is no header at all.
    package static func split(_ records: [CSVRecord]) -> (header: CSVRecord, rows: ArraySlice<CSVRecord>)? {
        guard let index = records.firstIndex(where: { !$0.isBlank }) else { return nil }
        return (records[index], records[(index + 1)...])
    }

    /// A header cell without surrounding whitespace, byte order marks and required-column asterisks.
    package static func clean(_ cell: String) -> String {
        var name = CSVText.trimmed(cell.replacingOccurrences(of: "\u{FEFF}", with: ""))
        while let first = name.first, first == "*" || first == "＊" { name.removeFirst() }
        while let last = name.last, last == "*" || last == "＊" { name.removeLast() }
        return CSVText.trimmed(name)
    }

    /// The position of `column` in the file's rows, nil when the file lacks it.
    package func index(of column: String) -> Int? { indexes[column] }

    /// Whether the file has the column.
    package func has(_ column: String) -> Bool { indexes[column] != nil }

    /// The trimmed cell of `column` in `record`; empty when the file has no such column.
    package func value(_ column: String, in record: CSVRecord) -> String {
        guard let index = indexes[column], index < record.fields.count else { return "" }
        return CSVText.unguarded(CSVText.trimmed(record.fields[index]))
    }

    /// The header of `column` as the file writes it, for messages (the alias when the file used one).
    package func label(_ column: String) -> String { written[column] ?? column }

    /// An error for a row whose number of fields differs from the header's, or nil when it matches.
    package func widthError(_ record: CSVRecord) -> RosterRowError? {
        let count = record.fields.count
        guard count != width else { return nil }
        let hint = count > width ? "请检查单元格中是否有未加引号的逗号" : "请检查是否缺少列"
        return RosterRowError(
            row: record.line,
            column: nil,
            message: "本行有 \(count) 列，而表头有 \(width) 列；\(hint)",
            reason: "csv_row_width"
        )
    }
}
