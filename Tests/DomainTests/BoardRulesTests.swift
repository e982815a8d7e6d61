import Foundation
import Testing

@testable import Domain

/// The pure rules of a board message: who may write where, what a message may hold, and its life from pending
/// through approval and replies to deletion.
@Suite("Board rules")
struct BoardRulesTests {
    static let now = Date(timeIntervalSince1970: 1_795_399_200)  // 2026-11-23 10:00 in Shanghai.
    static let later = now.addingTimeInterval(3600)
    // A → B → B1, and C beside B.
    static let a = Organization(id: 1, code: "A", name: "市委", kind: .committee, parentID: nil, path: OrgPath(ids: [1]))
    static let b = Organization(
        id: 2,
        code: "B",
        name: "区委",
        kind: .committee,
        parentID: 1,
        path: OrgPath(ids: [1, 2])
    )
    static let b1 = Organization(
        id: 3,
        code: "B1",
        name: "一支部",
        kind: .branch,
        parentID: 2,
        path: OrgPath(ids: [1, 2, 3])
    )
    static let c = Organization(
        id: 4,
        code: "C",
        name: "总支",
        kind: .generalBranch,
        parentID: 1,
        path: OrgPath(ids: [1, 4])
    )

    static func post(
        _ text: String = "建议支部多组织学习。",
        to org: Organization = BoardRulesTests.b1,
        pending: Int = 0
    ) throws(DomainError) -> BoardMessage {
        try BoardRules.post(text: text, to: org, author: 7, branch: Self.b1.path, pendingCount: pending, now: Self.now)
    }

    /// The domain refusal `body` throws, or nil when it succeeds.
    static func refusal(_ body: () throws -> Void) -> DomainError? {
        do {
            try body()
            return nil
        } catch {
            return error as? DomainError
        }
    }

    @Test func membersWriteToTheirBranchAndTheOrganizationsAboveIt() throws {
        for org in [Self.b1, Self.b, Self.a] {
            let message = try Self.post(to: org)
            #expect(message.orgID == org.id)
            #expect(message.state == .pending && !message.shown && message.postedAt == Self.now)
        }
        let sideways = Self.refusal { _ = try Self.post(to: Self.c) }
        #expect(sideways?.kind == .notFound && sideways?.reason == "org.not_found")
        // The same words as for an organization that does not exist: nothing is told about the other one.
        #expect(sideways?.message == BoardRules.unavailable("C").message)
    }

    @Test func textIsOneToAThousandCharactersWithoutControlCharacters() throws {
        #expect(try Self.post("  第一行\n第二行\t缩进  \n").text == "第一行\n第二行\t缩进")
        #expect(try Self.post(String(repeating: "字", count: 1000)).text.count == 1000)
        #expect(Self.refusal { _ = try Self.post(" \n ") }?.reason == "empty_text")
        #expect(Self.refusal { _ = try Self.post(String(repeating: "字", count: 1001)) }?.reason == "too_long")
        #expect(Self.refusal { _ = try Self.post("看这里\u{1B}]0;x\u{07}") }?.reason == "invalid_character")
        #expect(Self.refusal { _ = try Self.post("abc\u{202E}def") }?.reason == "invalid_character")
    }

    @Test func aMemberHasAtMostTwentyMessagesWaiting() throws {
        _ = try Self.post(pending: BoardRules.maxPendingPerMember - 1)
        let flood = Self.refusal { _ = try Self.post(pending: BoardRules.maxPendingPerMember) }
        #expect(flood?.kind == .rule && flood?.reason == "board.too_many_pending")
    }

