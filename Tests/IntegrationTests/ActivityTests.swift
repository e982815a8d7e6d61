import Domain
import Foundation
import PartyTesting
import Testing
import Wire

/// Organizational life through the real dispatcher and core, with the clock in the test's hands: planning
/// invites through a notice, members confirm or ask leave (account and link), the record derives the counts,
/// checks a 支委会's quorum and flags lateness, points come only after the record, cancelling withdraws the
/// invitation, files are attached up to the limit, publishing posts 工作动态, compliance per period.
///
/// The clock starts at 2026-11-23 10:00 (a Monday) in Asia/Shanghai; the tree is `ScopedAccessTests.seed`'s.
@Suite("Activities: plan, attend, record, cancel, publish, compliance, points")
struct ActivityTests {
    /// A member with an unknown identity number in `org`.
    static func addMember(_ admin: RPCClient, _ name: String, org: String = "B1") async throws -> Int64 {
        try await admin.call(
            MemberAdd.self,
            .init(org: org, fields: MemberFields(name: name, gender: "男", birthDate: "1980-01-01", idNumber: "#"))
        ).id
    }

    @Test func aPlanInvitesThroughTheInboxAndMembersAnswerUntilPointsComeAfterTheRecord() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            let plan = try await admin.call(
                ActivityPlan.self,
                .init(org: "B1", kind: "主题党日", title: "十一月主题党日", at: "2026-11-25 14:30", place: "三楼会议室", host: "王书记")
            )
            #expect(plan.state == .planned && plan.counts.expected == 1 && plan.counts.unanswered == 1)
            let member = PrincipalClient(daemon, unixUser: "memb")
            let inbox = try await member.call(MeInbox.self, .init())
            #expect(inbox.entries.first?.notice.id == plan.invitationNotice)
            #expect(inbox.entries.first?.notice.kind == .system)
            #expect(inbox.entries.first?.notice.body.contains("三楼会议室") == true)

