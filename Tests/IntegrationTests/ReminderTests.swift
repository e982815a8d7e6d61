import Core
import Domain
import Foundation
import Notice
import PartyTesting
import Server
import Store
import Testing
import Wire

/// Reminders through the real core and store, with the clock in the test's hands: every rule announces each fact
/// when it should and once, downtime is caught up by one scan, digests go once a day after quiet hours and urgent
/// ones at once.
///
/// The clock starts at 2026-11-23 10:00 in Asia/Shanghai; the tree is `seedTree`'s (A → B → B1, B2; A → C → C1).
@Suite("Reminders")
struct ReminderTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    /// The instant of `day` at `hour:minute` in Shanghai.
    static func at(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
        ReminderTiming.instant(LocalDate(day)!, minute: hour * 60 + minute, zone: zone)
    }

    /// A valid identity number for someone born on `birth` (yyyyMMdd).
    static func idNumber(born birth: String, male: Bool, serial: String = "01") -> String {
        let first17 = "110105" + birth + serial + (male ? "1" : "2")
        return first17 + String(IdentityNumber.checkCharacter(for: first17)!)
    }

    /// A daemon on `clock` with every reminder rule on and its own background work off (the test runs it), the
    /// tree, 张秀英 (B1, born 1949-12-31) and 李建国 (C1, born 1901-02-03).
    static func withReminders(
        clock: TestClock,
        settings: ReminderSettings = .standard,
        _ body: (TestDaemon, RPCClient) async throws -> Void
    ) async throws {
        try await withTestDaemon(clock: clock) {
            $0.delivery.pollSeconds = 3600
            $0.delivery.workerRuns = false
            $0.reminders = ReminderConfiguration(settings: settings)
        } _: { daemon, admin in
            try await ScopedAccessTests.seed(admin)
            try await body(daemon, admin)
        }
    }

    /// The domain refusal `body` ends with, if any.
    static func refusal(_ body: () async throws -> Void) async -> DomainError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? DomainError
        }
    }

    /// Every recorded reminder, oldest first.
    static func all(_ core: PartyCore) async throws -> [Reminder] {
        try await core.store.read { tx in
            try tx.reminders(under: nil, rule: nil, states: ReminderState.allCases, dueFrom: nil, limit: 100_000)
        }.reversed()
    }

    /// The probationer 王预备 in B1: admitted by the 支部大会 on 2026-01-10 (so her year ends 2027-01-10), born
    /// 1995-03-15.
    static func addProbationer(_ admin: RPCClient) async throws -> Member {
        try await admin.call(
            MemberAdd.self,
            .init(
                org: "B1",
                fields: MemberFields(
                    name: "王预备",
                    gender: "女",
                    birthDate: "1995-03-15",
                    idNumber: idNumber(born: "19950315", male: false),
                    joinDate: "2026-01-10",
                    probationStart: "2026-01-10",
                    category: "预备党员"
                )
            )
        )
    }

    @Test func aYearOfSimulatedTimeAnnouncesEachFactWhenDueAndOnce() async throws {
        let clock = TestClock()
        try await Self.withReminders(clock: clock) { daemon, admin in
            let core = daemon.daemon.core
            let probationer = try await Self.addProbationer(admin)
            // B1's committee has its group; C1 has none (its reminders go to the system administrators, A's).
            let receiver = try HTTPReceiver { _ in .status(200, body: "{}") }
            defer { receiver.stop() }
            for org in ["B1", "A"] {
                _ = try await admin.call(
                    ChannelAdd.self,
                    ChannelFields(
                        org: org,
                        kind: "webhook",
                        url: receiver.url,
                        secret: DeliveryTests.secret,
                        audience: "admins"
                    )
                )
            }
            let notice = try await admin.call(
                NoticePost.self,
                NoticeFields(
                    org: "B1",
                    kind: "通知公告",
                    title: "请确认",
                    body: "正文",
                    ackRequired: true,
                    ackDeadline: "2026-12-05"
                )
            )
            let activity = try await admin.call(
                ActivityPlan.self,
                .init(org: "B1", kind: "主题党日", title: "十二月主题党日", at: "2026-12-10 14:30", place: "三楼会议室")
            )

            // Every day of a year: the scan at 06:30 with what goes at once, then the digest pass at 09:00.
            var day = LocalDate("2026-11-23")!
            while day <= LocalDate("2027-11-23")! {
                clock.set(Self.at(day.description, 6, 30))
                try await core.scanReminders()
                try await core.dispatchReminders()
                clock.set(Self.at(day.description, 9))
                try await core.dispatchReminders()
                day = day.adding(days: 1)
            }
            let reminders = try await Self.all(core)
            func found(_ rule: String, _ subject: String, _ stage: String) -> [Reminder] {
                reminders.filter {
                    $0.finding.key.rule == rule && $0.finding.key.subject == subject && $0.finding.key.stage == stage
                }
            }
            func foundOn(_ reminder: Reminder?) -> String? {
                reminder.map { LocalDate.of($0.foundAt, in: Self.zone).description }
            }

            // Nothing is left waiting and each went out once, each through one notice.
            #expect(reminders.allSatisfy { $0.state == .sent && $0.noticeID != nil && $0.sentAt != nil })
            #expect(Set(reminders.map(\.finding.key)).count == reminders.count)

            let who = "member:\(probationer.id)"
            let soon = found("probation-due", who, "soon")
            let overdue = found("probation-due", who, "overdue")
            #expect(soon.count == 1 && overdue.count == 1)
            #expect(foundOn(soon.first) == "2026-12-11" && soon.first?.finding.key.dueOn.description == "2027-01-10")
            // Not urgent: in the digest at 09:00, through B1's committee group. Overdue: urgent, at once.
            #expect(soon.first?.sentAt == Self.at("2026-12-11", 9) && soon.first?.route == .admins)
            #expect(foundOn(overdue.first) == "2027-01-11" && overdue.first?.sentAt == Self.at("2027-01-11", 6, 30))

            let woman = try await admin.call(MemberShow.self, .init(member: womanID))
            let man = try await admin.call(MemberShow.self, .init(member: manID))
            let greetings = reminders.filter { $0.finding.key.rule == "birthday-greeting" }
            #expect(
                greetings.map { "\($0.finding.key.subject)/\($0.finding.key.stage)/\(foundOn($0) ?? "")" }.sorted()
                    == [
                        "member:\(man.id)/birthday/2027-02-03", "member:\(probationer.id)/birthday/2027-03-15",
                        "member:\(probationer.id)/political/2027-01-10", "member:\(woman.id)/birthday/2026-12-31",
                        "member:\(woman.id)/political/2027-07-01",
                    ].sorted()
            )
            #expect(greetings.allSatisfy { $0.route == .inbox && $0.sentAt == $0.foundAt })

            // The monthly lists: on the first of each month with someone to list, once per branch.
            let lists = reminders.filter { $0.finding.key.rule == "birthday-list" }
            #expect(
                lists.allSatisfy { $0.finding.key.dueOn.day == 1 && foundOn($0) == $0.finding.key.dueOn.description }
            )
            #expect(
                lists.filter { $0.finding.orgID == probationer.orgID }.map(\.finding.key.dueOn.month).sorted() == [
                    1, 3, 7, 12,
                ]
            )
            // C1 has no group of its own: its list went to the system administrators.
            #expect(lists.filter { $0.finding.orgID == man.orgID }.map { $0.route } == [.system])

            // The notice: a reminder to her the day before the deadline, the summary the day after it.
            let ackDue = reminders.filter { $0.finding.key.rule == "notice-ack-due" }
            #expect(ackDue.map { foundOn($0) } == ["2026-12-04"] && ackDue.first?.finding.audience == .outstanding)
            let reminder = ackDue.first?.noticeID ?? 0
            let reminded = try await core.store.read { tx in
                try tx.outstandingRecipients(reminder, acknowledgement: false, limit: 10).recipients.map(\.memberID)
            }
            #expect(Set(reminded) == [woman.id, probationer.id])
            let summary = found("notice-ack-summary", "notice:\(notice.id)", "summary")
            #expect(foundOn(summary.first) == "2026-12-06" && summary.first?.finding.line.contains("已确认 0/2 人") == true)

            // The activity: invitees two days ahead; still open the day after; its record late after three working
            // days (10 December is a Thursday: due the 15th, late from the 16th).
            #expect(
                found("activity-invitee", "activity:\(activity.id)", "invite").map { foundOn($0) }
                    == ["2026-12-08"]
            )
            #expect(found("activity-open", "activity:\(activity.id)", "open").map { foundOn($0) } == ["2026-12-11"])
            let late = found("activity-record-late", "activity:\(activity.id)", "late")
            #expect(
                late.map { foundOn($0) } == ["2026-12-16"] && late.first?.finding.key.dueOn.description == "2026-12-15"
            )

            // Cadence: B1 planned its December 主题党日, but not its 支委会 and 党小组会: told a week before the month
            // ends, then (with its superior B) once it has.
            let december = "org:\(probationer.orgID):2026-12"
            #expect(found("activity-cadence", december, "soon").map { foundOn($0) } == ["2026-12-24"])
            #expect(found("activity-cadence", december, "soon").first?.finding.line.contains("支委会、党小组会") == true)
            #expect(found("activity-cadence", december, "overdue").map { foundOn($0) } == ["2027-01-01"])
            let b = try #require(try await core.store.read { tx in try tx.organization(code: "B")?.id })
            let superior = found("activity-cadence", "org:\(b):2026-12", "superior")
            #expect(superior.map { foundOn($0) } == ["2027-01-01"])
            #expect(superior.first?.finding.line.contains("一支部（B1，缺支委会、党小组会）") == true)
            #expect(superior.first?.finding.orgID == b && superior.first?.route == .system)

            // One digest a day per organization: all B1's reminders of a day went in one notice.
            let digests = Dictionary(
                grouping: reminders.filter { $0.finding.orgID == probationer.orgID && $0.route == .admins }
            ) {
                $0.sentAt ?? .distantPast
            }
            #expect(digests.values.allSatisfy { Set($0.map(\.noticeID)).count == 1 })

            // Scanning again finds nothing new.
            let again = try await core.scanReminders(only: core.reminders.rules.map(\.info.id))
            #expect(again.count == 10 && again.allSatisfy { $0.new == 0 })
            #expect(try await core.dispatchReminders(forceRule: "probation-due") == ReminderDispatchOutcome())
        }
    }

    @Test func downtimeIsCaughtUpByOneScanAndAFactIsNotAnnouncedTwice() async throws {
        let clock = TestClock()
        try await Self.withReminders(clock: clock) { daemon, admin in
            let core = daemon.daemon.core
            let probationer = try await Self.addProbationer(admin)
            clock.set(Self.at("2026-12-09", 6, 30))
            let first = try await core.scanReminders()
            #expect(first.count == 10)
            // The same day: no scan is due however often the loop asks.
            #expect(try await core.scanReminders().isEmpty)
            // Down from the 9th to the 12th, restarted at 05:00 (before the scan time): one scan at once, which
            // finds the probation ending within 30 days (since the 11th) once.
            clock.set(Self.at("2026-12-12", 5))
            let caughtUp = try await core.scanReminders()
            #expect(caughtUp.count == 10 && caughtUp.first { $0.rule == "probation-due" }?.new == 1)
            #expect(try await core.scanReminders().isEmpty)
            // Two passes at once (a restart racing the loop): the next day's scan happens once.
            clock.set(Self.at("2026-12-13", 7))
            async let one = core.scanReminders()
            async let two = core.scanReminders()
            let passes = try await [one, two]
            #expect(passes.filter { !$0.isEmpty }.count == 1)
            let probation = try await Self.all(core).filter { $0.finding.key.subject == "member:\(probationer.id)" }
            #expect(probation.count == 1)
            let audit = try await admin.call(AuditList.self, .init(limit: 50)).entries
            #expect(audit.filter { $0.summary.hasPrefix("提醒扫描") }.count == 3)
        }
    }

    @Test func digestsGoOnceADayAfterQuietHoursAndUrgentOnesAtOnce() async throws {
        let receiver = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { receiver.stop() }
        let clock = TestClock()
        try await Self.withReminders(clock: clock) { daemon, admin in
            let core = daemon.daemon.core
            _ = try await admin.call(
                ChannelAdd.self,
                ChannelFields(
                    org: "B1",
                    kind: "webhook",
                    url: receiver.url,
                    secret: DeliveryTests.secret,
                    audience: "admins"
                )
            )
            // A probationer whose year ended yesterday (urgent) and one whose ends within the month (digest).
            let late = try await admin.call(
                MemberAdd.self,
                .init(
                    org: "B1",
                    fields: MemberFields(
                        name: "赵逾期",
                        gender: "男",
                        birthDate: "1990-05-05",
                        idNumber: Self.idNumber(born: "19900505", male: true),
                        joinDate: "2025-12-22",
                        probationStart: "2025-12-22",
                        category: "预备党员"
                    )
                )
            )
            _ = try await Self.addProbationer(admin)
            // 2026-12-23 06:30: inside the standard quiet hours (22:00–08:00).
            clock.set(Self.at("2026-12-23", 6, 30))
            try await core.scanReminders()
            let early = try await core.dispatchReminders()
            #expect(early.sent == 1 && early.notices == 1)
            try await daemon.daemon.delivery.deliverDue()
            // Urgent: through quiet hours at once.
            #expect(receiver.requests.count == 1 && receiver.requests.first?.text.contains("赵逾期") == true)
            // Before the digest moment nothing else goes; at 08:30 the digest does, once.
            clock.set(Self.at("2026-12-23", 8, 29))
            #expect(try await core.dispatchReminders().sent == 0)
            clock.set(Self.at("2026-12-23", 8, 30))
            let digest = try await core.dispatchReminders()
            #expect(digest.sent >= 2 && digest.notices == 1)
            #expect(try await core.dispatchReminders().sent == 0)
            try await daemon.daemon.delivery.deliverDue()
            #expect(receiver.requests.count == 2)
            let text = receiver.requests.last?.text ?? ""
            #expect(text.contains("王预备") && text.contains("每日提醒"))
            #expect(!text.contains("赵逾期（编号"))
            _ = late
        }
    }

    @Test func aSnoozedReminderWaitsForItsDayAndOnlyAdministratorsInScopeMaySnoozeIt() async throws {
        let clock = TestClock()
        try await Self.withReminders(clock: clock) { daemon, admin in
            let core = daemon.daemon.core
            _ = try await Self.addProbationer(admin)
            _ = try await admin.call(UserAdd.self, .init(unixUser: "secc", role: "org-admin", org: "C"))
            _ = try await admin.call(
                ChannelAdd.self,
                ChannelFields(
                    org: "B1",
                    kind: "webhook",
                    url: "http://127.0.0.1:9/",
                    secret: DeliveryTests.secret,
                    audience: "admins"
                )
            )
            clock.set(Self.at("2026-12-20", 6, 30))
            try await core.scanReminders()
            let probation = try #require(try await Self.all(core).first { $0.finding.key.rule == "probation-due" })
            let snoozed = try await core.snoozeReminder(
                id: probation.id,
                until: "2026-12-28",
                by: .unixUser(uid: 60_000, name: "secb")
            )
            #expect(snoozed.state == "snoozed")
            // Outside C's administrator's scope: the same refusal as for a reminder that does not exist.
            for id in [probation.id, 9_999] {
                let refusal = await Self.refusal {
                    _ = try await core.snoozeReminder(
                        id: id,
                        until: "2026-12-28",
                        by: .unixUser(uid: 60_002, name: "secc")
                    )
                }
                #expect(refusal?.message == "提醒 \(id) 不存在或不在您的管理范围内" && refusal?.reason == "reminder.not_found")
            }
            clock.set(Self.at("2026-12-21", 9))
            try await core.dispatchReminders()
            #expect(try await Self.all(core).first { $0.id == probation.id }?.state == .snoozed)
            clock.set(Self.at("2026-12-28", 9))
            try await core.dispatchReminders()
            let sent = try await Self.all(core).first { $0.id == probation.id }
            #expect(sent?.state == .sent && sent?.snoozedUntil == nil)
        }
    }

    @Test func administratorsAreMailedAndAnOrganizationWithoutTheirsFallsBackToItsMembersGroups() async throws {
        let mail = try SMTPReceiver()
        defer { mail.stop() }
        let receiver = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { receiver.stop() }
        let clock = TestClock()
        try await Self.withReminders(clock: clock) { daemon, admin in
            let core = daemon.daemon.core
            _ = try await admin.call(
                ChannelAdd.self,
                ChannelFields(org: "A", kind: "smtp", url: mail.url, sender: "partyd@example.cn")
            )
            // B1: no committee group, but its administrator has an address. C1: only a members' group.
            let account = try await admin.call(
                UserAdd.self,
                .init(unixUser: "secb1", role: "org-admin", org: "B1", email: "secb1@example.cn")
            )
            #expect(account.email == "secb1@example.cn")
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_email") {
                _ = try await admin.call(UserSetEmail.self, .init(unixUser: "secb1", email: "not-an-address"))
            }
            _ = try await admin.call(
                ChannelAdd.self,
                ChannelFields(org: "C1", kind: "webhook", url: receiver.url, secret: DeliveryTests.secret)
            )
            _ = try await Self.addProbationer(admin)
            _ = try await admin.call(
                MemberEdit.self,
                .init(member: manID, fields: MemberFields(probationStart: "2026-01-20", category: "预备党员"))
            )
            clock.set(Self.at("2026-12-22", 6, 30))
            try await core.scanReminders(only: ["probation-due"])
            clock.set(Self.at("2026-12-22", 9))
            let sent = try await core.dispatchReminders()
            #expect(sent.sent == 2 && sent.notices == 2 && sent.undeliverable == 0)
            try await daemon.daemon.delivery.deliverDue()
            #expect(mail.mails.map(\.recipients) == [["secb1@example.cn"]])
            #expect(receiver.requests.count == 1 && receiver.requests.first?.text.contains("李建国") == true)
            let routes = try await Self.all(core).map(\.route)
            #expect(Set(routes) == [.admins, .members])
            // Without the address, B1 has nowhere of its own: the system administrators' digest (A has no
            // committee group either) cannot take it, so it is kept as undeliverable, never silently dropped.
            _ = try await admin.call(UserSetEmail.self, .init(unixUser: "secb1", email: nil))
            clock.set(Self.at("2027-01-11", 6, 30))
            try await core.scanReminders(only: ["probation-due"])
            let overdue = try await core.dispatchReminders()
            #expect(overdue.undeliverable == 1 && overdue.sent == 0)
        }
    }

    @Test func aMemberWhoAcknowledgesBeforeTheReminderGoesIsNotReminded() async throws {
        let clock = TestClock()
        try await Self.withReminders(clock: clock) { daemon, admin in
            let core = daemon.daemon.core
            let probationer = try await Self.addProbationer(admin)
            let notice = try await admin.call(
                NoticePost.self,
                NoticeFields(
                    org: "B1",
                    kind: "通知公告",
                    title: "请确认",
                    body: "正文",
                    ackRequired: true,
                    ackDeadline: "2026-12-05"
                )
            )
            clock.set(Self.at("2026-12-04", 6, 30))
            try await core.scanReminders(only: ["notice-ack-due"])
            _ = try await PrincipalClient(daemon, unixUser: "memb").call(MeAck.self, .init(notice: notice.id))
            let sent = try await core.dispatchReminders()
            #expect(sent.sent == 1 && sent.notices == 1)
            let reminder = try #require(try await Self.all(core).first?.noticeID)
            let reminded = try await core.store.read { tx in
                try tx.outstandingRecipients(reminder, acknowledgement: false, limit: 10).recipients.map(\.memberID)
            }
            #expect(reminded == [probationer.id])
        }
    }
}
