import Foundation
import Testing

@testable import Domain

/// The pure rules of a notice's life: when it goes out, what may still change, and how typed times read.
@Suite("Notice lifecycle rules")
struct NoticeLifecycleRuleTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let now = Date(timeIntervalSince1970: 1_795_399_200)  // 2026-11-23 10:00 in Shanghai.

    static func notice(_ state: NoticeState, at: Date = now) -> Notice {
        Notice(
            id: 1,
            kind: .announcement,
            title: "t",
            body: "b",
            orgID: 1,
            subtree: false,
            category: nil,
            flag: nil,
            priority: .normal,
            author: "sec",
            publishedAt: at,
            ackRequired: false,
            ackDeadline: nil,
            expiresOn: nil,
            recipientCount: 0,
            state: state
        )
    }

    @Test func publishTimesAreNowLaterOrRefused() throws {
        #expect(try NoticeLifecycle.publishTime(requested: nil, now: Self.now) == nil)
        #expect(try NoticeLifecycle.publishTime(requested: Self.now.addingTimeInterval(-30), now: Self.now) == nil)
        let later = Self.now.addingTimeInterval(3600)
        #expect(try NoticeLifecycle.publishTime(requested: later, now: Self.now) == later)
        #expect(throws: DomainError.self) {
            try NoticeLifecycle.publishTime(requested: Self.now.addingTimeInterval(-61), now: Self.now)
        }
        #expect(throws: DomainError.self) {
            try NoticeLifecycle.publishTime(requested: Self.now.addingTimeInterval(367 * 86400), now: Self.now)
        }
    }

    @Test func onlyAScheduledNoticeIsDueEditableOrCancellable() throws {
        #expect(NoticeLifecycle.isDue(Self.notice(.scheduled), now: Self.now))
        #expect(!NoticeLifecycle.isDue(Self.notice(.scheduled, at: Self.now.addingTimeInterval(1)), now: Self.now))
        #expect(!NoticeLifecycle.isDue(Self.notice(.cancelled), now: Self.now))
        try NoticeLifecycle.requireScheduled(Self.notice(.scheduled), action: "修改")
        for state in [NoticeState.published, .cancelled, .retracted] {
            #expect(throws: DomainError.self) { try NoticeLifecycle.requireScheduled(Self.notice(state), action: "修改") }
        }
    }

    @Test func onlyAPublishedNoticeIsRetractedAndOnlyWithAReason() throws {
        #expect(try NoticeLifecycle.retract(Self.notice(.published), reason: "  错发 ") == "错发")
        #expect(throws: DomainError.self) { try NoticeLifecycle.retract(Self.notice(.published), reason: " ") }
        #expect(throws: DomainError.self) { try NoticeLifecycle.retract(Self.notice(.published), reason: "a\nb") }
        for state in [NoticeState.scheduled, .cancelled, .retracted] {
            #expect(throws: DomainError.self) { try NoticeLifecycle.retract(Self.notice(state), reason: "错发") }
        }
    }

    @Test(arguments: [
        ("2026-11-23 12:00", 1_795_406_400.0), ("2026-11-23T12:00", 1_795_406_400),
        ("2026-11-23 12:00:30", 1_795_406_430),
        ("2026-11-23T04:00:00Z", 1_795_406_400), ("2026-11-23T12:00:00+08:00", 1_795_406_400),
    ])
    func typedTimesReadInTheZone(text: String, expected: Double) throws {
        let instant = try LocalDateTime.parse(text, in: Self.shanghai, field: "at", label: "发布时间")
        #expect(instant == Date(timeIntervalSince1970: expected))
    }

    @Test(arguments: ["2026-11-23", "12:00", "2026-11-31 12:00", "2026-11-23 24:00", "2026-11-23 9:5x", "明天"])
    func badTimesAreRefused(text: String) {
        #expect(throws: DomainError.self) {
            try LocalDateTime.parse(text, in: Self.shanghai, field: "at", label: "发布时间")
        }
    }

    @Test func aDraftChecksItsAudienceParts() throws {
        let named = NoticeFields(org: "A", kind: "通知", title: "t", body: "b", members: ["1"])
        #expect(try NoticeDraft(named, zone: Self.shanghai, now: Self.now).namesMembers)
        var conflicting = named
        conflicting.subtree = true
        #expect(throws: DomainError.self) { try NoticeDraft(conflicting, zone: Self.shanghai, now: Self.now) }
        let admins = NoticeFields(org: "A", category: "预备党员", kind: "通知", title: "t", body: "b", to: "管理员")
        #expect(throws: DomainError.self) { try NoticeDraft(admins, zone: Self.shanghai, now: Self.now) }
        // The deadline is checked against the day it goes out, not today.
        let later = NoticeFields(
            org: "A",
            kind: "通知",
            title: "t",
            body: "b",
            ackRequired: true,
            ackDeadline: "2026-11-24",
            at: "2026-11-25 09:00"
        )
        #expect(throws: DomainError.self) { try NoticeDraft(later, zone: Self.shanghai, now: Self.now) }
    }
}
