import Domain
import Foundation
import PartyTesting
import Testing
import Wire

/// The message board through the real dispatcher and core, on `ScopedAccessTests.seeded`'s tree: 张秀英 in B1
/// (account `memb`), 李建国 in C1 (through a member's link), `secb` administering B, `audc` auditing C.
@Suite("Message board: post, review, visibility, scope")
struct BoardTests {
    /// 李建国, acting through a member's link.
    static func li(_ daemon: TestDaemon, _ admin: RPCClient) async throws -> PrincipalClient {
        let record = try await admin.call(MemberShow.self, .init(member: manID))
        return PrincipalClient(daemon, as: .member(id: record.id))
    }

    /// A message from 李建国 to his branch C1, outside `secb`'s scope.
    static func postInC1(_ daemon: TestDaemon, _ admin: RPCClient) async throws -> BoardMessageView {
        try await li(daemon, admin).call(BoardPost.self, BoardPostFields(text: "机关一支部的学习资料什么时候发？"))
    }

    @Test func aMemberPostsAndTheAdministratorApprovesWithAReply() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let memb = PrincipalClient(daemon, unixUser: "memb")
            let posted = try await memb.call(BoardPost.self, BoardPostFields(text: "  建议每月组织一次读书会。\n谢谢！ "))
            #expect(posted.orgCode == "B1" && posted.state == .pending && !posted.shown)
            #expect(posted.text == "建议每月组织一次读书会。\n谢谢！")
            #expect(posted.authorName == "张秀英")
            #expect(try await admin.call(BoardList.self, .init(state: "待审核")).messages.map(\.id) == [posted.id])

            let secb = PrincipalClient(daemon, unixUser: "secb")
            let approved = try await secb.call(BoardApprove.self, .init(message: posted.id, reply: "好的，下月开始。"))
            #expect(approved.state == .approved && approved.shown)
            #expect(approved.reply == "好的，下月开始。" && approved.repliedBy == "secb" && approved.approvedBy == "secb")
            let changed = try await secb.call(BoardReply.self, .init(message: posted.id, reply: "好的，定在每月第一周。"))
            #expect(changed.reply == "好的，定在每月第一周。")
            // The same reply again writes nothing.
            let auditBefore = try await admin.call(AuditList.self, .init()).entries.count
            _ = try await secb.call(BoardReply.self, .init(message: posted.id, reply: "好的，定在每月第一周。"))
            #expect(try await admin.call(AuditList.self, .init()).entries.count == auditBefore)

            let mine = try await memb.call(BoardMine.self, .init()).messages
            #expect(mine.map(\.id) == [posted.id])
            #expect(mine.first?.reply == "好的，定在每月第一周。" && mine.first?.state == .approved)
            // The member is not told which administrator's account acted.
            #expect(mine.first?.approvedBy == nil && mine.first?.repliedBy == nil)

