/// Where a member may be registered, and between which branches the 支部间调整 of the roster may move them.
package enum MemberPlacement {
    /// The kinds that lead a tree or subtree whose branches may exchange members directly (支部间调整 within one
    /// 党委); anything else is a transfer of organizational relation (组织关系转接).
    static let committeeKinds: Set<OrgKind> = [.committee, .workingCommittee, .leadingGroup]

    /// Checks that members may sit in `org` (an active 党支部 or 联合党支部) and in `group` (an active 党小组
    /// directly under it), when one is given.
    package static func validate(org: Organization, group: Organization?, field: String = "org") throws(DomainError) {
        guard org.isActive else {
            throw DomainError(.rule, reason: "org.revoked", field: field, message: "\(org.label)已撤销，不能编入党员")
        }
        guard org.kind.holdsMembers else {
            throw DomainError(
                .rule,
                reason: "member.not_branch",
                field: field,
                message: "党员只能编入党支部或联合党支部，\(org.label)是\(org.kind.rawValue)"
            )
        }
        guard let group else { return }
        guard group.kind == .group, group.parentID == org.id, group.isActive else {
            throw DomainError(
                .rule,
                reason: "member.bad_group",
                field: "group",
                message: "党小组\(group.label)不是\(org.label)下的在用党小组"
            )
        }
    }

    /// Checks a 支部间调整: the two branches must belong to the same nearest 党委 (or 党工委, 党组), given each
    /// branch's ancestors from the top down.
    package static func validateMove(
        from source: Organization,
        sourceAncestors: [Organization],
        to target: Organization,
        targetAncestors: [Organization]
    ) throws(DomainError) {
        guard source.id != target.id else {
            throw DomainError(.rule, reason: "member.same_org", field: "to", message: "党员已在\(target.label)")
        }
        let sourceCommittee = sourceAncestors.last { committeeKinds.contains($0.kind) }
        let targetCommittee = targetAncestors.last { committeeKinds.contains($0.kind) }
        guard let sourceCommittee, sourceCommittee.id == targetCommittee?.id else {
            throw DomainError(
                .rule,
                reason: "member.cross_committee",
                field: "to",
                message: "\(source.label)与\(target.label)不属于同一党委，支部间调整只能在同一党委内进行；跨党委请办理组织关系转接"
            )
        }
    }
}

extension Member {
    /// A member record made of a validated draft, placed in `orgID` (and `groupID`), on the roll.
    package init(id: Int64, draft: MemberDraft, orgID: Int64, groupID: Int64?) {
        self.init(
            id: id,
            name: draft.name,
            gender: draft.gender,
            ethnicity: draft.ethnicity,
            birthDate: draft.birthDate,
            idNumber: draft.idNumber,
            phone: draft.phone,
            email: draft.email,
            education: draft.education,
            job: draft.job,
            workUnit: draft.workUnit,
            joinDate: draft.joinDate,
            probationStart: draft.probationStart,
            fullDate: draft.fullDate,
            category: draft.category,
            orgID: orgID,
            orgCode: draft.orgCode,
            groupID: groupID,
            groupCode: draft.groupCode,
            flags: draft.flags,
            remarks: draft.remarks
        )
    }
}
