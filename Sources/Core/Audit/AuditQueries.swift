import Domain
import Foundation
import Store

/// Reading the audit trail.
extension PartyCore {
    /// The default and the largest page of `audit.list`.
    package static let auditPage = (default: 50, maximum: 1000)

    /// `audit.list`: who changed what, newest first, under `org` (default: the caller's scope), older than
    /// entry `before`.
    package func auditEntries(
        org: String?,
        before: Int64?,
        limit: Int?,
        by principal: Principal
    ) async throws -> [AuditEntryView] {
        let zone = timeZone
        return try await read(.auditList, by: principal, targets: Self.optionalOrg(org, field: "org")) { op in
            let limit = try Self.pageSize(limit, default: Self.auditPage.default, in: 1...Self.auditPage.maximum)
            let scope = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            return try op.tx.auditEntries(under: scope, before: before, limit: limit).map {
                AuditEntryView(
                    id: $0.id,
                    at: LocalTime.text($0.record.at, in: zone),
                    actor: $0.record.actor,
                    method: $0.record.method,
                    target: $0.record.target,
                    summary: $0.record.summary
                )
            }
        }
    }
}
