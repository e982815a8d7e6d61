import Core
import Domain
import Foundation
import Notice
import PartyTesting
import Server
import Synchronization
import Testing
import Wire

/// A notice's life through the real dispatcher and core, with the clock in the test's hands: scheduled, edited,
/// released when its time comes, cancelled, retracted; named members; the committees' groups; attempt history.
///
/// The clock starts at 2026-11-23 10:00 in Asia/Shanghai; the seeded tree is `ScopedAccessTests.seed`'s.
@Suite("Notices: scheduling, editing, cancelling, retracting, addressing")
struct NoticeLifecycleTests {
    static func notice(
        org: String = "A",
        subtree: Bool = true,
        at: String? = nil,
        to: String? = nil,
        members: [String]? = nil,
        title: String = "十二月主题党日安排"
    ) -> NoticeFields {
        NoticeFields(
            org: org,
            subtree: subtree,
            kind: "通知公告",
            title: title,
            body: "各支部：请按安排开展主题党日。",
            at: at,
            to: to,
            members: members
        )
    }

    @Test func aScheduledNoticeWaitsCanBeEditedAndGoesOutWhenItsTimeComes() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            let scheduled = try await admin.call(NoticePost.self, Self.notice(at: "2026-11-23 12:00"))
            #expect(scheduled.state == .scheduled && scheduled.recipients == 0)
            #expect(scheduled.publishedAt.hasPrefix("2026-11-23T12:00:00"))
            let member = PrincipalClient(daemon, unixUser: "memb")
            #expect(try await member.call(MeInbox.self, .init()).entries.isEmpty)

            let edited = try await admin.call(
                NoticeEdit.self,
                .init(notice: scheduled.id, title: "十二月主题党日安排（修订）", at: "2026-11-23 15:30")
            )
            #expect(edited.title == "十二月主题党日安排（修订）" && edited.state == .scheduled)
            let audit = try await admin.call(AuditList.self, .init(limit: 1))
            #expect(audit.entries.first?.summary.contains("标题、发布时间") == true)

            clock.advance(by: 4 * 3600)  // 14:00: not yet.
            #expect(try await daemon.daemon.core.releaseScheduledNotices() == 0)
            clock.advance(by: 3600 + 1800)  // 15:30.
            #expect(try await daemon.daemon.core.releaseScheduledNotices() == 1)
            #expect(try await daemon.daemon.core.releaseScheduledNotices() == 0)

