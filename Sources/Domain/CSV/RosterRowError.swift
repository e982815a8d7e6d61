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

extension RosterRowError {
    /// How many problems a file's check keeps; the rest are counted. Reports show at most this many anyway.
    package static let keptLimit = 1000

    /// The problems of one file: the first ``keptLimit`` kept in the order found, the rest only counted.
    package struct Log: Sendable {
        /// The problems kept.
        package private(set) var kept: [RosterRowError] = []
        /// The problems counted beyond the kept ones.
        package private(set) var omitted = 0

        /// Creates an empty log.
        package init() {}

        /// Keeps `error`, or counts it once the log is full.
        package mutating func append(_ error: RosterRowError) {
            if kept.count < RosterRowError.keptLimit { kept.append(error) } else { omitted += 1 }
        }

        /// Keeps or counts each of `errors`.
        package mutating func append(contentsOf errors: [RosterRowError]) {
            for error in errors { append(error) }
        }
    }
}
