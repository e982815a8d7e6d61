import Domain
import Foundation
import Store
import Synchronization

/// What a caller may be told about records outside their scope: that a key is taken, never by whom.
enum Disclosure {
    /// The refusal of an identity number that another record holds: within the caller's scope it names the
    /// record, as a clerk needs; outside it, it says only that the number is registered elsewhere and what to
    /// do, and it counts as a probe (``ConcealedDuplicate``).
    static func duplicateIDNumber(
        _ idNumber: String,
        holder: Member,
        holderPath: OrgPath?,
        caller: Caller,
        field: String
    ) -> any Error {
        if let holderPath, Authorization.sees(holderPath, caller) {
            return DomainError(
                .conflict,
                reason: "member.duplicate_id_number",
                field: field,
                message:
                    "身份证号 \(idNumber) 已登记为 \(holder.name)（编号 \(holder.id)，\(holder.orgCode ?? "")，\(holder.status.rawValue)）"
            )
        }
        return ConcealedDuplicate(error: elsewhere(idNumber, field: field))
    }

    /// The refusal of an identity number registered outside the caller's scope.
    static func elsewhere(_ idNumber: String, field: String) -> DomainError {
        DomainError(
            .conflict,
            reason: "member.duplicate_id_number",
            field: field,
            message: "身份证号 \(idNumber) 已在其他党组织登记；如确属本组织党员，请联系上级党组织核实，或办理组织关系转接"
        )
    }

    /// The refusal of an organization code already in use: named within the caller's scope, not outside it.
    static func duplicateOrgCode(_ code: String, existing: Organization, caller: Caller, field: String) -> DomainError {
        let user = Authorization.sees(existing.path, caller) ? existing.label : "其他党组织（不在您的管理范围内）"
        return DomainError(.conflict, reason: "org.duplicate_code", field: field, message: "组织代码 \(code) 已被\(user)使用")
    }
}

/// An identity number found registered outside the caller's scope: refused with `error`, and counted against
/// the caller by ``ProbeGuard`` once the transaction has rolled back.
struct ConcealedDuplicate: Error {
    /// What the caller is told.
    let error: DomainError
}

/// Counts, per principal, identity numbers found registered outside their scope. Each hit confirms that a
/// number belongs to someone elsewhere, so repeated hits are an enumeration: past the limit within the window,
/// the principal may not add, edit or import members until the window has passed, and every hit is audited.
package final class ProbeGuard: Sendable {
    /// Hits allowed within ``window`` before the principal is stopped.
    package let limit: Int
    /// How long hits are remembered, in seconds.
    package let window: TimeInterval
    private let hits = Mutex<[Principal: [Date]]>([:])

    /// Creates the guard: by default 20 hits within an hour.
    package init(limit: Int = 20, window: TimeInterval = 3600) {
        self.limit = limit
        self.window = window
    }

    /// Refuses a principal that has used up its hits.
    func requireAllowed(_ principal: Principal, now: Date) throws(DomainError) {
        let count = hits.withLock { all in
            all[principal] = all[principal]?.filter { now.timeIntervalSince($0) < window }
            return all[principal]?.count ?? 0
        }
        guard count < limit else {
            throw DomainError(
                .rule,
                reason: "member.duplicate_probe_limit",
                field: nil,
                message: "身份证号多次命中其他党组织已登记的党员，新增、修改与导入党员已暂停（\(Int(window / 60)) 分钟内最多 \(limit) 次）；如有疑问请联系上级党组织"
            )
        }
    }

    /// Records `count` hits at `now`.
    func record(_ principal: Principal, count: Int, now: Date) {
        guard count > 0 else { return }
        hits.withLock { $0[principal, default: []].append(contentsOf: repeatElement(now, count: count)) }
    }
}

extension PartyCore {
    /// Runs a roster change that may meet identity numbers registered outside the caller's scope: refused
    /// while the principal has used up its probes; each concealed hit is counted and audited once the change
    /// has rolled back, and the caller gets only the concealed refusal.
    func guardingProbes<T: Sendable>(
        _ operation: PartyOperation,
        by principal: Principal,
        _ body: () async throws -> T
    ) async throws -> T {
        try probes.requireAllowed(principal, now: clock.now())
        do {
            return try await body()
        } catch let hit as ConcealedDuplicate {
            try await recordProbes(1, operation, by: principal)
            throw hit.error
        } catch let refusal as ImportRefusal where refusal.concealedHits > 0 {
            try await recordProbes(refusal.concealedHits, operation, by: principal)
            throw refusal
        }
    }

    /// Counts `count` probes and audits them (visible to system administrators: the entry names no organization).
    private func recordProbes(_ count: Int, _ operation: PartyOperation, by principal: Principal) async throws {
        let now = clock.now()
        probes.record(principal, count: count, now: now)
        try await store.write(by: principal, at: now) { _ in
            Change(
                (),
                audit: AuditNote(
                    method: operation.name,
                    target: "身份证号查重",
                    orgID: nil,
                    summary: "\(count) 个身份证号已在其管理范围外登记；已拒绝，未透露登记人"
                )
            )
        }
    }
}
