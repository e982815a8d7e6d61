import Domain
import Foundation
import Store

/// Imports a 党组织采集表 CSV: rows may name parents that come later in the file or already exist; every row
/// is checked before anything is written, and then all are inserted parents-first in one transaction.
enum OrgImporter {
    static func run(
        _ decoded: OrgDecodeResult,
        dryRun: Bool,
        by principal: Principal,
        core: PartyCore
    ) async throws -> ImportOutcome {
        let rowCount = decoded.dataRows
        if dryRun {
            let checked = try await core.read(.importCommit, by: principal) { op in
                try plan(decoded, caller: op.caller, in: op.tx)
            }
            if !checked.problems.isEmpty {
                throw ImportRefusal(rows: rowCount, problems: checked.problems, omitted: decoded.omittedErrors)
            }
            return ImportOutcome(rows: checked.ordered.count, written: 0, dryRun: true)
        }
        return try await core.write(.importCommit, by: principal) { op in
            let checked = try plan(decoded, caller: op.caller, in: op.tx)
            if !checked.problems.isEmpty {
                throw ImportRefusal(rows: rowCount, problems: checked.problems, omitted: decoded.omittedErrors)
            }
            var inserted: [String: Organization] = [:]
            var history: [OrgHistoryLine] = []
            for row in checked.ordered {
                let draft = row.draft
                let parent = try draft.parentCode.map { code in
                    try inserted[code] ?? OrgLookup.require(code, field: "parent", in: op.tx)
                }
                let org = try op.tx.insertOrganization(
                    NewOrganization(
                        code: draft.code,
                        name: draft.name,
                        kind: draft.kind,
                        parent: parent,
                        founded: draft.founded,
                        unitName: draft.unitName,
                        unitCategory: draft.unitCategory,
                        contact: draft.contact
                    )
                )
                inserted[org.code] = org
                history.append(
                    OrgHistoryLine(
                        orgID: org.id,
                        code: org.code,
                        action: "org.import",
                        summary: "采集表导入：\(org.kind.rawValue)\(org.label)"
                            + (parent.map { "，上级组织\($0.label)" } ?? "（顶级）")
                    )
                )
            }
            let count = checked.ordered.count
            return Change(
                ImportOutcome(rows: count, written: count, dryRun: false),
                audit: op.audit(target: "党组织采集表 \(count) 行", orgID: nil, summary: "导入党组织 \(count) 个"),
                orgHistory: history
            )
        }
    }

    struct Plan {
        var ordered: [OrgRow] = []
        var problems: [RosterRowError] = []
    }

    static func plan(_ decoded: OrgDecodeResult, caller: Caller, in tx: any StoreReader) throws -> Plan {
        var plan = Plan()
        plan.problems = decoded.errors
        let fileCodes = Set(decoded.rows.map(\.draft.code))
        var existingParents: [String: Organization] = [:]
        // For a scoped caller, a parent outside the file that is missing or outside the scope is refused alike,
        // and passed to the ordering as known so that it does not say which of the two it is.
        var concealedParents: Set<String> = []
        for code in Set(decoded.rows.compactMap(\.draft.parentCode)).subtracting(fileCodes) {
            let org = try tx.organization(code: code)
            if let org, Authorization.sees(org.path, caller) {
                existingParents[code] = org
            } else if !caller.isSystemAdmin {
                concealedParents.insert(code)
            }
        }
        for row in decoded.rows {
            let draft = row.draft
            if let existing = try tx.organization(code: draft.code) {
                let error = Disclosure.duplicateOrgCode(draft.code, existing: existing, caller: caller, field: "code")
                plan.problems.append(ImportRefusal.problem(row: row.row, column: "组织代码", error))
            }
            if let parentCode = draft.parentCode, let parent = existingParents[parentCode] {
                do {
                    try Access.write.check(caller, targets: [parent.path])
                    try OrgRules.validatePlacement(kind: draft.kind, under: parent)
                } catch {
                    plan.problems.append(ImportRefusal.problem(row: row.row, column: "上级组织代码", error))
                }
            } else if let parentCode = draft.parentCode, concealedParents.contains(parentCode) {
                let error = Authorization.concealed(.organization(code: parentCode, field: "parent"))
                plan.problems.append(ImportRefusal.problem(row: row.row, column: "上级组织代码", error))
            } else if draft.parentCode == nil {
                do {
                    try Access.write.check(caller, targets: [.forestTop])
                } catch {
                    plan.problems.append(ImportRefusal.problem(row: row.row, column: "上级组织代码", error))
                }
            }
        }
        // Ordering sees every row, so a child of a refused row is not also misreported as an orphan. Existing
        // parents' kinds are not passed: their placement was checked above, with revoked parents too.
        let order = OrgCSV.orderForInsertion(
            decoded.rows,
            existingCodes: Set(existingParents.keys).union(concealedParents)
        )
        plan.ordered = order.ordered
        plan.problems += order.errors
        return plan
    }
}
