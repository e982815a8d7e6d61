/// A member record's next state after a roll change, with the Chinese line its history and audit carry.
package struct MemberTransition: Sendable, Equatable {
    /// The record as it must be saved.
    package let member: Member
    /// What changed, in Chinese.
    package let summary: String
}

extension MemberRules {
    /// Decides 出党, 死亡 or 停止党籍: the member leaves the roll on `date` for `reason`, or the refusal says why not.
    package static func leave(
        _ member: Member,
        kind: MemberStatus,
        date: LocalDate,
        reason: String,
        today: LocalDate
    ) throws(DomainError) -> MemberTransition {
        try validateLeave(kind: kind, date: date, reason: reason, member: member, today: today)
        var next = member
        next.status = kind
        next.leftOn = date
        next.leftReason = reason.trimmedWhitespace
        return MemberTransition(member: next, summary: "\(kind.rawValue)（\(date)）：\(next.leftReason ?? "")")
    }

    /// Decides a return to the roll of a member in history.
    package static func restore(_ member: Member) throws(DomainError) -> MemberTransition {
        try validateRestore(member: member)
        var next = member
        next.status = .active
        next.leftOn = nil
        next.leftReason = nil
        return MemberTransition(member: next, summary: "恢复为在册（原为\(member.status.rawValue)）")
    }
}
