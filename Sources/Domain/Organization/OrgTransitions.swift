/// An organization's next state after 撤销, with the Chinese line its history and audit carry.
package struct OrgTransition: Sendable, Equatable {
    /// The organization as it must be saved.
    package let org: Organization
    /// What changed, in Chinese.
    package let summary: String
}

/// What a merge does, decided before anything moves: which children go under the target, how many member
/// records follow, the source revoked, and the lines both organizations' histories get.
package struct OrgMergePlan: Sendable, Equatable {
    /// The source as it must be saved: revoked, on the merge date (never before it was founded).
    package let revokedSource: Organization
    /// The target that takes everything.
    package let target: Organization
    /// The source's active children, to move under the target with their subtrees.
    package let childrenToMove: [Organization]
    /// The source's member records (history included), all of which move to the target.
    package let memberRecords: Int
    /// The source's history line.
    package let sourceSummary: String
    /// The target's history line.
    package let targetSummary: String
}

extension OrgRules {
    /// Decides 撤销: the organization revoked on `date` for `reason`, or the refusal says why not.
    package static func revoke(
        _ org: Organization,
        activeChildren: Int,
        memberCount: Int,
        on date: LocalDate,
        today: LocalDate,
        reason: String
    ) throws(DomainError) -> OrgTransition {
        try validateRevoke(
            org,
            activeChildren: activeChildren,
            memberCount: memberCount,
            on: date,
            today: today,
            reason: reason
        )
        var next = org
        next.status = .revoked
        next.revokedOn = date
        next.revokedReason = reason.trimmedWhitespace
        return OrgTransition(org: next, summary: "撤销（\(date)）：\(next.revokedReason ?? "")")
    }

    /// Decides a merge of `source` into `target` on `date`, given the source's active `children` and its
    /// `memberRecords` (history included).
    package static func planMerge(
        _ source: Organization,
        into target: Organization,
        children: [Organization],
        memberRecords: Int,
        on date: LocalDate
    ) throws(DomainError) -> OrgMergePlan {
        try validateMerge(source, into: target, childKinds: Set(children.map(\.kind)), memberCount: memberRecords)
        var revoked = source
        revoked.status = .revoked
        revoked.revokedOn = max(date, source.founded ?? date)
        revoked.revokedReason = "并入\(target.label)"
        let moved = "下级组织 \(children.count) 个、党员记录 \(memberRecords) 条"
        return OrgMergePlan(
            revokedSource: revoked,
            target: target,
            childrenToMove: children,
            memberRecords: memberRecords,
            sourceSummary: "合并入\(target.label)：转入\(moved)，原组织撤销",
            targetSummary: "\(source.label)并入本组织：\(moved)"
        )
    }
}