    @Test func approvalTakesAPendingMessageWithAnOptionalReply() throws {
        let pending = try Self.post()
        let plain = try BoardRules.approve(pending, reply: nil, shown: true, by: "secb", now: Self.later)
        #expect(plain.state == .approved && plain.shown && plain.reply == nil)
        #expect(plain.approval == BoardMessage.Stamp(by: "secb", at: Self.later))
        #expect(try BoardRules.approve(pending, reply: "  ", shown: false, by: "secb", now: Self.later).reply == nil)
        let answered = try BoardRules.approve(pending, reply: "已安排。", shown: false, by: "secb", now: Self.later)
        #expect(answered.reply == BoardMessage.Reply(text: "已安排。", by: "secb", at: Self.later))
        #expect(!answered.shown && !answered.isPublic)
        let twice = Self.refusal {
            _ = try BoardRules.approve(answered, reply: nil, shown: true, by: "x", now: Self.later)
        }
        #expect(twice?.reason == "board.already_approved")
        let tooLong = String(repeating: "答", count: 1001)
        #expect(
            Self.refusal { _ = try BoardRules.approve(pending, reply: tooLong, shown: true, by: "x", now: Self.later) }?
                .field == "reply"
        )
    }

    @Test func repliesGoOnApprovedMessagesAndRepeatingOneChangesNothing() throws {
        let pending = try Self.post()
        #expect(
            Self.refusal { _ = try BoardRules.reply(pending, text: "好", shown: nil, by: "x", now: Self.now) }?.reason
                == "board.not_approved"
        )
        let approved = try BoardRules.approve(pending, reply: nil, shown: true, by: "secb", now: Self.now)
        let replied = try BoardRules.reply(approved, text: "感谢建议", shown: nil, by: "root", now: Self.later)
        #expect(replied.reply?.text == "感谢建议" && replied.reply?.by == "root" && replied.shown)
        #expect(
            try BoardRules.reply(replied, text: "感谢建议", shown: nil, by: "secb", now: Self.later.addingTimeInterval(60))
                == replied
        )
        let hidden = try BoardRules.reply(replied, text: "感谢建议", shown: false, by: "secb", now: Self.later)
        #expect(!hidden.shown && hidden.reply == replied.reply)
        #expect(
            Self.refusal { _ = try BoardRules.reply(approved, text: "", shown: nil, by: "x", now: Self.now) }?.reason
                == "empty_text"
        )
    }

    @Test func deletionNeedsAReasonAndIsFinal() throws {
        let pending = try Self.post()
        #expect(
            Self.refusal { _ = try BoardRules.delete(pending, reason: " ", by: "x", now: Self.now) }?.reason
                == "empty_reason"
        )
        #expect(
            Self.refusal { _ = try BoardRules.delete(pending, reason: "a\nb", by: "x", now: Self.now) }?.reason
                == "invalid_character"
        )
        let approved = try BoardRules.approve(pending, reply: "好", shown: true, by: "secb", now: Self.now)
        let deleted = try BoardRules.delete(approved, reason: "含个人信息", by: "secb", now: Self.later)
        #expect(deleted.state == .deleted && !deleted.shown && !deleted.isPublic)
        #expect(deleted.deletion == BoardMessage.Deletion(by: "secb", at: Self.later, reason: "含个人信息"))
        // The text stays in the record for the audit; the views decide not to show it.
        #expect(deleted.text == pending.text)
        for action in [
            { () throws in _ = try BoardRules.delete(deleted, reason: "再删", by: "x", now: Self.later) },
            { () throws in _ = try BoardRules.reply(deleted, text: "回", shown: nil, by: "x", now: Self.later) },
            { () throws in _ = try BoardRules.approve(deleted, reply: nil, shown: true, by: "x", now: Self.later) },
        ] {
            #expect(Self.refusal(action)?.reason == "board.deleted")
        }
        #expect(try BoardRules.delete(pending, reason: "重复", by: "x", now: Self.now).state == .deleted)
    }

    @Test func statesParseInChineseAndEnglish() throws {
        #expect(try BoardRules.parseState("待审核") == .pending)
        #expect(try BoardRules.parseState("Approved") == .approved)
        #expect(try BoardRules.parseState(" 已删除 ") == .deleted)
        #expect(Self.refusal { _ = try BoardRules.parseState("已公开") }?.reason == "invalid_state")
    }
}
