/// One member row of an imported 名册 that passed every check, with the line it came from.
package struct RosterRow: Sendable, Codable, Equatable {
    /// The 1-based line of the file where the row starts.
    package var row: Int
    /// The member the row describes, normalized (trimmed, uppercase `X` in the identity number).
    package var draft: MemberDraft

    /// Creates a row.
    package init(row: Int, draft: MemberDraft) {
        self.row = row
        self.draft = draft
    }
}

/// What decoding a 名册 produced: the rows that passed every check, and every problem found in the others.
///
/// A row with any problem is left out of ``rows``; an import should refuse the whole file while
/// ``errors`` is not empty, so the user fixes everything in one pass.
package struct RosterDecodeResult: Sendable, Codable, Equatable {
    /// The valid rows, in file order.
    package var rows: [RosterRow]
    /// Every problem, in file order.
    package var errors: [RosterRowError]
    /// Problems found beyond the first ``RosterRowError/keptLimit``, counted but not kept: a file of junk must
    /// not fill the daemon's memory with messages nobody will read.
    package var omittedErrors: Int
    /// The data rows of the file (blank rows aside), valid or not.
    package var dataRows: Int

    /// Creates a result.
    package init(rows: [RosterRow], errors: [RosterRowError], omittedErrors: Int = 0, dataRows: Int? = nil) {
        self.rows = rows
        self.errors = errors
        self.omittedErrors = omittedErrors
        self.dataRows = dataRows ?? rows.count
    }

    /// The drafts of the valid rows, in file order.
    package var drafts: [MemberDraft] { rows.map(\.draft) }

    /// Whether the whole file may be imported.
    package var isValid: Bool { errors.isEmpty }
}
