import Domain
import Foundation

/// The refusal of a whole import file: every problem found, with its row and column. Nothing was written.
package struct ImportRefusal: Error, Sendable {
    /// Data rows in the file.
    package let rows: Int
    /// Every problem, in the order found.
    package let problems: [RosterRowError]
    /// Problems found beyond those kept in `problems`, counted only.
    package let omitted: Int
    /// Identity numbers found registered outside the caller's scope (counted as probes).
    package let concealedHits: Int

    /// Creates the refusal.
    package init(rows: Int, problems: [RosterRowError], omitted: Int = 0, concealedHits: Int = 0) {
        self.rows = rows
        self.problems = problems
        self.omitted = omitted
        self.concealedHits = concealedHits
    }

    /// Every problem found, kept or only counted.
    package var total: Int { problems.count + omitted }

    /// The problems stable by row: within a row, they keep the decoder's column order.
    package var sortedProblems: [RosterRowError] {
        problems.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element)
    }

    /// A row problem for a domain refusal.
    static func problem(row: Int, column: String?, _ error: DomainError) -> RosterRowError {
        RosterRowError(row: row, column: column, message: error.message, reason: error.reason)
    }
}

/// What an import did.
package struct ImportOutcome: Sendable, Equatable {
    /// Data rows in the file that were valid.
    package var rows: Int
    /// Rows written (0 for a dry run).
    package var written: Int
    /// Whether this was a dry run.
    package var dryRun: Bool
}

/// Which kind of file an import reads.
package enum ImportFile: Sendable {
    /// A 名册 (member roster) CSV.
    case members
    /// A 党组织采集表 CSV.
    case organizations
}

extension PartyCore {
    /// `import.commit`: checks every row of a CSV file (format, rules, organizations, the caller's scope,
    /// duplicates) and, unless `dryRun`, writes all of them in one transaction; any problem refuses the whole
    /// file with ``ImportRefusal``.
    package func importFile(
        _ kind: ImportFile,
        bytes: [UInt8],
        dryRun: Bool,
        by principal: Principal
    ) async throws -> ImportOutcome {
        let text = try CSVReader.decodeUTF8(bytes)
        switch kind {
        case .members:
            return try await guardingProbes(.importCommit, by: principal) {
                try await MemberImporter.run(text: text, dryRun: dryRun, by: principal, core: self)
            }
        case .organizations: return try await OrgImporter.run(text: text, dryRun: dryRun, by: principal, core: self)
        }
    }
}

extension PartyCore {
    /// `import.begin` and `import.chunk`: whether `principal` may upload a file to import (only writers may);
    /// returns the instant, for the upload's idle timer.
    package func authorizeUpload(by principal: Principal) async throws -> Date {
        try await read(.importUpload, by: principal) { op in op.time.instant }
    }
}
