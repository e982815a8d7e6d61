import Domain
import Foundation
import PartyTesting
import Testing
import Wire

/// Who may see and change activities, through the real dispatcher: `secb` (administrator of B) is told C's
/// activities do not exist, the auditor of C reads but cannot plan or record, and a member sees only the
/// activities they are invited to.
@Suite("Activities: scoped access")
struct ActivityAccessTests {
    @Test func anAdministratorOutsideTheSubtreeIsToldNothing() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            let c1 = try await admin.call(
                ActivityPlan.self,
                .init(org: "C1", kind: "主题党日", title: "机关主题党日", at: "2026-11-23 09:00")
            )
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let id = c1.id
            await ScopedAccessTests.expectConcealed("activity.plan") {
                _ = try await secb.call(
                    ActivityPlan.self,
                    .init(org: "C1", kind: "党课", title: "x", at: "2026-12-01 09:00")
                )
            }
            await ScopedAccessTests.expectConcealed("activity.plan invite") {
                _ = try await secb.call(
                    ActivityPlan.self,
                    .init(org: "B1", kind: "党课", title: "x", at: "2026-12-01 09:00", invite: [manID])
                )
            }
            await ScopedAccessTests.expectConcealed("activity.show") {
                _ = try await secb.call(ActivityShow.self, .init(activity: id))
            }
            await ScopedAccessTests.expectConcealed("activity.show missing") {
                _ = try await secb.call(ActivityShow.self, .init(activity: 999))
            }
            await ScopedAccessTests.expectConcealed("activity.list") {
                _ = try await secb.call(ActivityList.self, .init(org: "C"))
            }
            await ScopedAccessTests.expectConcealed("activity.record") {
                _ = try await secb.call(
                    ActivityRecordMethod.self,
                    .init(activity: id, heldAt: "2026-11-23 09:00", present: [])
                )
            }
            await ScopedAccessTests.expectConcealed("activity.attend") {
                _ = try await secb.call(ActivityAttend.self, .init(activity: id, member: manID, as: "present"))
            }
            await ScopedAccessTests.expectConcealed("activity.cancel") {
                _ = try await secb.call(ActivityCancel.self, .init(activity: id, reason: "x"))
            }
            await ScopedAccessTests.expectConcealed("activity.attach") {
                _ = try await secb.call(ActivityAttach.self, .init(activity: id, attachments: []))
            }
            await ScopedAccessTests.expectConcealed("activity.publish") {
                _ = try await secb.call(ActivityPublish.self, .init(activity: id))
            }
            await ScopedAccessTests.expectConcealed("attachment.list") {
                _ = try await secb.call(AttachmentList.self, .init(owner: "activity", id: id))
            }
            await ScopedAccessTests.expectConcealed("activity.compliance") {
                _ = try await secb.call(ActivityComplianceMethod.self, .init(org: "C1", period: "2026"))
            }
            await ScopedAccessTests.expectConcealed("points.list") {
                _ = try await secb.call(PointsList.self, .init(org: "C"))
            }
            #expect(try await secb.call(ActivityList.self, .init()).activities.isEmpty)
            #expect(try await secb.call(PointsList.self, .init()).members.map(\.memberName) == ["张秀英"])
        }
    }

    @Test func theAuditorReadsAndTheMemberSeesOnlyTheirOwnInvitations() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            let c1 = try await admin.call(
                ActivityPlan.self,
                .init(org: "C1", kind: "主题党日", title: "机关主题党日", at: "2026-11-23 09:00")
            )
            let b1 = try await admin.call(
                ActivityPlan.self,
                .init(org: "B1", kind: "主题党日", title: "一支部主题党日", at: "2026-11-24 09:00")
            )
            let audc = PrincipalClient(daemon, unixUser: "audc")
            #expect(try await audc.call(ActivityShow.self, .init(activity: c1.id)).attendance?.count == 1)
            #expect(try await audc.call(ActivityList.self, .init()).activities.map(\.id) == [c1.id])
            await ScopedAccessTests.expectForbidden("activity.plan by the auditor") {
                _ = try await audc.call(
                    ActivityPlan.self,
                    .init(org: "C1", kind: "党课", title: "x", at: "2026-12-01 09:00")
                )
            }
            await ScopedAccessTests.expectForbidden("activity.record by the auditor") {
                _ = try await audc.call(
                    ActivityRecordMethod.self,
                    .init(activity: c1.id, heldAt: "2026-11-23 09:00", present: [])
                )
            }
            await ScopedAccessTests.expectForbidden("activity.attend by the auditor") {
                _ = try await audc.call(ActivityAttend.self, .init(activity: c1.id, member: manID, as: "present"))
            }

            let memb = PrincipalClient(daemon, unixUser: "memb")
            #expect(try await memb.call(MeActivities.self, .init()).entries.map(\.activity.id) == [b1.id])
            await expectRefusal(code: RPCErrorCode.notFound, reason: "activity.not_found") {
                _ = try await memb.call(MeConfirm.self, .init(activity: c1.id))
            }
            await expectRefusal(code: RPCErrorCode.notFound, reason: "activity.not_found") {
                _ = try await memb.call(MeLeave.self, .init(activity: 999, reason: "病"))
            }
            await ScopedAccessTests.expectForbidden("activity.show by a member") {
                _ = try await memb.call(ActivityShow.self, .init(activity: b1.id))
            }
            await ScopedAccessTests.expectForbidden("activity.attend by a member") {
                _ = try await memb.call(ActivityAttend.self, .init(activity: b1.id, member: womanID, as: "present"))
            }
            await ScopedAccessTests.expectConcealed("attachment.list of another branch's activity") {
                _ = try await memb.call(AttachmentList.self, .init(owner: "activity", id: c1.id))
            }
            #expect(try await memb.call(AttachmentList.self, .init(owner: "activity", id: b1.id)).attachments.isEmpty)
            let nobody = PrincipalClient(daemon, unixUser: "nobody")
            await expectRefusal(code: RPCErrorCode.unauthenticated) {
                _ = try await nobody.call(MeActivities.self, .init())
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "me.not_member") {
                _ = try await admin.call(MeActivities.self, .init())
            }
        }
    }
}
