import Domain
import Testing

/// The decisions Domain returns for state changes: the next state and its history line, applied as they are.
@Suite("State transitions return the next state and its effects")
struct TransitionTests {
    @Test func leaveSetsStatusDateAndTrimmedReason() throws {
        let left = try MemberRules.leave(
            Sample.member(),
            kind: .deceased,
            date: Sample.date("2025-06-01"),
            reason: "  因病去世\u{3000}",
            today: Sample.today
        )
        #expect(left.member.status == .deceased)
        #expect(left.member.leftOn == Sample.date("2025-06-01"))
        #expect(left.member.leftReason == "因病去世")
        #expect(left.summary == "死亡（2025-06-01）：因病去世")
        #expect(left.member.id == Sample.member().id)
    }

    @Test func leaveRefusedChangesNothingAndSaysWhy() {
        let error = Sample.refusal {
            _ = try MemberRules.leave(
                Sample.member(),
                kind: .deceased,
                date: Sample.date("2025-07-01"),
                reason: "x",
                today: Sample.today
            )
        }
        #expect(error?.reason == "date_in_future")
    }

    @Test func restoreClearsTheLeaveAndNamesThePreviousStatus() throws {
        let restored = try MemberRules.restore(Sample.member(status: .expelled))
        #expect(restored.member.status == .active)
        #expect(restored.member.leftOn == nil)
        #expect(restored.member.leftReason == nil)
        #expect(restored.summary == "恢复为在册（原为\(MemberStatus.expelled.rawValue)）")
        #expect(Sample.refusal { _ = try MemberRules.restore(Sample.member()) }?.reason == "member.not_in_history")
    }

    @Test func revokeDecidesTheRevokedState() throws {
        let org = OrgRulesTests.org(5, .branch, path: [1, 5])
        let revoked = try OrgRules.revoke(
            org,
            activeChildren: 0,
            memberCount: 0,
            on: OrgRulesTests.today,
            today: OrgRulesTests.today,
            reason: " 单位撤并 "
        )
        #expect(revoked.org.status == .revoked)
        #expect(revoked.org.revokedOn == OrgRulesTests.today)
        #expect(revoked.org.revokedReason == "单位撤并")
        #expect(revoked.summary == "撤销（\(OrgRulesTests.today)）：单位撤并")
    }

    @Test func mergePlanMovesChildrenAndMembersAndRevokesTheSource() throws {
        var source = OrgRulesTests.org(2, .generalBranch, path: [1, 2])
        source.founded = LocalDate(year: 2030, month: 1, day: 1)
        let target = OrgRulesTests.org(3, .generalBranch, path: [1, 3])
        let children = [OrgRulesTests.org(4, .branch, path: [1, 2, 4])]
        let plan = try OrgRules.planMerge(
            source,
            into: target,
            children: children,
            memberRecords: 0,
            on: OrgRulesTests.today
        )
        #expect(plan.childrenToMove == children)
        #expect(plan.revokedSource.status == .revoked)
        // Never revoked before it was founded, even when the record says it was founded later.
        #expect(plan.revokedSource.revokedOn == source.founded)
        #expect(plan.revokedSource.revokedReason == "并入\(target.label)")
        #expect(plan.sourceSummary == "合并入\(target.label)：转入下级组织 1 个、党员记录 0 条，原组织撤销")
        #expect(plan.targetSummary == "\(source.label)并入本组织：下级组织 1 个、党员记录 0 条")
    }

    @Test func mergePlanRefusesMembersIntoACommittee() {
        let source = OrgRulesTests.org(2, .branch, path: [1, 2])
        let target = OrgRulesTests.org(3, .committee, path: [1, 3])
        let error = Sample.refusal {
            _ = try OrgRules.planMerge(source, into: target, children: [], memberRecords: 3, on: OrgRulesTests.today)
        }
        #expect(error?.reason == "org.has_members")
    }
}
