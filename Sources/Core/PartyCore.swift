import Domain
import Foundation
import Store

/// The application core: every operation on partyd's data, callable alike from the socket's handlers, the HTTP
/// page and the scheduler. An operation takes typed input and a ``Principal``, authorizes inside its
/// transaction, asks Domain for the decision, writes the change with its audit and history through the one
/// write path, and returns a typed result.
package struct PartyCore: Sendable {
    /// Where everything is kept.
    package let store: any PartyStore
    /// Where "now" comes from.
    package let clock: any WallClock
    /// The zone in which dates ("today", deadlines) are reckoned and instants are shown.
    package let timeZone: TimeZone
    /// The uid partyd runs as: that Unix user is a system administrator, as root is.
    package let ownUID: UInt32
    /// Whether a new account must name an existing Unix user.
    package let accountsRequireUnixUser: Bool
    /// Counts identity numbers found registered outside each caller's scope.
    package let probes: ProbeGuard
    /// Attachment uploads in progress, the attachment file store and its limits.
    package let attachments: AttachmentUploads
    /// Rung after a commit that wrote outbox rows.
    package let outboxSignal = OutboxSignal()
    /// The local practice of organizational life: record deadline, working days, points, cadence.
    package let activities: ActivitySettings
    /// The signing key and addresses of members' personal links.
    package let links: MemberLinks
    /// The reminder rules and their settings.
    package let reminders: ReminderRegistry

    /// Creates the core.
    package init(
        store: any PartyStore,
        clock: any WallClock,
        timeZone: TimeZone,
        ownUID: UInt32,
        accountsRequireUnixUser: Bool = false,
        attachments: AttachmentUploads,
        activities: ActivitySettings = .standard,
        links: MemberLinks = .unserved(),
        reminders: ReminderRegistry = .none,
        probes: ProbeGuard = ProbeGuard()
    ) {
        self.store = store
        self.clock = clock
        self.timeZone = timeZone
        self.ownUID = ownUID
        self.accountsRequireUnixUser = accountsRequireUnixUser
        self.attachments = attachments
        self.activities = activities
        self.links = links
        self.reminders = reminders
        self.probes = probes
    }

    /// Runs a read-only `body` for `principal` once it is authorized for `operation` on `targets`, all in one
    /// snapshot, so that the permission and the data read cannot disagree.
    func read<T: Sendable>(
        _ operation: PartyOperation,
        by principal: Principal,
        targets: [ScopeTarget] = [],
        _ body: @Sendable @escaping (Reading) throws -> T
    ) async throws -> T {
        let now = clock.now()
        let time = LocalTime(instant: now, zone: timeZone)
        let ownUID = self.ownUID
        return try await store.read { tx in
            let caller = try Authorization.authorize(principal, operation.access, targets, ownUID: ownUID, in: tx)
            return try body(Reading(tx: tx, caller: caller, time: time))
        }
    }

    /// Runs a changing `body` for `principal` in one write transaction: authorization, the decision and the
    /// change (with the audit entry and history lines the returned ``Change`` carries) commit together.
    func write<T: Sendable>(
        _ operation: PartyOperation,
        by principal: Principal,
        targets: [ScopeTarget] = [],
        _ body: @Sendable @escaping (Writing) throws -> Change<T>
    ) async throws -> T {
        let now = clock.now()
        let time = LocalTime(instant: now, zone: timeZone)
        let ownUID = self.ownUID
        return try await store.write(by: principal, at: now) { tx in
            let caller = try Authorization.authorize(principal, operation.access, targets, ownUID: ownUID, in: tx)
            return try body(Writing(tx: tx, caller: caller, time: time, operation: operation))
        }
    }
}

/// What a read-only operation body has: the snapshot, the authorized caller and the time.
struct Reading {
    /// The snapshot.
    let tx: any StoreReader
    /// The caller, authorized for the operation.
    let caller: Caller
    /// The request's instant and date.
    let time: LocalTime

    /// The root listings default to (see ``Caller/defaultRoot``).
    var defaultRoot: OrgPath? { caller.defaultRoot }
}

/// What a changing operation body has: the transaction, the authorized caller, the time and the operation.
struct Writing {
    /// The write transaction.
    let tx: any StoreWriter
    /// The caller, authorized for the operation.
    let caller: Caller
    /// The request's instant and date.
    let time: LocalTime
    /// The operation running, whose name the audit and history lines carry.
    let operation: PartyOperation

    /// The root changes over a subtree default to (see ``Caller/defaultRoot``).
    var defaultRoot: OrgPath? { caller.defaultRoot }

    /// An audit note for this operation.
    func audit(target: String, orgID: Int64?, summary: String) -> AuditNote {
        AuditNote(method: operation.name, target: target, orgID: orgID, summary: summary)
    }

    /// A change to one organization: its history line and the audit entry, with the same summary.
    func orgChange<T>(_ result: T, _ org: Organization, _ summary: String) -> Change<T> {
        Change(
            result,
            audit: audit(target: org.code, orgID: org.id, summary: summary),
            orgHistory: [OrgHistoryLine(orgID: org.id, code: org.code, action: operation.name, summary: summary)]
        )
    }

    /// A change to one member: the roster history line and the audit entry, with the same summary.
    func memberChange<T>(_ result: T, _ member: Member, _ summary: String) -> Change<T> {
        Change(
            result,
            audit: audit(target: "\(member.name)（\(member.id)）", orgID: member.orgID, summary: summary),
            memberHistory: [
                MemberHistoryLine(memberID: member.id, orgID: member.orgID, action: operation.name, summary: summary)
            ]
        )
    }
}

extension Caller {
    /// The root that operations over a subtree default to: the caller's scope, or nil (everything) for a system
    /// administrator.
    var defaultRoot: OrgPath? { isSystemAdmin ? nil : scope }
}