            let published = try await admin.call(NoticeShow.self, .init(notice: scheduled.id))
            #expect(published.state == .published && published.recipients == 2)
            #expect(published.publishedAt.hasPrefix("2026-11-23T15:30:00"))
            #expect(try await member.call(MeInbox.self, .init()).entries.map(\.notice.id) == [scheduled.id])
            let released = try await admin.call(AuditList.self, .init(limit: 1))
            #expect(released.entries.first?.actor == "partyd")
            #expect(released.entries.first?.summary.contains("按计划发布") == true)

            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "notice.already_published") {
                _ = try await admin.call(NoticeEdit.self, .init(notice: scheduled.id, title: "再改"))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "notice.already_published") {
                _ = try await admin.call(NoticeCancel.self, .init(notice: scheduled.id))
            }
        }
    }

    @Test func aCancelledNoticeNeverGoesOutAndTimesAreChecked() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            let scheduled = try await admin.call(NoticePost.self, Self.notice(at: "2026-11-24T09:00:00+08:00"))
            let cancelled = try await admin.call(NoticeCancel.self, .init(notice: scheduled.id))
            #expect(cancelled.state == .cancelled)
            clock.advance(by: 2 * 86400)
            #expect(try await daemon.daemon.core.releaseScheduledNotices() == 0)
            #expect(try await admin.call(NoticeShow.self, .init(notice: scheduled.id)).recipients == 0)
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "notice.closed") {
                _ = try await admin.call(NoticeEdit.self, .init(notice: scheduled.id, title: "x"))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "notice.closed") {
                _ = try await admin.call(NoticeRetract.self, .init(notice: scheduled.id, reason: "错发"))
            }
            let waiting = try await admin.call(NoticePost.self, Self.notice(at: "2026-12-01 09:00"))
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "notice.not_published") {
                _ = try await admin.call(NoticeRetract.self, .init(notice: waiting.id, reason: "错发"))
            }
            // Now 2026-11-25 10:00.
            for (at, reason) in [
                ("2026-11-25 08:00", "date_in_past"), ("2028-01-01 08:00", "too_far_ahead"),
                ("明天上午", "invalid_datetime"), ("2026-11-25 25:00", "invalid_datetime"),
            ] {
                await expectRefusal(code: RPCErrorCode.invalidValue, reason: reason) {
                    _ = try await admin.call(NoticePost.self, Self.notice(at: at))
                }
            }
            // A time a few seconds past is "now".
            let now = try await admin.call(NoticePost.self, Self.notice(at: "2026-11-25 09:59:30"))
            #expect(now.state == .published && now.recipients == 2)
        }
    }

    @Test func retractingWithdrawsFromInboxesDropsWhatIsUnsentAndTellsTheGroups() async throws {
        let working = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { working.stop() }
        let failing = try HTTPReceiver { _ in .status(503, body: "busy") }
        defer { failing.stop() }
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            for (name, url) in [("好", working.url), ("忙", failing.url)] {
                _ = try await admin.call(
                    ChannelAdd.self,
                    ChannelFields(org: "B1", kind: "webhook", name: name, url: url, secret: "k")
                )
            }
            let notice = try await admin.call(NoticePost.self, Self.notice())
            #expect(try await daemon.daemon.delivery.deliverDue() == 2)
            let member = PrincipalClient(daemon, unixUser: "memb")
            _ = try await member.call(MeRead.self, .init(notice: notice.id))

            let retracted = try await admin.call(NoticeRetract.self, .init(notice: notice.id, reason: "日期有误，另行通知"))
            #expect(retracted.state == .retracted && retracted.retractReason == "日期有误，另行通知")
            #expect(try await member.call(MeInbox.self, .init()).entries.isEmpty)
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "notice.retracted") {
                _ = try await member.call(MeRead.self, .init(notice: notice.id))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "notice.not_published") {
                _ = try await admin.call(NoticeResend.self, .init(notice: notice.id))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "notice.closed") {
                _ = try await admin.call(NoticeRetract.self, .init(notice: notice.id, reason: "again"))
            }
            // The busy channel's retry is dropped; the group that got the notice is told it was withdrawn.
            clock.advance(by: 3600)
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            #expect(failing.requests.count == 1)
            #expect(working.requests.count == 2)
            let word = try #require(working.requests.last)
            #expect(word.text.contains("【撤回】十二月主题党日安排") && word.text.contains("日期有误，另行通知"))
            let deliveries = try await admin.call(DeliveryList.self, .init()).deliveries
            #expect(deliveries.map(\.state).sorted { $0.rawValue < $1.rawValue } == [.cancelled, .sent, .sent])
            #expect(deliveries.first { $0.state == .cancelled }?.lastError == "通知已撤回")
            #expect(deliveries.first?.purpose == .retraction)
        }
    }

    @Test func namedMembersAndTheCommitteesGroupsAreAddressedAsAsked() async throws {
        let members = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { members.stop() }
        let committee = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { committee.stop() }
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            for (audience, url) in [("members", members.url), ("admins", committee.url)] {
                _ = try await admin.call(
                    ChannelAdd.self,
                    ChannelFields(org: "B", kind: "webhook", url: url, secret: "k", audience: audience)
                )
            }
            let named = try await admin.call(NoticePost.self, Self.notice(org: "B", subtree: false, members: [womanID]))
            #expect(named.recipients == 1 && named.audience == "区委指定党员")
            let toAdmins = try await admin.call(NoticePost.self, Self.notice(org: "B", to: "管理员"))
            #expect(toAdmins.recipients == 0 && toAdmins.audience == "区委及下级组织管理员")
            #expect(try await daemon.daemon.delivery.deliverDue() == 2)
            #expect(members.requests.count == 1 && committee.requests.count == 1)
            #expect(committee.requests.first?.text.contains(toAdmins.title) == true)

            for (fields, reason) in [
                (Self.notice(org: "C", subtree: false, members: [womanID]), "member.outside_org"),
                (Self.notice(org: "B", subtree: true, members: [womanID]), "audience_conflict"),
                (Self.notice(org: "B", subtree: false, to: "管理员", members: [womanID]), "audience_conflict"),
                (
                    NoticeFields(org: "B", kind: "通知公告", title: "t", body: "b", ackRequired: true, to: "admins"),
                    "audience_conflict"
                ),
            ] {
                await expectRefusal(code: RPCErrorCode.invalidValue, reason: reason) {
                    _ = try await admin.call(NoticePost.self, fields)
                }
            }
            // A member outside the caller's scope is concealed like one that does not exist.
            let secb = PrincipalClient(daemon, unixUser: "secb")
            await ScopedAccessTests.expectConcealed("notice.post naming a member elsewhere") {
                _ = try await secb.call(NoticePost.self, Self.notice(org: "B", subtree: false, members: [manID]))
            }
        }
    }

    @Test func everyAttemptIsKeptAndShownWithinScope() async throws {
        let flaky = Mutex(0)
        let receiver = try HTTPReceiver { _ in
            flaky.withLock { count in
                count += 1
                return count == 1 ? .status(500, body: "oops") : .status(200, body: "{}")
            }
        }
        defer { receiver.stop() }
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            _ = try await admin.call(
                ChannelAdd.self,
                ChannelFields(org: "C1", kind: "webhook", name: "机关群", url: receiver.url, secret: "k")
            )
            _ = try await admin.call(NoticePost.self, Self.notice())
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            clock.advance(by: 3600)
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            let id = try #require(try await admin.call(DeliveryList.self, .init()).deliveries.first?.id)
            let shown = try await admin.call(DeliveryShow.self, .init(id: id))
            #expect(shown.state == .sent && shown.attempts == 2)
            #expect(shown.history?.map(\.outcome) == [.retryable, .delivered])
            #expect(shown.history?.first?.error?.contains("500") == true)

            let secb = PrincipalClient(daemon, unixUser: "secb")
            await ScopedAccessTests.expectConcealed("delivery.show") {
                _ = try await secb.call(DeliveryShow.self, .init(id: id))
            }
            await ScopedAccessTests.expectConcealed("delivery.show of nothing") {
                _ = try await secb.call(DeliveryShow.self, .init(id: 999_999))
            }
            let theirs = try await admin.call(NoticePost.self, Self.notice(org: "C", at: "2026-11-30 09:00"))
            await ScopedAccessTests.expectConcealed("notice.edit") {
                _ = try await secb.call(NoticeEdit.self, .init(notice: theirs.id, title: "x"))
            }
            await ScopedAccessTests.expectConcealed("notice.cancel") {
                _ = try await secb.call(NoticeCancel.self, .init(notice: theirs.id))
            }
            await ScopedAccessTests.expectConcealed("notice.retract") {
                _ = try await secb.call(NoticeRetract.self, .init(notice: theirs.id, reason: "x"))
            }
            await ScopedAccessTests.expectForbidden("auditor cancel") {
                _ = try await PrincipalClient(daemon, unixUser: "audc").call(
                    NoticeCancel.self,
                    .init(notice: theirs.id)
                )
            }
        }
    }

    @Test func filesPostedWithANoticeReachItsRecipientsUntilItIsRetracted() async throws {
        try await ScopedAccessTests.seeded(clock: TestClock()) { daemon, admin in
            let minutes = try await uploadAttachment(admin, pdfBytes(3000, seed: 7), name: "会议议程.pdf")
            var fields = Self.notice()
            fields.attachments = [AttachmentRef(attachment: minutes.id, name: "议程.pdf", tag: "通知")]
            let posted = try await admin.call(NoticePost.self, fields)
            #expect(posted.attachments?.map(\.name) == ["议程.pdf"])
            #expect(
                try await admin.call(NoticeShow.self, .init(notice: posted.id)).attachments?.map(\.id) == [minutes.id]
            )
            let audit = try await admin.call(AuditList.self, .init(limit: 1))
            #expect(audit.entries.first?.summary.contains("附件：“议程.pdf”") == true)

            let member = PrincipalClient(daemon, unixUser: "memb")
            let read = try await member.call(MeRead.self, .init(notice: posted.id))
            #expect(read.notice.attachments?.first?.tag?.rawValue == "通知")
            let chunk = try await member.call(AttachmentDownload.self, .init(attachment: minutes.id))
            #expect(Data(base64Encoded: chunk.data) == Data(pdfBytes(3000, seed: 7)))

            _ = try await admin.call(NoticeRetract.self, .init(notice: posted.id, reason: "附件有误"))
            await expectRefusal(code: RPCErrorCode.notFound, reason: "attachment.not_found") {
                _ = try await member.call(AttachmentDownload.self, .init(attachment: minutes.id))
            }
            // A file the caller neither uploaded nor sees is refused, and the notice is not written.
            let secb = PrincipalClient(daemon, unixUser: "secb")
            var theirs = Self.notice(org: "B")
            theirs.attachments = [AttachmentRef(attachment: minutes.id)]
            await expectRefusal(code: RPCErrorCode.notFound, reason: "attachment.not_found") {
                _ = try await secb.call(NoticePost.self, theirs)
            }
            #expect(try await secb.call(NoticeList.self, .init()).notices.isEmpty)
        }
    }

    @Test func aDingTalkGroupMentionsTheFewItStillWaitsFor() async throws {
        let robot = try HTTPReceiver { _ in .status(200, body: #"{"errcode":0,"errmsg":"ok"}"#) }
        defer { robot.stop() }
        try await ScopedAccessTests.seeded(clock: TestClock()) { daemon, admin in
            _ = try await admin.call(
                MemberEdit.self,
                .init(member: womanID, fields: MemberFields(phone: "13800138000"))
            )
            _ = try await admin.call(
                ChannelAdd.self,
                ChannelFields(
                    org: "B1",
                    kind: "dingtalk",
                    name: "一支部钉钉群",
                    url: robot.url + "/robot/send?access_token=t"
                )
            )
            var asking = Self.notice(title: "请确认收到")
            asking.ackRequired = true
            _ = try await admin.call(NoticePost.self, asking)
            _ = try await admin.call(NoticePost.self, Self.notice(title: "工作动态一则"))
            // A 钉钉 robot takes one message at a time.
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            let bodies = robot.requests.map(\.text)
            let mentioned = try #require(bodies.first { $0.contains("请确认收到") })
            #expect(mentioned.contains("13800138000") && mentioned.contains("atMobiles"))
            #expect(bodies.first { $0.contains("工作动态一则") }?.contains("13800138000") == false)
        }
    }
}
