import Domain
import Foundation
import PartyTesting
import Testing
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` in the middle of delivering 10,000 messages: after a restart every message arrives, and only those
/// that were in flight arrive twice.
extension EndToEnd {
    @Suite("End to end: crash during delivery")
    struct DeliveryCrashEndToEndTests {
        static let channels = 50
        static let notices = 200
        /// The most a round sends before recording it: a crash can repeat at most that many.
        static let roundSize = 64

        @Test func killNineLosesNoMessageAndRepeatsOnlyThoseInFlight() async throws {
            let receiver = try HTTPReceiver { _ in .status(200, body: "{}") }
            defer { receiver.stop() }
            let environment = ["PARTYD_DELIVERY_POLL_SECONDS": "1", "PARTYD_DELIVERY_CONCURRENCY": "8"]
            let first = try DaemonProcess(environment: environment)
            defer { first.directory.remove() }
            let client = try await RPCClient.connect(socketPath: first.socketPath)
            _ = try await client.call(OrgAdd.self, .init(code: "A", name: "一支部", kind: "党支部"))
            // partyd runs on the real clock here: quiet hours off, so the hour of the run does not matter.
            _ = try await client.call(OrgSetQuietHours.self, .init(code: "A", off: true))
            for index in 0..<Self.channels {
                _ = try await client.call(
                    ChannelAdd.self,
                    ChannelFields(org: "A", kind: "webhook", name: "群\(index)", url: receiver.url, secret: "k")
                )
            }
            for index in 0..<Self.notices {
                _ = try await client.call(
                    NoticePost.self,
                    NoticeFields(org: "A", kind: "工作动态", title: "动态 \(index)", body: "第 \(index) 条")
                )
            }
            await client.close()
            let total = Self.channels * Self.notices
            // Kill once a good part has gone out, while the rest is still being delivered.
            #expect(try await poll(for: .seconds(120)) { receiver.requests.count >= total / 4 })
            try first.stop(signal: SIGKILL)
            let beforeCrash = Set(receiver.requests.compactMap { $0.header("Idempotency-Key") })
            #expect(beforeCrash.count < total, "the kill came after everything was delivered")

            let second = try DaemonProcess(directory: first.directory, environment: environment)
            #expect(try await poll(for: .seconds(300)) { Self.keys(receiver).count == total })
            let requests = receiver.requests.count
            #expect(Self.keys(receiver).count == total, "messages lost across kill -9")
            #expect(requests - total <= Self.roundSize, "\(requests - total) messages were sent twice")
            let after = try await RPCClient.connect(socketPath: second.socketPath)
            let pending = try await after.call(DeliveryList.self, .init(state: "pending", limit: 1))
            #expect(pending.deliveries.isEmpty)
            await after.close()
            try second.stop()
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
