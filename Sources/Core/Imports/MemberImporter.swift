import Domain
import Foundation
import Store

/// Imports a 名册 CSV: every row is checked (format, rules, organizations, scope, duplicate identity numbers)
/// before anything is written, and then all rows are written in one transaction.
enum MemberImporter {
    static func run(
        _ decoded: RosterDecodeResult,
        dryRun: Bool,
        by principal: Principal,
        core: PartyCore
    ) async throws -> ImportOutcome {
        let rows = decoded.dataRows
        if dryRun {
            // Each row's organization is checked against the caller's scope, so the operation itself needs
            // only the right to write somewhere.
            let prepared = try await core.read(.importCommit, by: principal) { op in
                try prepare(decoded, caller: op.caller, in: op.tx)
            }
            if !prepared.problems.isEmpty {
                throw ImportRefusal(
                    rows: rows,
                    problems: prepared.problems,
                    omitted: decoded.omittedErrors,
                    concealedHits: prepared.concealedHits
                )
            }
            return ImportOutcome(rows: prepared.members.count, written: 0, dryRun: true)
        }
        return try await core.write(.importCommit, by: principal) { op in
            let prepared = try prepare(decoded, caller: op.caller, in: op.tx)
            if !prepared.problems.isEmpty {
                throw ImportRefusal(
                    rows: rows,
                    problems: prepared.problems,
                    omitted: decoded.omittedErrors,
                    concealedHits: prepared.concealedHits
                )
            }
            var history: [MemberHistoryLine] = []
            history.reserveCapacity(prepared.members.count)
            for member in prepared.members {
                let inserted = try op.tx.insertMember(member)
                history.append(
                    MemberHistoryLine(
                        memberID: inserted.id,
                        orgID: inserted.orgID,
                        action: "member.import",
                        summary: "名册导入：编入\(prepared.labels[inserted.orgID] ?? inserted.orgCode ?? "")"
                    )
                )
            }
            let orgs = Set(prepared.members.map(\.orgID))
            let count = prepared.members.count
            return Change(
                ImportOutcome(rows: count, written: count, dryRun: false),
                audit: op.audit(
                    target: "名册 \(count) 行",
                    orgID: orgs.count == 1 ? orgs.first : nil,
                    summary: "导入党员 \(count) 名，涉及 \(orgs.count) 个支部"
                ),
                memberHistory: history
            )
        }
    }

    struct Prepared {
        var members: [Member] = []
        var problems: [RosterRowError] = []
        /// `name（code）` of each receiving branch, for history lines.
        var labels: [Int64: String] = [:]
        /// Identity numbers found registered outside the caller's scope (probes, see ``ProbeGuard``).
        var concealedHits = 0
    }

    static func prepare(_ decoded: RosterDecodeResult, caller: Caller, in tx: any StoreReader) throws -> Prepared {
        var prepared = Prepared()
        prepared.problems = decoded.errors
        var organizations: [String: Result<Organization, DomainError>] = [:]
        func placement(_ code: String, column: String, group: Bool) throws -> Result<Organization, DomainError> {
            if let known = organizations[code] { return known }
            let result: Result<Organization, DomainError>
            let target = ScopeTarget.organization(code: code, field: column)
            if let org = try tx.organization(code: code) {
                do throws(DomainError) {
                    // Outside the caller's scope an organization is as good as missing, and said so alike.
                    guard (try? Access.write.check(caller, targets: [org.path])) != nil else {
                        throw Authorization.concealed(target)
                    }
                    if !group { try MemberPlacement.validate(org: org, group: nil) }
                    result = .success(org)
                } catch {
                    result = .failure(error)
                }
            } else if caller.isSystemAdmin {
                result = .failure(OrgLookup.notFound(code, field: column))
            } else {
                result = .failure(Authorization.concealed(target))
            }
            organizations[code] = result
            return result
        }
        let existing = try tx.existingIDNumbers(decoded.rows.map(\.draft.idNumber))
        var holderPaths = OrgPaths(tx: tx)
        for row in decoded.rows {
            let draft = row.draft
            var failed = false
            var org: Organization?
            var group: Organization?
            switch try placement(draft.orgCode, column: "所在党组织代码", group: false) {
            case .success(let found): org = found
            case .failure(let error):
                prepared.problems.append(ImportRefusal.problem(row: row.row, column: "所在党组织代码", error))
                failed = true
            }
            if let code = draft.groupCode {
                switch try placement(code, column: "党小组代码", group: true) {
                case .success(let found):
                    group = found
                    if let org {
                        do {
                            try MemberPlacement.validate(org: org, group: found)
                        } catch {
                            prepared.problems.append(ImportRefusal.problem(row: row.row, column: "党小组代码", error))
                            failed = true
                        }
                    }
                case .failure(let error):
                    prepared.problems.append(ImportRefusal.problem(row: row.row, column: "党小组代码", error))
                    failed = true
                }
            }
            if let holder = existing[draft.idNumber] {
                let path = try holderPaths.path(of: holder.orgID)
                var refusal = Disclosure.duplicateIDNumber(
                    draft.idNumber,
                    holder: holder,
                    holderPath: path,
                    caller: caller,
                    field: "身份证号"
                )
                if let hit = refusal as? ConcealedDuplicate {
                    prepared.concealedHits += 1
                    refusal = hit.error
                }
                if let error = refusal as? DomainError {
                    prepared.problems.append(ImportRefusal.problem(row: row.row, column: "身份证号", error))
                }
                failed = true
            }
            if !failed, let org {
                prepared.members.append(Member(id: 0, draft: draft, orgID: org.id, groupID: group?.id))
                prepared.labels[org.id] = org.label
            }
        }
        return prepared
    }
}

/// Organization paths by id, each read once.
struct OrgPaths {
    let tx: any StoreReader
    private var known: [Int64: OrgPath?] = [:]

    init(tx: any StoreReader) { self.tx = tx }

    /// The path of organization `id`, or nil when it does not exist.
    mutating func path(of id: Int64) throws -> OrgPath? {
        if let path = known[id] { return path }
        let path = try tx.organization(id: id)?.path
        known[id] = path
        return path
    }
}
