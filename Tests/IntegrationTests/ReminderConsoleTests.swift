import Core
import Domain
import Foundation
import PartyTesting
import Server
import Store
import Testing
import Wire

/// The console's reminder methods through the real dispatcher and core: rules listed, a rule run, reminders
/// listed, put off and looked back on, each inside the caller's scope.
///
/// The clock starts at 2026-11-23 10:00 in Asia/Shanghai; the tree is `ScopedAccessTests.seed`'s. No rule need be
/// registered: the reminders the tests look at are written straight into the store, as a scan would record them.
@Suite("Reminders on the console")
struct ReminderConsoleTests {
    /// The rule id the written reminders carry; no registered rule has it.
    static let rule = "console-test"

    /// A finding of ``rule`` for `org` (nil for the system's own), due on `due`.
    static func finding(_ subject: String, org: Int64?, due: String) -> ReminderFinding {
        ReminderFinding(
            key: ReminderKey(
                rule: rule,
                subject: subject,
                dueOn: try! LocalDate.parse(due, field: "due", label: "到期日"),
                stage: "soon"
            ),
            orgID: org,
            audience: org == nil ? .system : .admins,
            title: "测试提醒",
            line: "\(subject) 于 \(due) 到期"
        )
    }

    /// Records a pending reminder in B1, one in C1 and one of the system's, and a sent one in each of B1 and C1,
    /// as partyd; returns the numbers of the pending ones by subject.
    static func record(_ daemon: TestDaemon, at instant: Date) async throws -> [String: Int64] {
        try await daemon.daemon.core.store.write(by: .daemon, at: instant) { tx in
            guard let b1 = try tx.organization(code: "B1")?.id, let c1 = try tx.organization(code: "C1")?.id else {
                throw TestSupportError("the tree is not seeded")
            }
            let findings = [
                finding("b1-waiting", org: b1, due: "2026-12-01"), finding("c1-waiting", org: c1, due: "2026-12-02"),
                finding("system-waiting", org: nil, due: "2026-12-03"), finding("b1-sent", org: b1, due: "2026-11-20"),
                finding("c1-sent", org: c1, due: "2026-11-21"),
            ]
            _ = try tx.insertReminders(findings)
            let recorded = try tx.reminders(keys: findings.map(\.key))
            let ids = Dictionary(uniqueKeysWithValues: recorded.map { ($0.key.subject, $0.value.id) })
            try tx.markReminders(
                [ids["b1-sent"], ids["c1-sent"]].compactMap { $0 },
                state: .sent,
                noticeID: nil,
                route: .admins
            )
            return Change(ids, audit: AuditNote(method: "test", target: "提醒", orgID: nil, summary: "写入测试提醒"))
        }
    }

    @Test func rulesAnswerAndUnknownRulesAreRefusedByRole() async throws {
        try await ScopedAccessTests.seeded(clock: TestClock()) { daemon, admin in
            let secb = PrincipalClient(daemon, unixUser: "secb")
            for rules in [
                try await admin.call(ReminderRules.self).rules, try await secb.call(ReminderRules.self).rules,
            ] {
                for rule in rules {
                    #expect(!rule.id.isEmpty && !rule.name.isEmpty && !rule.scans.isEmpty && !rule.tells.isEmpty)
                    #expect(rule.settings.allSatisfy { !$0.key.isEmpty && !$0.label.isEmpty })
                }
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "reminder.unknown_rule") {
                _ = try await admin.call(ReminderRun.self, .init(rule: "no-such-rule"))
            }
            // An administrator of a subtree learns nothing of the rules: the role is refused first.
            await ScopedAccessTests.expectForbidden("org admin reminder.run") {
                _ = try await secb.call(ReminderRun.self, .init(rule: "no-such-rule"))
            }
        }
    }

    @Test func listShowsWaitingRemindersInScope() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            _ = try await Self.record(daemon, at: clock.now())
            let all = try await admin.call(ReminderList.self, .init()).reminders
            #expect(all.map(\.subject) == ["b1-waiting", "c1-waiting", "system-waiting"])
            #expect(all.first?.orgCode == "B1" && all.first?.orgName == "一支部")
            #expect(all.first?.state == "pending" && all.first?.stateLabel == "待发送" && all.first?.id != nil)
            #expect(all.last?.orgCode == nil && all.last?.audience == "系统管理员")

