import Domain
import Foundation
import Store

/// What `system.status` reports about the caller and the data they may see.
package struct StatusReport: Sendable {
    /// The caller as identified.
    package var caller: Caller
    /// Record counts within the caller's scope (everything for a system administrator).
    package var counts: StoreCounts
    /// The instant of the report.
    package var now: Date
}

extension PartyCore {
    /// `system.status`: who the caller is and the record counts within their scope.
    package func status(by principal: Principal) async throws -> StatusReport {
        try await read(.systemStatus, by: principal) { op in
            StatusReport(caller: op.caller, counts: try op.tx.counts(under: op.defaultRoot), now: op.time.instant)
        }
    }
}
