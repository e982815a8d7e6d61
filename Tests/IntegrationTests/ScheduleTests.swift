import Core
import Domain
import Foundation
import PartyTesting
import Server
import Testing
import Wire

/// Timed jobs through the real dispatcher and core, with the clock in the test's hands: each occurrence fires
/// once, downtime is caught up by the job's misfire policy, and jobs stay inside their organization's scope.
///
/// The clock starts at 2026-11-23 10:00 in Asia/Shanghai; the tree is `ScopedAccessTests.seed`'s.
@Suite("Timed jobs")
struct ScheduleTests {
    static func job(
        _ rule: String = "monthly 1 09:00",
        org: String = "B",
        misfire: String? = nil,
        at: String? = nil
    ) -> ScheduleJobFields {
        ScheduleJobFields(
            name: "主题党日通知",
            rule: rule,
            misfire: misfire,
            notice: NoticeFields(
                org: org,
                subtree: true,
                kind: "通知公告",
                title: "本月主题党日安排",
                body: "请各支部按计划开展主题党日。",
                at: at
            )
        )
    }

    static func date(_ text: String) -> Date { try! Date.ISO8601FormatStyle().parse(text) }

    @Test func eachOccurrenceFiresOnceAndDowntimeIsCaughtUpOnce() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            let core = daemon.daemon.core
            let job = try await admin.call(ScheduleAdd.self, Self.job())
            #expect(job.nextFireAt?.hasPrefix("2026-12-01T09:00:00") == true && job.ruleLabel == "每月 1 日 09:00")
            #expect(try await core.runDueJobs() == 0)

            clock.set(Self.date("2026-12-01T01:00:10Z"))
            // Two passes at once (a restart racing the loop, say) still fire the occurrence once.
            async let first = core.runDueJobs()
            async let second = core.runDueJobs()
            let fired = try await first + second
            #expect(fired == 1)
            var notices = try await admin.call(NoticeList.self, .init()).notices
            #expect(notices.map(\.title) == ["本月主题党日安排"] && notices.first?.recipients == 1)
            #expect(notices.first?.author == job.createdBy)

            // Down from December to 5 March: January, February and March came due; one notice for all of them.
            clock.set(Self.date("2027-03-05T02:00:00Z"))
            #expect(try await core.runDueJobs() == 1)
            #expect(try await core.runDueJobs() == 0)
            notices = try await admin.call(NoticeList.self, .init()).notices
            #expect(notices.count == 2)
            let audit = try await admin.call(AuditList.self, .init(limit: 2)).entries
            #expect(audit.contains { $0.summary.contains("2027-03-01 09:00") && $0.summary.contains("错过 2 次") })
            let listed = try await admin.call(ScheduleList.self, .init()).jobs
            #expect(listed.first?.nextFireAt?.hasPrefix("2027-04-01T09:00:00") == true)
            let next = try await admin.call(ScheduleNext.self, .init(job: job.id, count: 3)).times
            #expect(next.map { String($0.prefix(10)) } == ["2027-04-01", "2027-05-01", "2027-06-01"])
        }
    }

    @Test func skippingJobsDoNotCatchUpAndRemovedJobsStop() async throws {
        let clock = TestClock()
        try await ScopedAccessTests.seeded(clock: clock) { daemon, admin in
            let core = daemon.daemon.core
            let skipping = try await admin.call(ScheduleAdd.self, Self.job("daily 09:00", misfire: "skip"))
            let removed = try await admin.call(ScheduleAdd.self, Self.job("daily 09:30"))
            _ = try await admin.call(ScheduleRemove.self, .init(job: removed.id))
            clock.set(Self.date("2026-11-26T03:00:00Z"))  // 11:00 on the 26th: three days late for both.
            #expect(try await core.runDueJobs() == 0)
            #expect(try await admin.call(NoticeList.self, .init()).notices.isEmpty)
            // On time the next morning, it fires.
            clock.set(Self.date("2026-11-27T01:00:20Z"))
            #expect(try await core.runDueJobs() == 1)
            #expect(try await admin.call(ScheduleList.self, .init()).jobs.map(\.id) == [skipping.id])
        }
    }

    @Test func jobsAreCheckedAsTheirNoticesAndStayInScope() async throws {
        try await ScopedAccessTests.seeded(clock: TestClock()) { daemon, admin in
            for (fields, reason) in [
                (Self.job("monthly 32 09:00"), "invalid_rule"), (Self.job("cron 0 9 * *"), "invalid_rule"),
                (Self.job("once 2026-01-01 09:00"), "rule_in_past"),
                (Self.job(misfire: "replay:0"), "invalid_misfire"),
                (Self.job(at: "2026-12-01 09:00"), "invalid_template"),
            ] {
                await expectRefusal(code: RPCErrorCode.invalidValue, reason: reason) {
                    _ = try await admin.call(ScheduleAdd.self, fields)
                }
            }
            let theirs = try await admin.call(ScheduleAdd.self, Self.job(org: "C"))
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let mine = try await secb.call(ScheduleAdd.self, Self.job(org: "B1"))
            #expect(mine.createdBy == "secb")
            #expect(try await secb.call(ScheduleList.self, .init()).jobs.map(\.id) == [mine.id])
            await ScopedAccessTests.expectConcealed("schedule.add elsewhere") {
                _ = try await secb.call(ScheduleAdd.self, Self.job(org: "C"))
            }
            await ScopedAccessTests.expectConcealed("schedule.remove elsewhere") {
                _ = try await secb.call(ScheduleRemove.self, .init(job: theirs.id))
            }
            await ScopedAccessTests.expectConcealed("schedule.next elsewhere") {
                _ = try await secb.call(ScheduleNext.self, .init(job: theirs.id))
            }
            await ScopedAccessTests.expectForbidden("auditor schedule.add") {
                _ = try await PrincipalClient(daemon, unixUser: "audc").call(ScheduleAdd.self, Self.job(org: "C"))
            }
            let preview = try await secb.call(SchedulePreview.self, .init(rule: "quarterly 15 09:00", count: 2)).times
            #expect(preview.map { String($0.prefix(16)) } == ["2026-12-16T09:00", "2027-03-16T09:00"])
        }
    }
}
