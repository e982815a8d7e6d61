/// One problem found in an imported file (名册 or 党组织采集表): the physical line of the row, the column as
/// the file names it, and what is wrong, in Chinese. An import reports all of them at once.
package struct RosterRowError: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The 1-based line of the file where the row starts (the header row for header problems).
    package var row: Int
    /// The column header at fault, as written in the file; nil when the whole row is at fault.
    package var column: String?
    /// The explanation, in Simplified Chinese.
    package var message: String
    /// A stable machine-readable reason such as `invalid_id_checksum` or `csv_duplicate_id`.
    package var reason: String

    /// Creates a row error.
    package init(row: Int, column: String?, message: String, reason: String = "invalid_value") {
        self.row = row
        self.column = column
        self.message = message
        self.reason = reason
    }

    /// A row error from a domain refusal, reported under `column`.
    package init(row: Int, column: String?, error: DomainError) {
        self.init(row: row, column: column, message: error.message, reason: error.reason)
    }

    /// `第 N 行【列】：message`, as the console prints it.
    package var description: String {
        "第 \(row) 行" + (column.map { "【\($0)】" } ?? "") + "：" + message
    }
}
