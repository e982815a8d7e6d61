import Domain
import Foundation
import Store
import Wire

/// `member.*` methods that change the roster. Queries are in `MemberHandlers+Queries.swift`.
enum MemberHandlers {
    static func register(in registry: inout MethodRegistry) {
        registry.register(MemberAdd.self, access: .write, targets: { [.organization(code: $0.org, field: "org")] }) {
            params,
            context in try await add(params, context)
        }
        registry.register(
            MemberEdit.self,
            access: .write,
            targets: { [.member(reference: $0.member, field: "member")] }
        ) {
            params,
            context in try await edit(params, context)
        }
        registry.register(
            MemberMove.self,
            access: .write,
            targets: { [.member(reference: $0.member, field: "member"), .organization(code: $0.to, field: "to")] }
        ) { params, context in try await move(params, context) }
        registry.register(
            MemberLeave.self,
            access: .write,
            targets: { [.member(reference: $0.member, field: "member")] }
        ) {
            params,
            context in
            let kind = try MemberRules.parseLeaveKind(params.kind)
            let date = try LocalDate.parse(params.date, field: "date", label: "日期")
            return try await context.store.write { tx in
                var member = try MemberLookup.require(params.member, in: tx)
                try MemberRules.validateLeave(
                    kind: kind,
                    date: date,
                    reason: params.reason,
                    member: member,
                    today: context.today
                )
                member.status = kind
                member.leftOn = date
                member.leftReason = params.reason.trimmingCharacters(in: .whitespacesAndNewlines)
                try tx.updateMember(member, at: context.timestamp)
                try record(
                    tx,
                    context,
                    MemberLeave.name,
                    member,
                    "\(kind.rawValue)（\(date)）：\(member.leftReason ?? "")"
                )
                return member
            }
        }
        registry.register(
            MemberRestore.self,
            access: .write,
            targets: { [.member(reference: $0.member, field: "member")] }
        ) {
            params,
            context in
            try await context.store.write { tx in
                var member = try MemberLookup.require(params.member, in: tx)
                try MemberRules.validateRestore(member: member)
                let org = try OrgLookup.require(member.orgCode ?? "", field: "member", in: tx)
                try MemberPlacement.validate(org: org, group: nil, field: "member")
                let previous = member.status
                member.status = .active
                member.leftOn = nil
                member.leftReason = nil
                try tx.updateMember(member, at: context.timestamp)
                try record(tx, context, MemberRestore.name, member, "恢复为在册（原为\(previous.rawValue)）")
                return member
            }
        }
        registerQueries(in: &registry)
    }

    private static func add(_ params: MemberAdd.Params, _ context: RequestContext) async throws -> Member {
        let draft = try MemberDraftBuilder.draft(
            from: params.fields,
            over: nil,
            orgCode: params.org.trimmingCharacters(in: .whitespaces)
        )
        try MemberRules.validate(draft, today: context.today)
        return try await context.store.write { tx in
            let org = try OrgLookup.require(draft.orgCode, field: "org", in: tx)
            let group = try draft.groupCode.map { try OrgLookup.require($0, field: "group", in: tx) }
            try MemberPlacement.validate(org: org, group: group)
            try requireUnique(draft.idNumber, except: nil, in: tx)
            let member = try tx.insertMember(
                Member(id: 0, draft: draft, orgID: org.id, groupID: group?.id),
                at: context.timestamp
            )
            try record(tx, context, MemberAdd.name, member, "新增党员 \(member.name)，编入\(org.label)")
            return member
        }
    }

    private static func edit(_ params: MemberEdit.Params, _ context: RequestContext) async throws -> Member {
        try await context.store.write { tx in
            var member = try MemberLookup.require(params.member, in: tx)
            let before = MemberDraft(member)
            let draft = try MemberDraftBuilder.draft(from: params.fields, over: before, orgCode: before.orgCode)
            try MemberRules.validate(draft, today: context.today)
            let org = try OrgLookup.require(draft.orgCode, field: "member", in: tx)
            let group = try draft.groupCode.map { try OrgLookup.require($0, field: "group", in: tx) }
            if draft.groupCode != before.groupCode { try MemberPlacement.validate(org: org, group: group) }
            if draft.idNumber != before.idNumber { try requireUnique(draft.idNumber, except: member.id, in: tx) }
            let changes = MemberDraftBuilder.changedFields(before, draft)
            guard !changes.isEmpty else { return member }
            // The draft holds only editable fields: keep the stored roll status as it is.
            let stored = member
            member = Member(id: member.id, draft: draft, orgID: org.id, groupID: group?.id)
            member.status = stored.status
            member.leftOn = stored.leftOn
            member.leftReason = stored.leftReason
            try tx.updateMember(member, at: context.timestamp)
            try record(tx, context, MemberEdit.name, member, "修改：" + changes.joined(separator: "、"))
            return try MemberLookup.require(String(member.id), in: tx)
        }
    }

    private static func move(_ params: MemberMove.Params, _ context: RequestContext) async throws -> Member {
        try await context.store.write { tx in
            var member = try MemberLookup.require(params.member, in: tx)
            guard member.isActive else {
                throw DomainError(
                    .rule,
                    reason: "member.not_active",
                    field: "member",
                    message: "\(member.name) 已是历史党员，不能调整支部"
                )
            }
            let source = try OrgLookup.require(member.orgCode ?? "", field: "member", in: tx)
            let target = try OrgLookup.require(params.to, field: "to", in: tx)
            try MemberPlacement.validate(org: target, group: nil, field: "to")
            try MemberPlacement.validateMove(
                from: source,
                sourceAncestors: try ancestors(of: source, in: tx),
                to: target,
                targetAncestors: try ancestors(of: target, in: tx)
            )
            member.orgID = target.id
            member.groupID = nil
            try tx.updateMember(member, at: context.timestamp)
            let moved = try MemberLookup.require(String(member.id), in: tx)
            try record(tx, context, MemberMove.name, moved, "支部间调整：\(source.label) → \(target.label)")
            return moved
        }
    }

    /// The organizations above `org`, from the top down.
    static func ancestors(of org: Organization, in tx: any StoreReader) throws -> [Organization] {
        try org.path.ids.dropLast().compactMap { try tx.organization(id: $0) }
    }

    /// Refuses an identity number already held by another record, naming that record.
    static func requireUnique(_ idNumber: String, except memberID: Int64?, in tx: any StoreReader) throws {
        guard let existing = try tx.member(idNumber: idNumber), existing.id != memberID else { return }
        throw DomainError(
            .conflict,
            reason: "member.duplicate_id_number",
            field: "idNumber",
            message:
                "身份证号 \(idNumber) 已登记为 \(existing.name)（编号 \(existing.id)，\(existing.orgCode ?? "")，\(existing.status.rawValue)）"
        )
    }

    /// Writes the roster history line and the audit entry of a change, in its transaction.
    static func record(
        _ tx: any StoreWriter,
        _ context: RequestContext,
        _ method: String,
        _ member: Member,
        _ summary: String
    ) throws {
        try tx.appendMemberHistory(
            memberID: member.id,
            orgID: member.orgID,
            at: context.timestamp,
            actor: context.caller.userName,
            action: method,
            summary: summary
        )
        try tx.appendAudit(
            context.audit(method: method, target: "\(member.name)（\(member.id)）", orgID: member.orgID, summary: summary)
        )
    }
}
