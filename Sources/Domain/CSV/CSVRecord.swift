/// One record of a CSV file: its fields, and the physical line it starts on so that messages can point
/// the user at the right row of their spreadsheet.
package struct CSVRecord: Sendable, Equatable, Codable {
    /// The 1-based physical line where the record starts (a quoted field may carry it over several lines).
    package var line: Int
    /// The fields, unquoted, exactly as written (not trimmed).
    package var fields: [String]

    /// Creates a record.
    package init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// Whether every field is empty or whitespace, as the rows a spreadsheet writes below the data (`,,,,`).
    package var isBlank: Bool {
        fields.allSatisfy { CSVText.trimmed($0).isEmpty }
    }
}