            let audit = try await admin.call(AuditList.self, .init(limit: 3)).entries
            #expect(audit.map(\.method) == ["board.reply", "board.approve", "board.post"])
            #expect(audit.allSatisfy { $0.target == "留言 \(posted.id)" })
            #expect(audit.last?.summary.contains("张秀英向一支部（B1）留言") == true)
            #expect(audit.last?.actor == "memb")
        }
    }

    @Test func membersSeeShownMessagesOfTheirOwnLineAndTheirOwn() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let memb = PrincipalClient(daemon, unixUser: "memb")
            let li = try await Self.li(daemon, admin)
            let toA = try await memb.call(BoardPost.self, BoardPostFields(text: "市委能否统一组织培训？", org: "A"))
            let hidden = try await memb.call(BoardPost.self, BoardPostFields(text: "家中困难，想申请帮扶。", org: "A"))
            let toB1 = try await memb.call(BoardPost.self, BoardPostFields(text: "支部活动室能否延长开放？"))
            let waiting = try await memb.call(BoardPost.self, BoardPostFields(text: "还没审核的一条。", org: "B"))
            _ = try await admin.call(BoardApprove.self, .init(message: toA.id, reply: "已列入计划。"))
            _ = try await admin.call(BoardApprove.self, .init(message: hidden.id, reply: "请联系支部书记。", shown: false))
            _ = try await admin.call(BoardApprove.self, .init(message: toB1.id))

            // 李建国 (C1) shares A with 张秀英, not B or B1; hidden and pending messages are not his to see.
            let seen = try await li.call(BoardList.self, .init()).messages
            #expect(seen.map(\.id) == [toA.id])
            #expect(seen.first?.reply == "已列入计划。" && seen.first?.authorName == "张秀英")
            #expect(seen.first?.authorID == nil && seen.first?.approvedBy == nil)
            await expectRefusal(code: RPCErrorCode.notFound, reason: "org.not_found") {
                _ = try await li.call(BoardList.self, .init(org: "B1"))
            }

            // The author sees everything of hers on her line, hidden and pending ones included, with the replies.
            let own = try await memb.call(BoardList.self, .init()).messages
            #expect(own.map(\.id) == [waiting.id, toB1.id, hidden.id, toA.id])
            #expect(own.first { $0.id == hidden.id }?.reply == "请联系支部书记。")
            #expect(try await memb.call(BoardList.self, .init(org: "A")).messages.map(\.id) == [hidden.id, toA.id])
            #expect(try await memb.call(BoardList.self, .init(state: "已通过", limit: 1)).messages.map(\.id) == [toB1.id])
            #expect(try await li.call(BoardMine.self, .init()).messages.isEmpty)
        }
    }

    @Test func badInputIsRefusedAndNothingIsWritten() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let memb = PrincipalClient(daemon, unixUser: "memb")
            let refusals: [(BoardPostFields, Int, String)] = [
                (BoardPostFields(text: " \n "), RPCErrorCode.invalidValue, "empty_text"),
                (BoardPostFields(text: "看这里\u{1B}]0;标题\u{07}"), RPCErrorCode.invalidValue, "invalid_character"),
                (BoardPostFields(text: String(repeating: "长", count: 1001)), RPCErrorCode.invalidValue, "too_long"),
                (BoardPostFields(text: "你好", org: "C1"), RPCErrorCode.notFound, "org.not_found"),
                (BoardPostFields(text: "你好", org: "B2"), RPCErrorCode.notFound, "org.not_found"),
                (BoardPostFields(text: "你好", org: "ZZ"), RPCErrorCode.notFound, "org.not_found"),
            ]
            for (fields, code, reason) in refusals {
                await expectRefusal(code: code, reason: reason) { _ = try await memb.call(BoardPost.self, fields) }
            }
            // An organization off her line and one that does not exist are refused in the same words.
            let sideways = await expectRefusal(code: RPCErrorCode.notFound) {
                _ = try await memb.call(BoardPost.self, BoardPostFields(text: "你好", org: "C"))
            }
            #expect(sideways?.data.message == "党组织“C”不存在，或不是您所在党支部及其上级组织")
            let auditBefore = try await admin.call(AuditList.self, .init()).entries.count
            #expect(try await memb.call(BoardMine.self, .init()).messages.isEmpty)
            #expect(try await admin.call(BoardList.self, .init()).messages.isEmpty)
            #expect(try await admin.call(AuditList.self, .init()).entries.count == auditBefore)
            // Accounts without a member record cannot post.
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "me.not_member") {
                _ = try await PrincipalClient(daemon, unixUser: "secb").call(BoardPost.self, BoardPostFields(text: "x"))
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_state") {
                _ = try await admin.call(BoardList.self, .init(state: "已公开"))
            }
        }
    }

    @Test func aMemberMayHaveAtMostTwentyMessagesWaiting() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let memb = PrincipalClient(daemon, unixUser: "memb")
            var first: Int64 = 0
            for number in 1...20 {
                let posted = try await memb.call(BoardPost.self, BoardPostFields(text: "第 \(number) 条"))
                if number == 1 { first = posted.id }
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "board.too_many_pending") {
                _ = try await memb.call(BoardPost.self, BoardPostFields(text: "第 21 条"))
            }
            _ = try await admin.call(BoardApprove.self, .init(message: first))
            _ = try await memb.call(BoardPost.self, BoardPostFields(text: "第 21 条"))
            #expect(try await memb.call(BoardMine.self, .init(limit: 1000)).messages.count == 21)
        }
    }

    @Test func deletingHidesTheMessageFromEveryoneAndKeepsTheReason() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let memb = PrincipalClient(daemon, unixUser: "memb")
            let li = try await Self.li(daemon, admin)
            let posted = try await memb.call(BoardPost.self, BoardPostFields(text: "某某同志的电话是……", org: "A"))
            _ = try await admin.call(BoardApprove.self, .init(message: posted.id, reply: "收到"))
            #expect(try await li.call(BoardList.self, .init()).messages.map(\.id) == [posted.id])

            let deleted = try await admin.call(BoardDelete.self, .init(message: posted.id, reason: "含他人个人信息"))
            #expect(deleted.state == .deleted && deleted.text == nil && deleted.reply == nil && !deleted.shown)
            #expect(deleted.deleteReason == "含他人个人信息" && deleted.deletedBy != nil)
            #expect(try await li.call(BoardList.self, .init()).messages.isEmpty)
            #expect(try await memb.call(BoardList.self, .init()).messages.isEmpty)
            let mine = try await memb.call(BoardMine.self, .init()).messages
            #expect(mine.map(\.state) == [.deleted] && mine.first?.text == nil && mine.first?.deleteReason == nil)
            #expect(try await admin.call(BoardList.self, .init()).messages.isEmpty)
            let trash = try await admin.call(BoardList.self, .init(state: "已删除")).messages
            #expect(trash.map(\.id) == [posted.id] && trash.first?.text == nil)
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "board.deleted") {
                _ = try await admin.call(BoardReply.self, .init(message: posted.id, reply: "再回复"))
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "empty_reason") {
                _ = try await admin.call(BoardDelete.self, .init(message: posted.id, reason: " "))
            }
            let entry = try #require(try await admin.call(AuditList.self, .init(limit: 1)).entries.first)
            #expect(entry.method == "board.delete" && entry.summary.contains("含他人个人信息"))
        }
    }

    @Test func reviewersActOnlyOnMessagesAddressedToTheirSubtree() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let inC1 = try await Self.postInC1(daemon, admin)
            let memb = PrincipalClient(daemon, unixUser: "memb")
            let toA = try await memb.call(BoardPost.self, BoardPostFields(text: "给市委的留言", org: "A"))
            let toB = try await memb.call(BoardPost.self, BoardPostFields(text: "给区委的留言", org: "B"))

            let secb = PrincipalClient(daemon, unixUser: "secb")
            #expect(try await secb.call(BoardList.self, .init()).messages.map(\.id) == [toB.id])
            for id in [inC1.id, toA.id, 99_999] {
                await ScopedAccessTests.expectConcealed("board.approve \(id)") {
                    _ = try await secb.call(BoardApprove.self, .init(message: id))
                }
            }
            let concealed = await expectRefusal(code: RPCErrorCode.notFound, reason: "board.not_found") {
                _ = try await secb.call(BoardDelete.self, .init(message: inC1.id, reason: "x"))
            }
            #expect(concealed?.data.message == "留言 \(inC1.id) 不存在或不在您的管理范围内")

            let audc = PrincipalClient(daemon, unixUser: "audc")
            #expect(try await audc.call(BoardList.self, .init()).messages.map(\.id) == [inC1.id])
            await ScopedAccessTests.expectForbidden("auditor approving") {
                _ = try await audc.call(BoardApprove.self, .init(message: inC1.id))
            }
            await ScopedAccessTests.expectForbidden("member approving") {
                _ = try await memb.call(BoardApprove.self, .init(message: toB.id))
            }
            // The system administrator is told plainly that a message does not exist.
            let missing = await expectRefusal(code: RPCErrorCode.notFound, reason: "board.not_found") {
                _ = try await admin.call(BoardApprove.self, .init(message: 99_999))
            }
            #expect(missing?.data.message == "留言 99999 不存在")
            #expect(try await admin.call(BoardList.self, .init(org: "C")).messages.map(\.id) == [inC1.id])
            #expect(try await admin.call(BoardList.self, .init(limit: 2)).messages.map(\.id) == [toB.id, toA.id])
            #expect(try await admin.call(BoardList.self, .init(before: toA.id)).messages.map(\.id) == [inC1.id])
        }
    }
}
