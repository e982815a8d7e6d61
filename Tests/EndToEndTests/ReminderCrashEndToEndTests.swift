import Domain
import Foundation
import PartyTesting
import Testing
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` again and again while partyd scans for reminders and sends them: after the last restart every
/// reminder has been announced once, through one notice per branch, and every branch's group got its message.
extension EndToEnd {
    @Suite("End to end: crash during reminder scans and delivery")
    struct ReminderCrashEndToEndTests {
        static let branches = 30
        static let probationersPerBranch = 10

        @Test func killNineNeitherLosesNorDoublesAReminder() async throws {
            let receiver = try HTTPReceiver { _ in .status(200, body: "{}") }
            defer { receiver.stop() }
            let seeding = try DaemonProcess()
            defer { seeding.directory.remove() }
            let client = try await RPCClient.connect(socketPath: seeding.socketPath)
            _ = try await client.call(OrgAdd.self, .init(code: "A", name: "市委", kind: "党委"))
            var serial = 0
            for branch in 0..<Self.branches {
                let code = "A\(branch)"
                _ = try await client.call(
                    OrgAdd.self,
                    .init(code: code, name: "第\(branch)支部", kind: "党支部", parent: "A")
                )
                // partyd runs on the real clock here: quiet hours off, so the hour of the run does not matter.
                _ = try await client.call(OrgSetQuietHours.self, .init(code: code, off: true))
                _ = try await client.call(
                    ChannelAdd.self,
                    ChannelFields(org: code, kind: "webhook", url: receiver.url, secret: "k", audience: "admins")
                )
                for _ in 0..<Self.probationersPerBranch {
                    serial += 1
                    // Admitted in 2024: every probationary year has ended, so each reminder is urgent and goes at once.
                    let birth = String(format: "1990%02d%02d", serial % 12 + 1, serial % 28 + 1)
                    let first17 =
                        "110105" + birth + String(format: "%02d", serial % 100) + (serial % 2 == 0 ? "2" : "1")
                    _ = try await client.call(
                        MemberAdd.self,
                        .init(
                            org: code,
                            fields: MemberFields(
                                name: "预备\(serial)",
                                gender: serial % 2 == 0 ? "女" : "男",
                                birthDate: String(birth.prefix(4)) + "-" + birth.dropFirst(4).prefix(2) + "-"
                                    + birth.suffix(2),
                                idNumber: first17 + String(IdentityNumber.checkCharacter(for: first17)!),
                                joinDate: "2024-03-01",
                                probationStart: "2024-03-01",
                                category: "预备党员"
                            )
                        )
                    )
                }
            }
            await client.close()
            try seeding.stop()

            // Restarted with the rule on and killed at once, sooner or later in its first scan and sending.
            let environment = ["PARTYD_REMINDER_RULES": "probation-due", "PARTYD_DELIVERY_POLL_SECONDS": "1"]
            for delay in [0, 15, 40, 80, 150, 300] {
                let daemon = try DaemonProcess(directory: seeding.directory, environment: environment)
                try await Task.sleep(for: .milliseconds(delay))
                try daemon.stop(signal: SIGKILL)
            }
            let last = try DaemonProcess(directory: seeding.directory, environment: environment)
            #expect(try await poll(for: .seconds(120)) { Self.keys(receiver).count >= Self.branches })
            let after = try await RPCClient.connect(socketPath: last.socketPath)
            let history = try await after.call(ReminderHistory.self, .init(limit: 1_000)).reminders
            #expect(history.count == Self.branches * Self.probationersPerBranch)
            #expect(Set(history.map(\.subject)).count == history.count, "a fact announced twice")
            #expect(history.allSatisfy { $0.state == "sent" && $0.noticeID != nil && $0.urgent })
            let notices = Set(history.compactMap(\.noticeID))
            #expect(notices.count == Self.branches, "one message per branch, not \(notices.count)")
            // Each branch's group got its message (a send in flight at a kill may have gone twice, never more).
            #expect(Self.keys(receiver).count == Self.branches)
            #expect(receiver.requests.count <= Self.branches * 2)
            for request in receiver.requests {
                #expect(request.text.components(separatedBy: "预备期已于").count - 1 == Self.probationersPerBranch)
            }
            let waiting = try await after.call(ReminderList.self, .init(dueWithin: 0)).reminders
            #expect(waiting.allSatisfy { $0.state == "sent" })
            await after.close()
            try last.stop()
        }

        static func keys(_ receiver: HTTPReceiver) -> Set<String> {
            Set(receiver.requests.compactMap { $0.header("Idempotency-Key") })
        }

        /// Checks `condition` every 50 ms until it holds or `limit` has passed; returns whether it held.
        func poll(for limit: Duration, until condition: () -> Bool) async throws -> Bool {
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: limit)
            while clock.now < deadline {
                if condition() { return true }
                try await Task.sleep(for: .milliseconds(50))
            }
            return condition()
        }
    }
}
