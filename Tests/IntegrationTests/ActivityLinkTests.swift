import Domain
import Foundation
import Notice
import PartyTesting
import Server
import Testing
import Wire

/// An activity's invitation carries each invitee's personal link to the activity's page, where they confirm
/// taking part or ask leave once, over real HTTP on 127.0.0.1; the answer is recorded with channel `link`.
///
/// The clock starts at 2026-11-23 10:00 in Asia/Shanghai; the tree is `ScopedAccessTests.seed`'s.
@Suite("Activity pages through members' links")
struct ActivityLinkTests {
    /// The link in 张秀英's invitation mail to a new activity of B1, planned for `at`.
    static func invitationLink(
        _ daemon: TestDaemon,
        _ admin: RPCClient,
        _ mail: SMTPReceiver,
        title: String,
        at: String = "2026-11-28 14:30"
    ) async throws -> (activity: ActivityView, path: String) {
        let activity = try await admin.call(
            ActivityPlan.self,
            ActivityFields(org: "B1", kind: "主题党日", title: title, at: at, place: "党员活动室", invite: [womanID])
        )
        #expect(try await daemon.daemon.delivery.deliverDue() == 1)
        let body = try MemberLinkMessageTests.bodyText(of: try #require(mail.mails.last))
        #expect(body.contains("确认参加或请假"))
        let url = try #require(
            body.components(separatedBy: .newlines).first { $0.hasPrefix(MemberPageTests.base + "/m/") }
        )
        return (activity, String(url.dropFirst(MemberPageTests.base.count)))
    }

    @Test func anInviteeConfirmsOnceThroughTheirLink() async throws {
        let mail = try SMTPReceiver()
        defer { mail.stop() }
        try await MemberPageTests.seeded { daemon, admin, port in
            _ = try await admin.call(
                MemberEdit.self,
                .init(member: womanID, fields: MemberFields(email: "zhang@example.cn"))
            )
            _ = try await admin.call(
                ChannelAdd.self,
                ChannelFields(org: "A", kind: "smtp", url: mail.url, sender: "partyd@example.cn")
            )
            let (activity, path) = try await Self.invitationLink(daemon, admin, mail, title: "十一月主题党日")
            // Opening the page changes nothing.
            let page = try await HTTPFetch.get(path, port: port)
            #expect(page.status == 200 && page.text.contains("十一月主题党日") && page.text.contains("党员活动室"))
            #expect(page.text.contains("确认参加") && page.text.contains("未回复"))
            var shown = try await admin.call(ActivityShow.self, .init(activity: activity.id))
            #expect(shown.attendance?.first?.status == .invited)

            let posted = try await HTTPFetch.post(path + "/confirm", port: port)
            #expect(posted.status == 303)
            let after = try await HTTPFetch.get(path, port: port)
            #expect(after.text.contains("已报名") && after.text.contains("此链接已完成登记"))
            shown = try await admin.call(ActivityShow.self, .init(activity: activity.id))
            #expect(shown.attendance?.first?.status == .signedUp && shown.attendance?.first?.channel == .link)
            // Links handed out by an administrator (`activity links`) open the activity's page too.
            let invitation = try #require(activity.invitationNotice)
            let handed = try await admin.call(NoticeLinksMethod.self, .init(notice: invitation, member: womanID))
            let url = try #require(handed.links.first?.url)
            let fresh = try await HTTPFetch.get(String(url.dropFirst(MemberPageTests.base.count)), port: port)
            #expect(fresh.status == 200 && fresh.text.contains("十一月主题党日") && fresh.text.contains("已报名"))
            // A replay changes nothing.
            let replay = try await HTTPFetch.post(path + "/leave", port: port)
            #expect(replay.status == 409 && replay.text.contains("此链接已使用"))
            shown = try await admin.call(ActivityShow.self, .init(activity: activity.id))
            #expect(shown.attendance?.first?.status == .signedUp)
        }
    }

    @Test func anInviteeAsksLeaveWithAReasonAndACancelledActivityIsWithdrawn() async throws {
        let mail = try SMTPReceiver()
        defer { mail.stop() }
        try await MemberPageTests.seeded { daemon, admin, port in
            _ = try await admin.call(
                MemberEdit.self,
                .init(member: womanID, fields: MemberFields(email: "zhang@example.cn"))
            )
            _ = try await admin.call(
                ChannelAdd.self,
                ChannelFields(org: "A", kind: "smtp", url: mail.url, sender: "partyd@example.cn")
            )
            let (first, leavePath) = try await Self.invitationLink(daemon, admin, mail, title: "党课")
            let reason = Array("reason=%E5%87%BA%E5%B7%AE+%E5%9C%A8%E5%A4%96".utf8)  // 出差 在外
            let asked = try await HTTPFetch.request(
                "POST",
                leavePath + "/leave",
                port: port,
                body: reason,
                headers: ["Content-Type": "application/x-www-form-urlencoded"]
            )
            #expect(asked.status == 303)
            let shown = try await admin.call(ActivityShow.self, .init(activity: first.id))
            #expect(shown.attendance?.first?.status == .leave && shown.attendance?.first?.reason == "出差 在外")

            let (second, cancelledPath) = try await Self.invitationLink(daemon, admin, mail, title: "支部党员大会")
            _ = try await admin.call(ActivityCancel.self, .init(activity: second.id, reason: "改期"))
            let withdrawn = try await HTTPFetch.get(cancelledPath, port: port)
            #expect(withdrawn.status == 410 && withdrawn.text.contains("改期"))
        }
    }
}
