import Domain
import Testing

@Suite("Member rules: leaving the roll and coming back")
struct MemberLeaveTests {
    private func leave(
        _ kind: MemberStatus,
        on date: String = "2025-06-01",
        reason: String = "因病去世",
        member: Member = Sample.member()
    ) -> DomainError? {
        Sample.refusal {
            try MemberRules.validateLeave(
                kind: kind,
                date: Sample.date(date),
                reason: reason,
                member: member,
                today: Sample.today
            )
        }
    }

    @Test("an active member may leave by any leave kind", arguments: MemberStatus.leaveKinds)
    func validLeave(kind: MemberStatus) {
        #expect(leave(kind) == nil)
        #expect(leave(kind, on: "2025-06-30") == nil)
    }

    @Test("在册 is not a way of leaving")
    func activeIsNotALeaveKind() {
        let error = leave(.active)
        #expect(error?.reason == "invalid_leave_kind")
        #expect(error?.field == "kind")
    }

    @Test("a member already in history cannot leave again", arguments: MemberStatus.leaveKinds)
    func alreadyLeft(status: MemberStatus) {
        let error = leave(.expelled, member: Sample.member(status: status))
        #expect(error?.kind == .rule)
        #expect(error?.reason == "member.not_active")
        #expect(error?.message.contains(status.rawValue) == true)
    }

    @Test("the date may not lie in the future or before the birth")
    func dates() {
        #expect(leave(.deceased, on: "2025-07-01")?.reason == "date_in_future")
        #expect(leave(.deceased, on: "1990-05-14")?.reason == "date_order")
        #expect(leave(.deceased, on: "1990-05-14")?.field == "date")
    }

    @Test("a reason is required and bounded")
    func reason() {
        #expect(leave(.suspended, reason: " \n")?.reason == "empty_reason")
        #expect(leave(.suspended, reason: " \n")?.field == "reason")
        #expect(leave(.suspended, reason: String(repeating: "因", count: 501))?.reason == "too_long")
    }

    @Test("only a member in history can be restored")
    func restore() {
        let active = Sample.refusal { try MemberRules.validateRestore(member: Sample.member()) }
        #expect(active?.reason == "member.not_in_history")
        #expect(active?.kind == .rule)
        for status in MemberStatus.leaveKinds {
            #expect(Sample.refusal { try MemberRules.validateRestore(member: Sample.member(status: status)) } == nil)
        }
    }
}
