import Domain
import Foundation
import Store

/// Changes to the roster: add, edit, move between branches, leave the roll and return to it. Queries are in
/// `MemberOperations+Queries.swift`.
extension PartyCore {
    /// `member.add`: registers a member in a branch.
    package func addMember(org: String, fields: MemberFields, by principal: Principal) async throws -> Member {
        let targets = [ScopeTarget.organization(code: org, field: "org")] + Self.groupTarget(fields)
        return try await guardingProbes(.memberAdd, by: principal) {
            try await write(.memberAdd, by: principal, targets: targets) { op in
                let draft = try MemberDraft.reading(
                    fields,
                    over: nil,
                    orgCode: org.trimmingCharacters(in: .whitespaces)
                )
                try MemberRules.validate(draft, today: op.time.today)
                let org = try OrgLookup.require(draft.orgCode, field: "org", in: op.tx)
                let group = try draft.groupCode.map { try OrgLookup.require($0, field: "group", in: op.tx) }
                try MemberPlacement.validate(org: org, group: group)
                try Self.requireUnique(draft.idNumber, except: nil, caller: op.caller, in: op.tx)
                let member = try op.tx.insertMember(Member(id: 0, draft: draft, orgID: org.id, groupID: group?.id))
                return op.memberChange(member, member, "新增党员 \(member.name)，编入\(org.label)")
            }
        }
    }

    /// `member.edit`: changes the given fields of a member record.
    package func editMember(_ reference: String, fields: MemberFields, by principal: Principal) async throws -> Member {
        let targets = [ScopeTarget.member(reference: reference, field: "member")] + Self.groupTarget(fields)
        return try await guardingProbes(.memberEdit, by: principal) {
            try await write(.memberEdit, by: principal, targets: targets) { op in
                var member = try MemberLookup.require(reference, in: op.tx)
                let before = MemberDraft(member)
                let draft = try MemberDraft.reading(fields, over: before, orgCode: before.orgCode)
                try MemberRules.validate(draft, today: op.time.today)
                let org = try OrgLookup.require(draft.orgCode, field: "member", in: op.tx)
                let group = try draft.groupCode.map { try OrgLookup.require($0, field: "group", in: op.tx) }
                if draft.groupCode != before.groupCode { try MemberPlacement.validate(org: org, group: group) }
                if draft.idNumber != before.idNumber {
                    try Self.requireUnique(draft.idNumber, except: member.id, caller: op.caller, in: op.tx)
                }
                let changes = MemberDraft.changedFields(before, draft)
                guard !changes.isEmpty else { return .unchanged(member) }
                // The draft holds only editable fields: keep the stored roll status as it is.
                let stored = member
                member = Member(id: member.id, draft: draft, orgID: org.id, groupID: group?.id)
                member.status = stored.status
                member.leftOn = stored.leftOn
                member.leftReason = stored.leftReason
                try op.tx.updateMember(member)
                let saved = try MemberLookup.require(String(member.id), in: op.tx)
                return op.memberChange(saved, saved, "修改：" + changes.joined(separator: "、"))
            }
        }
    }

    /// `member.move`: moves a member on the roll to another branch of the same 党委.
    package func moveMember(_ reference: String, to: String, by principal: Principal) async throws -> Member {
        let targets: [ScopeTarget] = [
            .member(reference: reference, field: "member"), .organization(code: to, field: "to"),
        ]
        return try await write(.memberMove, by: principal, targets: targets) { op in
            var member = try MemberLookup.require(reference, in: op.tx)
            guard member.isActive else {
                throw DomainError(
                    .rule,
                    reason: "member.not_active",
                    field: "member",
                    message: "\(member.name) 已是历史党员，不能调整支部"
                )
            }
            let source = try OrgLookup.require(member.orgCode ?? "", field: "member", in: op.tx)
            let target = try OrgLookup.require(to, field: "to", in: op.tx)
            try MemberPlacement.validate(org: target, group: nil, field: "to")
            try MemberPlacement.validateMove(
                from: source,
                sourceAncestors: try Self.ancestors(of: source, in: op.tx),
                to: target,
                targetAncestors: try Self.ancestors(of: target, in: op.tx)
            )
            member.orgID = target.id
            member.groupID = nil
            try op.tx.updateMember(member)
            let moved = try MemberLookup.require(String(member.id), in: op.tx)
            return op.memberChange(moved, moved, "支部间调整：\(source.label) → \(target.label)")
        }
    }

    /// `member.leave`: 出党, 死亡 or 停止党籍 on a date, for a reason; the record moves to history.
    package func leaveRoll(
        _ reference: String,
        kind: String,
        date: String,
        reason: String,
        by principal: Principal
    ) async throws -> Member {
        try await write(.memberLeave, by: principal, targets: [.member(reference: reference, field: "member")]) { op in
            let kind = try MemberRules.parseLeaveKind(kind)
            let date = try LocalDate.parse(date, field: "date", label: "日期")
            let member = try MemberLookup.require(reference, in: op.tx)
            let left = try MemberRules.leave(member, kind: kind, date: date, reason: reason, today: op.time.today)
            try op.tx.updateMember(left.member)
            return op.memberChange(left.member, left.member, left.summary)
        }
    }

    /// `member.restore`: returns a member in history to the roll of their branch.
    package func restoreToRoll(_ reference: String, by principal: Principal) async throws -> Member {
        try await write(.memberRestore, by: principal, targets: [.member(reference: reference, field: "member")]) {
            op in
            let member = try MemberLookup.require(reference, in: op.tx)
            let restored = try MemberRules.restore(member)
            let org = try OrgLookup.require(member.orgCode ?? "", field: "member", in: op.tx)
            try MemberPlacement.validate(org: org, group: nil, field: "member")
            try op.tx.updateMember(restored.member)
            return op.memberChange(restored.member, restored.member, restored.summary)
        }
    }

    /// The organizations above `org`, from the top down.
    static func ancestors(of org: Organization, in tx: any StoreReader) throws -> [Organization] {
        try org.path.ids.dropLast().compactMap { try tx.organization(id: $0) }
    }

    /// Refuses an identity number already held by another record: named when the record is within the
    /// caller's scope, only "registered elsewhere" (a counted probe) when it is not.
    static func requireUnique(
        _ idNumber: String,
        except memberID: Int64?,
        caller: Caller,
        in tx: any StoreReader
    ) throws {
        guard let existing = try tx.member(idNumber: idNumber), existing.id != memberID else { return }
        let path = try tx.organization(id: existing.orgID)?.path
        throw Disclosure.duplicateIDNumber(
            idNumber,
            holder: existing,
            holderPath: path,
            caller: caller,
            field: "idNumber"
        )
    }

    /// The 党小组 a member's fields name, as a scope target: the caller must see it too.
    static func groupTarget(_ fields: MemberFields) -> [ScopeTarget] {
        fields.group?.nonBlank.map { [.organization(code: $0, field: "group")] } ?? []
    }
}
