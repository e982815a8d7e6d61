import Domain
import Foundation
import Notice
import PartyTesting
import Server
import Synchronization
import Testing
import Wire

/// Each channel paced on its own, against real receivers on 127.0.0.1: a hanging endpoint holds up only its own
/// messages, a robot gets no more than its vendor's limit a minute, and a receiver's Retry-After is kept.
@Suite("Delivery pacing per channel")
struct DeliveryPacingTests {
    static func post(_ client: RPCClient, _ title: String = "关于召开党员大会的通知") async throws {
        _ = try await client.call(
            NoticePost.self,
            NoticeFields(org: "A", subtree: true, kind: "通知公告", title: title, body: "请准时参加。")
        )
    }

    @Test func aHangingEndpointHoldsUpOnlyItsOwnMessages() async throws {
        let hanging = try HTTPReceiver { _ in .hang }
        defer { hanging.stop() }
        let quick = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { quick.stop() }
        try await withTestDaemon(clock: TestClock()) {
            $0.delivery.pollSeconds = 3600
            $0.delivery.timeoutSeconds = 5
        } _: { daemon, client in
            try await seedTree(client)
            _ = try await addWoman(client, org: "B1")
            for (name, url) in [("慢", hanging.url), ("快", quick.url)] {
                _ = try await client.call(
                    ChannelAdd.self,
                    ChannelFields(org: "B1", kind: "webhook", name: name, url: url, secret: "k")
                )
            }
            // The daemon's own worker (not a test-driven round, and with an hour between its polls) is woken by
            // the post and takes both rows at once.
            try await Self.post(client)
            var states: [String: DeliveryView] = [:]
            for _ in 0..<200 {
                states = try await DeliveryTests.states(client)
                if states["快"]?.state == .sent { break }
                try await Task.sleep(for: .milliseconds(25))
            }
            #expect(states["快"]?.state == .sent)
            // The hanging transfer is still open: the quick one did not wait for it.
            #expect(hanging.requestsInFlight == 1)
            #expect(states["慢"]?.state == .pending && states["慢"]?.attempts == 0)
        }
    }

    @Test func aRobotIsSentNoMoreThanItsLimitAMinute() async throws {
        let robot = try HTTPReceiver { _ in .status(200, body: #"{"errcode":0,"errmsg":"ok"}"#) }
        defer { robot.stop() }
        let clock = TestClock()
        try await DeliveryTests.withDaemon(clock: clock) { daemon, client in
            _ = try await client.call(
                ChannelAdd.self,
                ChannelFields(org: "B1", kind: "wecom", name: "企业微信群", url: robot.url + "/cgi-bin/webhook/send?key=k")
            )
            for index in 1...25 { try await Self.post(client, "通知 \(index)") }
            var attempted = 0
            for _ in 0..<40 { attempted += try await daemon.daemon.delivery.deliverDue() }
            #expect(attempted == 20 && robot.requests.count == 20)
            clock.advance(by: 61)
            for _ in 0..<10 { attempted += try await daemon.daemon.delivery.deliverDue() }
            #expect(attempted == 25 && robot.requests.count == 25)
        }
    }

    @Test func aReceiversRetryAfterPausesTheChannelAndIsKeptInTheHistory() async throws {
        let calls = Mutex(0)
        let receiver = try HTTPReceiver { _ in
            calls.withLock { count in
                count += 1
                return count == 1 ? .status(429, body: "slow down", retryAfter: "120") : .status(200, body: "{}")
            }
        }
        defer { receiver.stop() }
        let clock = TestClock()
        try await DeliveryTests.withDaemon(clock: clock) { daemon, client in
            _ = try await client.call(
                ChannelAdd.self,
                ChannelFields(org: "B1", kind: "webhook", name: "办公系统", url: receiver.url, secret: "k")
            )
            try await Self.post(client)
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            try await Self.post(client, "第二条")
            // The second message is due, but the channel asked for two minutes' quiet.
            clock.advance(by: 119)
            #expect(try await daemon.daemon.delivery.deliverDue() == 0)
            // Past the pause and the retry's jitter (a tenth at most): both go.
            clock.advance(by: 14)
            #expect(try await daemon.daemon.delivery.deliverDue() == 2)
            #expect(receiver.requests.count == 3)
            let first = try #require(try await client.call(DeliveryList.self, .init()).deliveries.last)
            let shown = try await client.call(DeliveryShow.self, .init(id: first.id))
            #expect(shown.state == .sent && shown.history?.map(\.outcome) == [.retryable, .delivered])
            #expect(shown.history?.first?.error?.contains("限流（120 秒后再试）") == true)
        }
    }
}
