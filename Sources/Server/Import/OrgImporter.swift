import Domain
import Foundation
import Store
import Wire

/// Imports a 党组织采集表 CSV: rows may name parents that come later in the file or already exist; every row
/// is checked before anything is written, and then all are inserted parents-first in one transaction.
enum OrgImporter {
    static func run(text: String, dryRun: Bool, context: RequestContext) async throws -> ImportCommit.Result {
        let decoded = try OrgCSV.decode(text: text, today: context.today)
        let caller = context.caller
        let rowCount = Set(decoded.rows.map(\.row) + decoded.errors.map(\.row)).count
        if dryRun {
            let checked = try await context.store.read { tx in try plan(decoded, caller: caller, in: tx) }
            if !checked.problems.isEmpty { throw ImportHandlers.refusal(checked.problems, rows: rowCount) }
            return ImportCommit.Result(rows: checked.ordered.count, written: 0, dryRun: true)
        }
        return try await context.store.write { tx in
            let checked = try plan(decoded, caller: caller, in: tx)
            if !checked.problems.isEmpty { throw ImportHandlers.refusal(checked.problems, rows: rowCount) }
            var inserted: [String: Organization] = [:]
            for row in checked.ordered {
                let draft = row.draft
                let parent = try draft.parentCode.map { code in
                    try inserted[code] ?? OrgLookup.require(code, field: "parent", in: tx)
                }
                let org = try tx.insertOrganization(
                    NewOrganization(
                        code: draft.code,
                        name: draft.name,
                        kind: draft.kind,
                        parent: parent,
                        founded: draft.founded,
                        unitName: draft.unitName,
                        unitCategory: draft.unitCategory,
                        contact: draft.contact
                    ),
                    at: context.timestamp
                )
                inserted[org.code] = org
                try tx.appendHistory(
                    orgID: org.id,
                    code: org.code,
                    at: context.timestamp,
                    actor: caller.userName,
                    action: "org.import",
                    summary: "采集表导入：\(org.kind.rawValue)\(org.label)" + (parent.map { "，上级组织\($0.label)" } ?? "（顶级）")
                )
            }
            try tx.appendAudit(
                context.audit(
                    method: ImportCommit.name,
                    target: "党组织采集表 \(checked.ordered.count) 行",
                    orgID: nil,
                    summary: "导入党组织 \(checked.ordered.count) 个"
                )
            )
            return ImportCommit.Result(rows: checked.ordered.count, written: checked.ordered.count, dryRun: false)
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
        for code in Set(decoded.rows.compactMap(\.draft.parentCode)).subtracting(fileCodes) {
            if let org = try tx.organization(code: code) { existingParents[code] = org }
        }
        for row in decoded.rows {
            let draft = row.draft
            if let existing = try tx.organization(code: draft.code) {
                plan.problems.append(
                    RosterRowError(
                        row: row.row,
                        column: "组织代码",
                        message: "组织代码 \(draft.code) 已被\(existing.label)使用",
                        reason: "org.duplicate_code"
                    )
                )
            }
            if let parentCode = draft.parentCode, let parent = existingParents[parentCode] {
                do {
                    try Access.write.check(caller, targets: [parent.path])
                    try OrgRules.validatePlacement(kind: draft.kind, under: parent)
                } catch {
                    plan.problems.append(ImportHandlers.problem(row: row.row, column: "上级组织代码", error))
                }
            } else if draft.parentCode == nil {
                do {
                    try Access.write.check(caller, targets: [.forestTop])
                } catch {
                    plan.problems.append(ImportHandlers.problem(row: row.row, column: "上级组织代码", error))
                }
            }

        }
        // Ordering sees every row, so a child of a refused row is not also misreported as an orphan. Existing
        // parents' kinds are not passed: their placement was checked above, with revoked parents too.
        let order = OrgCSV.orderForInsertion(
            decoded.rows,
            existingCodes: Set(existingParents.keys)
        )
        plan.ordered = order.ordered
        plan.problems += order.errors
        return plan
    }
}
