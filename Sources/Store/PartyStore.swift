import Domain
import Foundation

/// The storage seam: everything the daemon keeps, reached through transactions. SQLite implements it today;
/// a PostgreSQL sibling can implement the same protocols without touching Domain or the operations.
package protocol PartyStore: Sendable {
    /// Runs `body` in a read-only snapshot.
    func read<T: Sendable>(_ body: @Sendable @escaping (any StoreReader) throws -> T) async throws -> T
    /// Runs `body` in one write transaction by `actor` at `instant`, and records the ``Change`` it returns (audit
    /// entry, history lines) in that same transaction: everything commits together or not at all. A body that
    /// writes anything must return an audit note, or the transaction is rolled back.
    func write<T: Sendable>(
        by actor: Principal,
        at instant: Date,
        _ body: @Sendable @escaping (any StoreWriter) throws -> Change<T>
    ) async throws -> T
}

/// A stored audit entry: who did what to what, and when.
package struct AuditRecord: Sendable, Equatable {
    /// When (UTC instant).
    package var at: Date
    /// The actor's kind: `unix`, `member`, `daemon` (see ``Principal/kind``).
    package var actorKind: String
    /// The actor's id within its kind (a uid, a member id, `partyd`).
    package var actorID: String
    /// The actor's name as shown (Unix user name).
    package var actor: String
    /// The operation.
    package var method: String
    /// What it acted on, as the user named it.
    package var target: String
    /// The organization concerned, for scoped reading.
    package var orgID: Int64?
    /// What changed, in Chinese.
    package var summary: String

    /// Creates an audit record.
    package init(
        at: Date,
        actorKind: String,
        actorID: String,
        actor: String,
        method: String,
        target: String,
        orgID: Int64?,
        summary: String
    ) {
        self.at = at
        self.actorKind = actorKind
        self.actorID = actorID
        self.actor = actor
        self.method = method
        self.target = target
        self.orgID = orgID
        self.summary = summary
    }
}

/// The fields of an organization about to be inserted; the store assigns the id and the path.
package struct NewOrganization: Sendable {
    /// 组织代码.
    package var code: String
    /// 组织名称.
    package var name: String
    /// 组织类别.
    package var kind: OrgKind
    /// The parent, already checked.
    package var parent: Organization?
    /// 成立日期.
    package var founded: LocalDate?
    /// 单位名称.
    package var unitName: String?
    /// 单位类别.
    package var unitCategory: String?
    /// 联系方式.
    package var contact: String?

    /// Creates the fields.
    package init(
        code: String,
        name: String,
        kind: OrgKind,
        parent: Organization?,
        founded: LocalDate? = nil,
        unitName: String? = nil,
        unitCategory: String? = nil,
        contact: String? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parent = parent
        self.founded = founded
        self.unitName = unitName
        self.unitCategory = unitCategory
        self.contact = contact
    }
}

/// A stored audit entry.
package struct StoredAuditEntry: Sendable, Equatable {
    /// Sequence number.
    package var id: Int64
    /// The entry.
    package var record: AuditRecord
}

/// A stored history entry of an organization.
package struct StoredHistoryEntry: Sendable, Equatable {
    /// When (UTC instant).
    package var at: Date
    /// Who.
    package var actor: String
    /// The method.
    package var action: String
    /// What changed.
    package var summary: String
}

/// Record counts across the whole database or a subtree.
package struct StoreCounts: Sendable, Equatable {
    /// Organizations in service.
    package var organizations: Int
    /// Revoked organizations.
    package var revokedOrganizations: Int
    /// Members on the roll.
    package var members: Int
    /// Accounts.
    package var accounts: Int
}