            let mine = try await member.call(MeActivities.self, .init())
            #expect(mine.entries.map(\.activity.id) == [plan.id] && mine.entries.first?.mine.status == .invited)
            let confirmed = try await member.call(MeConfirm.self, .init(activity: plan.id))
            #expect(confirmed.mine.status == .signedUp && confirmed.mine.channel == .console)
            let link = PrincipalClient(daemon, as: .member(id: confirmed.mine.memberID))
            let leave = try await link.call(MeLeave.self, .init(activity: plan.id, reason: "出差"))
            #expect(leave.mine.status == .leave && leave.mine.reason == "出差" && leave.mine.channel == .link)
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "empty_reason") {
                _ = try await link.call(MeLeave.self, .init(activity: plan.id, reason: " "))
            }
            _ = try await link.call(MeConfirm.self, .init(activity: plan.id))
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "activity.held_in_future") {
                _ = try await admin.call(
                    ActivityRecordMethod.self,
                    .init(activity: plan.id, heldAt: "2026-11-25 14:30", present: [womanID])
                )
            }
            #expect(try await member.call(MePoints.self, .init()).members.first?.earned == 0)

            clock.advance(by: 2 * 86_400 + 6 * 3600)  // 2026-11-25 16:00.
            let held = try await admin.call(
                ActivityRecordMethod.self,
                .init(
                    activity: plan.id,
                    heldAt: "2026-11-25 14:35",
                    durationMinutes: 90,
                    minutes: "学习了……",
                    present: [womanID]
                )
            )
            #expect(held.state == .held && held.counts.expected == 1 && held.counts.present == 1)
            #expect(held.late == false && held.dueOn?.description == "2026-11-30")
            #expect(held.attendance?.first?.points == 2)
            let history = held.history?.map(\.channel) ?? []
            #expect(history == [.plan, .console, .link, .link, .record])

            let points = try await member.call(MePoints.self, .init())
            #expect(points.year == 2026 && points.base == 60 && points.members.first?.total == 62)
            #expect(points.entries?.map(\.activity) == [plan.id])
            let listed = try await admin.call(PointsList.self, .init(org: "B", year: 2026))
            #expect(listed.members.map(\.earned) == [2])
            #expect(try await admin.call(PointsList.self, .init(org: "B", year: 2027)).members.map(\.total) == [60])
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "activity.already_held") {
                _ = try await link.call(MeLeave.self, .init(activity: plan.id, reason: "病"))
            }
        }
    }

    @Test func aCommitteeMeetingInvitesItsNamedMembersAndNeedsAQuorum() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { _, admin in
            let second = try await Self.addMember(admin, "赵二")
            let third = try await Self.addMember(admin, "钱三")
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "activity.invitees_required") {
                _ = try await admin.call(
                    ActivityPlan.self,
                    .init(org: "B1", kind: "支委会", title: "支委会", at: "2026-11-23 09:00")
                )
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "member.outside_org") {
                _ = try await admin.call(
                    ActivityPlan.self,
                    .init(org: "B1", kind: "支委会", title: "支委会", at: "2026-11-23 09:00", invite: [manID])
                )
            }
            let plan = try await admin.call(
                ActivityPlan.self,
                .init(
                    org: "B1",
                    kind: "支委会",
                    title: "十一月支委会",
                    at: "2026-11-23 09:00",
                    invite: [womanID, String(second), String(third)]
                )
            )
            #expect(plan.counts.expected == 3)
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "activity.no_quorum") {
                _ = try await admin.call(
                    ActivityRecordMethod.self,
                    .init(activity: plan.id, heldAt: "2026-11-23 09:05", present: [womanID])
                )
            }
            #expect(try await admin.call(ActivityShow.self, .init(activity: plan.id)).state == .planned)
            let held = try await admin.call(
                ActivityRecordMethod.self,
                .init(
                    activity: plan.id,
                    heldAt: "2026-11-23 09:05",
                    decisions: "同意……",
                    present: [womanID, String(second)],
                    leave: [.init(member: String(third), reason: "病假")]
                )
            )
            #expect(held.counts.present == 2 && held.counts.leave == 1 && held.counts.absent == 0)
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "activity.no_quorum") {
                _ = try await admin.call(
                    ActivityAttend.self,
                    .init(activity: plan.id, member: String(second), as: "absent")
                )
            }
            let confirmed = try await admin.call(
                ActivityAttend.self,
                .init(activity: plan.id, member: String(second), as: "confirmed")
            )
            let row = confirmed.attendance?.first { $0.memberID == second }
            #expect(row?.channel == .onBehalf && row?.confirmedAt != nil && row?.points == 2)
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "activity.not_present") {
                _ = try await admin.call(
                    ActivityAttend.self,
                    .init(activity: plan.id, member: String(third), as: "confirmed")
                )
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "activity.not_invited") {
                _ = try await admin.call(ActivityAttend.self, .init(activity: plan.id, member: manID, as: "present"))
            }
        }
    }

    @Test func cancellingWithdrawsTheInvitationAndLateRecordsAreFlagged() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            let member = PrincipalClient(daemon, unixUser: "memb")
            let plan = try await admin.call(
                ActivityPlan.self,
                .init(org: "B1", kind: "党课", title: "专题党课", at: "2026-11-26 15:00")
            )
            let cancelled = try await admin.call(ActivityCancel.self, .init(activity: plan.id, reason: "书记出差，改期"))
            #expect(cancelled.state == .cancelled && cancelled.cancelReason == "书记出差，改期")
            #expect(try await member.call(MeInbox.self, .init()).entries.isEmpty)
            let notice = try await admin.call(NoticeShow.self, .init(notice: plan.invitationNotice ?? 0))
            #expect(notice.state == .retracted && notice.retractReason?.contains("书记出差") == true)
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "activity.cancelled") {
                _ = try await member.call(MeConfirm.self, .init(activity: plan.id))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "activity.cancelled") {
                _ = try await admin.call(ActivityCancel.self, .init(activity: plan.id, reason: "再取消"))
            }

            // Held on Friday 11-13: due by Wednesday 11-18, recorded Monday 11-23.
            let past = try await admin.call(
                ActivityPlan.self,
                .init(org: "B1", kind: "主题党日", title: "补记主题党日", at: "2026-11-13 09:00")
            )
            let late = try await admin.call(
                ActivityRecordMethod.self,
                .init(activity: past.id, heldAt: "2026-11-13 09:00", present: [])
            )
            #expect(late.late && late.dueOn?.description == "2026-11-18" && late.counts.absent == 1)
            let audit = try await admin.call(AuditList.self, .init(limit: 1))
            #expect(audit.entries.first?.summary.contains("逾期记录") == true)
            let listed = try await admin.call(ActivityList.self, .init(org: "B", state: "held"))
            #expect(listed.activities.map(\.id) == [past.id])
        }
    }

    @Test func filesAreAttachedUpToTheLimitAndAHeldActivityIsPublishedAsNews() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            let plan = try await admin.call(
                ActivityPlan.self,
                .init(org: "B1", kind: "支部党员大会", title: "第四季度党员大会", at: "2026-11-23 08:30")
            )
            var refs: [AttachmentRef] = []
            for index in 0..<10 {
                let file = try await uploadAttachment(
                    admin,
                    pdfBytes(2000, seed: UInt64(index + 1)),
                    name: "记录\(index).pdf"
                )
                refs.append(AttachmentRef(attachment: file.id, tag: index == 0 ? "会议记录" : "照片"))
            }
            let attached = try await admin.call(
                ActivityAttach.self,
                .init(activity: plan.id, attachments: Array(refs.prefix(9)))
            )
            #expect(attached.attachments.count == 9 && attached.attachments.first?.tag == .minutes)
            let extra = try await uploadAttachment(admin, pdfBytes(2000, seed: 99), name: "多余.pdf")
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "attachment.too_many") {
                _ = try await admin.call(
                    ActivityAttach.self,
                    .init(activity: plan.id, attachments: [refs[9], AttachmentRef(attachment: extra.id)])
                )
            }
            let member = PrincipalClient(daemon, unixUser: "memb")
            let seen = try await member.call(AttachmentList.self, .init(owner: "activity", id: plan.id))
            #expect(seen.attachments.count == 9)
            let bytes = try await downloadAttachment(member, seen.attachments[0].id)
            #expect(bytes.bytes.count == 2000)

            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "activity.not_held") {
                _ = try await admin.call(ActivityPublish.self, .init(activity: plan.id, feed: true))
            }
            _ = try await admin.call(
                ActivityRecordMethod.self,
                .init(activity: plan.id, heldAt: "2026-11-23 08:30", present: [womanID], attachments: [refs[9]])
            )
            let published = try await admin.call(
                ActivityPublish.self,
                .init(activity: plan.id, feed: true, summary: "会议传达学习了上级精神。")
            )
            #expect(published.state == .published && published.feedNotice != nil)
            #expect(published.attachments?.count == 10)
            let news = try await admin.call(NoticeShow.self, .init(notice: published.feedNotice ?? 0))
            #expect(news.kind == .news && news.body.contains("实到 1 人") && news.body.contains("上级精神"))
            #expect(try await member.call(MeInbox.self, .init()).entries.first?.notice.id == news.id)
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "activity.already_published") {
                _ = try await admin.call(ActivityPublish.self, .init(activity: plan.id))
            }
        }
    }

    @Test func complianceReportsEachBranchsRequiredActivitiesOfThePeriod() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { _, admin in
            let held = try await admin.call(
                ActivityPlan.self,
                .init(org: "B1", kind: "主题党日", title: "十月主题党日", at: "2026-10-20 09:00")
            )
            _ = try await admin.call(
                ActivityRecordMethod.self,
                .init(activity: held.id, heldAt: "2026-10-20 09:00", present: [womanID])
            )
            let planned = try await admin.call(
                ActivityPlan.self,
                .init(org: "B1", kind: "党课", title: "十二月党课", at: "2026-12-10 09:00")
            )
            let report = try await admin.call(
                ActivityComplianceMethod.self,
                .init(org: "A", recursive: true, period: "2026Q4")
            )
            #expect(report.branches.map(\.orgCode) == ["B1", "B2", "C1"])
            let b1 = report.branches[0]
            func status(_ kind: ActivityKind, _ slot: String) -> ComplianceStatus? {
                b1.items.first { $0.kind == kind && $0.slot == slot }?.status
            }
            #expect(status(.themeDay, "2026-10") == .held)
            #expect(status(.themeDay, "2026-11") == .pending)
            #expect(status(.committeeMeeting, "2026-10") == .missing)
            #expect(status(.partyLecture, "2026Q4") == .planned)
            #expect(b1.items.first { $0.kind == .partyLecture }?.activity == planned.id)
            #expect(b1.missing == 2 && report.branches[1].missing == 3)
            let month = try await admin.call(ActivityComplianceMethod.self, .init(org: "C1", period: "2026-10"))
            #expect(month.branches.count == 1 && month.branches[0].items.count == 3)
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "activity.not_branch") {
                _ = try await admin.call(ActivityComplianceMethod.self, .init(org: "C", period: "2026"))
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "activity.invalid_period") {
                _ = try await admin.call(ActivityComplianceMethod.self, .init(org: "C1", period: "2026Q7"))
            }
        }
    }
}
