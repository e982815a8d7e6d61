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