            let secb = PrincipalClient(daemon, unixUser: "secb")
            #expect(try await secb.call(ReminderList.self, .init()).reminders.map(\.subject) == ["b1-waiting"])
            #expect(try await secb.call(ReminderList.self, .init(org: "B1", dueWithin: 0)).reminders.count == 1)
            await ScopedAccessTests.expectConcealed("reminder.list elsewhere") {
                _ = try await secb.call(ReminderList.self, .init(org: "C"))
            }
            await expectRefusal(code: RPCErrorCode.notFound, reason: "org.not_found") {
                _ = try await secb.call(ReminderList.self, .init(org: "C1"))
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_due_within") {
                _ = try await admin.call(ReminderList.self, .init(dueWithin: 367))
            }
            let audc = PrincipalClient(daemon, unixUser: "audc")
            #expect(try await audc.call(ReminderList.self, .init()).reminders.map(\.subject) == ["c1-waiting"])
        }
    }

    @Test func snoozePutsOffAWaitingReminderInScopeOnly() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            let ids = try await Self.record(daemon, at: clock.now())
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let mine = try #require(ids["b1-waiting"])
            let snoozed = try await secb.call(ReminderSnooze.self, .init(id: mine, until: "2026-12-10"))
            #expect(snoozed.id == mine && snoozed.state == "snoozed" && snoozed.stateLabel == "已推迟")
            #expect(snoozed.snoozedUntil?.hasPrefix("2026-12-10T00:00:00") == true)
            #expect(snoozed.orgCode == "B1")
            let listed = try await secb.call(ReminderList.self, .init()).reminders
            #expect(listed.map(\.state) == ["snoozed"])
            let audit = try #require(try await admin.call(AuditList.self, .init(limit: 1)).entries.first)
            #expect(audit.method == "reminder.snooze" && audit.actor == "secb" && audit.target == "提醒 \(mine)")

            for id in [try #require(ids["c1-waiting"]), try #require(ids["system-waiting"])] {
                await ScopedAccessTests.expectConcealed("reminder.snooze elsewhere") {
                    _ = try await secb.call(ReminderSnooze.self, .init(id: id, until: "2026-12-10"))
                }
            }
            await expectRefusal(code: RPCErrorCode.notFound, reason: "reminder.not_found") {
                _ = try await admin.call(ReminderSnooze.self, .init(id: 999_999, until: "2026-12-10"))
            }
            await expectRefusal(code: RPCErrorCode.conflict, reason: "reminder.not_waiting") {
                _ = try await admin.call(
                    ReminderSnooze.self,
                    .init(id: try #require(ids["b1-sent"]), until: "2026-12-10")
                )
            }
            for until in ["2026-11-23", "2028-01-01"] {
                await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_until") {
                    _ = try await admin.call(ReminderSnooze.self, .init(id: mine, until: until))
                }
            }
            await ScopedAccessTests.expectForbidden("auditor reminder.snooze") {
                _ = try await PrincipalClient(daemon, unixUser: "audc").call(
                    ReminderSnooze.self,
                    .init(id: try #require(ids["c1-waiting"]), until: "2026-12-10")
                )
            }
        }
    }

    @Test func historyShowsWhatWasSentInScope() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            _ = try await Self.record(daemon, at: clock.now())
            let all = try await admin.call(ReminderHistory.self, .init()).reminders
            #expect(all.map(\.subject) == ["c1-sent", "b1-sent"])
            #expect(all.allSatisfy { $0.state == "sent" && $0.route == "管理员群" && $0.sentAt != nil })
            #expect(try await admin.call(ReminderHistory.self, .init(rule: "other")).reminders.isEmpty)
            #expect(try await admin.call(ReminderHistory.self, .init(limit: 1)).reminders.map(\.subject) == ["c1-sent"])

            let secb = PrincipalClient(daemon, unixUser: "secb")
            let mine = try await secb.call(ReminderHistory.self, .init(rule: Self.rule)).reminders
            #expect(mine.map(\.subject) == ["b1-sent"])
            await expectRefusal(code: RPCErrorCode.notFound, reason: "org.not_found") {
                _ = try await secb.call(ReminderHistory.self, .init(org: "C1"))
            }
            for limit in [0, 1_001] {
                await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_limit") {
                    _ = try await admin.call(ReminderHistory.self, .init(limit: limit))
                }
            }
            await ScopedAccessTests.expectForbidden("member reminder.history") {
                _ = try await PrincipalClient(daemon, unixUser: "memb").call(ReminderHistory.self, .init())
            }
        }
    }
}
