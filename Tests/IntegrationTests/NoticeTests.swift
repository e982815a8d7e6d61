import Domain
import Foundation
import PartyTesting
import Testing
import Wire

/// Notices through the real dispatcher and core: publication to an audience, receipts, and members' inboxes.
@Suite("Notices: publish, receipts, inbox")
struct NoticeTests {
    static func notice(
        org: String = "A",
        subtree: Bool = true,
        category: String? = nil,
        ack: Bool = false,
        title: String = "关于开展主题党日活动的通知"
    ) -> NoticeFields {
        NoticeFields(
            org: org,
            subtree: subtree,
            category: category,
            kind: "通知公告",
            title: title,
            body: "各支部：\n请于本月内组织开展主题党日活动。",
            priority: "重要",
            ackRequired: ack,
            ackDeadline: ack ? "2099-12-31" : nil
        )
    }

    @Test func publishingAddressesTheAudienceAndReceiptsFollowMembers() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            // seeded: 张秀英 (B1, 正式党员, account memb) and 李建国 (C1).
            let everyone = try await admin.call(NoticePost.self, Self.notice(ack: true))
            #expect(everyone.recipients == 2)
            #expect(everyone.audience == "市委及下级组织党员")
            #expect(everyone.priority == .important)
            let onlyA = try await admin.call(NoticePost.self, Self.notice(subtree: false))
            #expect(onlyA.recipients == 0)
            let probationers = try await admin.call(NoticePost.self, Self.notice(category: "预备党员"))
            #expect(probationers.recipients == 0)
            #expect(probationers.audience.contains("仅预备党员"))

            var receipts = try await admin.call(NoticeReceiptsMethod.self, .init(notice: everyone.id))
            #expect(receipts.read == 0 && receipts.acknowledged == 0 && receipts.outstandingTotal == 2)
            #expect(receipts.organizations.map(\.orgCode) == ["B1", "C1"])

            let member = PrincipalClient(daemon, unixUser: "memb")
            let inbox = try await member.call(MeInbox.self, .init())
            #expect(inbox.entries.map(\.notice.id) == [everyone.id])
            #expect(inbox.entries.first?.readAt == nil)
            let read = try await member.call(MeRead.self, .init(notice: everyone.id))
            #expect(read.readAt != nil && read.acknowledgedAt == nil)
            let acked = try await member.call(MeAck.self, .init(notice: everyone.id))
            #expect(acked.acknowledgedAt != nil)
            let again = try await member.call(MeAck.self, .init(notice: everyone.id))
            #expect(again.acknowledgedAt == acked.acknowledgedAt)

            receipts = try await admin.call(NoticeReceiptsMethod.self, .init(notice: everyone.id))
            #expect(receipts.read == 1 && receipts.acknowledged == 1 && receipts.outstandingTotal == 1)
            #expect(receipts.outstanding.map(\.memberName) == ["李建国"])
            // Reading and acknowledging are audited: the proof of who was told.
            let audit = try await admin.call(AuditList.self, .init(limit: 3))
            #expect(audit.entries.map(\.method).prefix(2) == ["me.ack", "me.read"])
            #expect(audit.entries.first?.summary.contains("张秀英已确认") == true)
        }
    }

    @Test func membersSeeOnlyTheirOwnNoticesAndAcknowledgeOnlyWhenAsked() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let toC = try await admin.call(NoticePost.self, Self.notice(org: "C"))
            let toB = try await admin.call(NoticePost.self, Self.notice(org: "B"))
            let member = PrincipalClient(daemon, unixUser: "memb")
            await expectRefusal(code: RPCErrorCode.notFound, reason: "notice.not_found") {
                _ = try await member.call(MeRead.self, .init(notice: toC.id))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "notice.ack_not_required") {
                _ = try await member.call(MeAck.self, .init(notice: toB.id))
            }
            await expectRefusal(code: RPCErrorCode.forbidden, reason: "auth.forbidden") {
                _ = try await member.call(NoticeShow.self, .init(notice: toB.id))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "me.not_member") {
                _ = try await PrincipalClient(daemon, unixUser: "secb").call(MeInbox.self, .init())
            }
        }
    }

    @Test func scopedAdministratorsPublishAndReadOnlyInTheirSubtree() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let mine = try await secb.call(NoticePost.self, Self.notice(org: "B"))
            #expect(mine.recipients == 1)
            #expect(mine.author == "secb")
            let theirs = try await admin.call(NoticePost.self, Self.notice(org: "C"))
            await ScopedAccessTests.expectConcealed("notice.post") {
                _ = try await secb.call(NoticePost.self, Self.notice(org: "C"))
            }
            await ScopedAccessTests.expectConcealed("notice.show") {
                _ = try await secb.call(NoticeShow.self, .init(notice: theirs.id))
            }
            await ScopedAccessTests.expectConcealed("notice.receipts") {
                _ = try await secb.call(NoticeReceiptsMethod.self, .init(notice: theirs.id))
            }
            let missing = await expectRefusal(code: RPCErrorCode.notFound) {
                _ = try await secb.call(NoticeShow.self, .init(notice: 999))
            }
            #expect(missing?.data.message == "通知 999 不存在或不在您的管理范围内")
            let listed = try await secb.call(NoticeList.self, .init())
            #expect(listed.notices.map(\.id) == [mine.id])
            await ScopedAccessTests.expectForbidden("auditor post") {
                _ = try await PrincipalClient(daemon, unixUser: "audc").call(NoticePost.self, Self.notice(org: "C"))
            }
        }
    }

    @Test func badNoticesAreRefusedAndChangeNothing() async throws {
        try await ScopedAccessTests.seeded { _, admin in
            for (fields, reason) in [
                (Self.notice(title: "  "), "empty_title"), (Self.notice(title: "标题\u{1B}[2J"), "invalid_character"),
                (NoticeFields(org: "A", kind: "闲聊", title: "t", body: "b"), "invalid_notice_kind"),
                (
                    NoticeFields(org: "A", kind: "通知公告", title: "t", body: "b", ackDeadline: "2099-01-01"),
                    "deadline_without_ack"
                ),
                (
                    NoticeFields(
                        org: "A",
                        kind: "通知公告",
                        title: "t",
                        body: "b",
                        ackRequired: true,
                        ackDeadline: "2000-01-01"
                    ), "date_in_past"
                ),
            ] {
                await expectRefusal(code: RPCErrorCode.invalidValue, reason: reason) {
                    _ = try await admin.call(NoticePost.self, fields)
                }
            }
            let listed = try await admin.call(NoticeList.self, .init())
            #expect(listed.notices.isEmpty)
        }
    }
}
