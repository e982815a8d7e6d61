import Domain
import Foundation
import Store
import Wire

/// `audit.list`: who changed what, newest first, within the caller's scope.
enum AuditHandlers {
    /// The default and the largest page.
    static let defaultLimit = 50
    static let maximumLimit = 1000

    static func register(in registry: inout MethodRegistry) {
        registry.register(
            AuditList.self,
            access: .read,
            targets: { $0.org.map { [.organization(code: $0, field: "org")] } ?? [] }
        ) {
            params,
            context in
            let limit = params.limit ?? defaultLimit
            guard (1...maximumLimit).contains(limit) else {
                throw DomainError.invalid("limit", "条数须在 1 到 \(maximumLimit) 之间")
            }
            let defaultRoot = context.defaultRoot
            return try await context.store.read { tx in
                let scope = try params.org.map { try OrgLookup.require($0, field: "org", in: tx).path } ?? defaultRoot
                return AuditList.Result(
                    entries: try tx.auditEntries(under: scope, before: params.before, limit: limit).map {
                        AuditEntryView(
                            id: $0.id,
                            at: $0.record.at,
                            actor: $0.record.actor,
                            method: $0.record.method,
                            target: $0.record.target,
                            summary: $0.record.summary
                        )
                    }
                )
            }
        }
    }
}
