import Crypto
import Foundation
import Notice
import PartyTesting
import Testing

/// The instant every test sends at: 2026-11-23 10:00:00 +0800.
let sendInstant = Date(timeIntervalSince1970: 1_795_399_200)

/// A message with Chinese text, an outbox id and recipients.
func sampleMessage(
    format: OutgoingMessage.Format = .markdown,
    priority: OutgoingMessage.Priority = .normal,
    recipients: [String] = []
) -> OutgoingMessage {
    OutgoingMessage(
        outboxID: 42,
        title: "支部会议通知",
        body: "**时间**:11月25日 14:30\n地点:三楼会议室",
        format: format,
        priority: priority,
        recipients: recipients
    )
}

/// The hex HMAC-SHA256 computed here, independently of the channel.
func hexHMAC(key: String, message: String) -> String {
    HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(key.utf8)))
        .map { String(format: "%02x", $0) }.joined()
}

@Suite("Generic webhook channel")
struct WebhookChannelTests {
    let secret = "webhook-secret-9f8e7d"

    @Test("the request is signed JSON with the idempotency key")
    func signedRequest() async throws {
        let receiver = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { receiver.stop() }
        let channel = WebhookChannel(url: receiver.url + "/hooks/partyd", secret: secret, client: CurlClient())
        let outcome = await channel.deliver(sampleMessage(priority: .urgent, recipients: ["a", "b"]), at: sendInstant)
        #expect(outcome == .delivered)
        let request = try #require(receiver.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/hooks/partyd")
        #expect(request.header("Content-Type") == "application/json; charset=utf-8")
        #expect(request.header("Idempotency-Key") == "42")
        #expect(request.header("X-Partyd-Timestamp") == "1795399200")
        #expect(request.header("X-Partyd-Signature") == hexHMAC(key: secret, message: "1795399200." + request.text))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        #expect(json["id"] as? String == "42")
        #expect(json["title"] as? String == "支部会议通知")
        #expect(json["body"] as? String == "**时间**:11月25日 14:30\n地点:三楼会议室")
        #expect(json["format"] as? String == "markdown")
        #expect(json["priority"] as? String == "urgent")
        #expect(json["recipients"] as? [String] == ["a", "b"])
    }

    @Test(
        "statuses are classified",
        arguments: [
            (200, "delivered"), (204, "delivered"), (408, "retryable"), (429, "throttled"), (500, "retryable"),
            (503, "retryable"), (400, "permanent"), (401, "permanent"), (404, "permanent"), (301, "permanent"),
        ]
    )
    func statuses(status: Int, expected: String) async throws {
        let receiver = try HTTPReceiver { _ in .status(status) }
        defer { receiver.stop() }
        let channel = WebhookChannel(url: receiver.url, secret: secret, client: CurlClient())
        let outcome = await channel.deliver(sampleMessage(), at: sendInstant)
        #expect(outcome.kind == expected)
        #expect(!outcome.description.contains(secret))
    }

    @Test("a receiver's Retry-After pauses the channel for as long as it asks, in seconds or as a date")
    func retryAfter() async throws {
        for (status, header, expected) in [
            (503, "120", 120.0), (429, nil, 60), (429, "Wed, 21 Oct 2099 07:28:00 GMT", nil),
        ] as [(Int, String?, Double?)] {
            let receiver = try HTTPReceiver { _ in .status(status, retryAfter: header) }
            defer { receiver.stop() }
            let channel = WebhookChannel(url: receiver.url, secret: secret, client: CurlClient())
            let outcome = await channel.deliver(sampleMessage(), at: sendInstant)
            guard case .throttled(_, let retryAfter) = outcome else {
                Issue.record("\(status) \(header ?? "-") gave \(outcome)")
                continue
            }
            if let expected { #expect(retryAfter == expected) } else { #expect(retryAfter > 86400) }
        }
    }

    @Test("a receiver that never answers times out as retryable")
    func timeout() async throws {
        let receiver = try HTTPReceiver { _ in .hang }
        defer { receiver.stop() }
        let client = CurlClient(limits: .init(connectTimeout: .seconds(2), totalTimeout: .milliseconds(300)))
        let channel = WebhookChannel(url: receiver.url, secret: secret, client: client)
        // The outcome itself proves the timeout fired (curl error 28); no wall-clock assertion, which a loaded
        // machine would make flaky.
        let outcome = await channel.deliver(sampleMessage(), at: sendInstant)
        guard case .retryable(let reason) = outcome else {
            Issue.record("expected retryable, got \(outcome)")
            return
        }
        #expect(reason.contains("超时"))
        #expect(reason.contains("libcurl 错误 28"))
    }

    @Test("a closed port is a retryable connection error")
    func connectionRefused() async throws {
        let receiver = try HTTPReceiver { _ in .status(200) }
        let url = receiver.url
        receiver.stop()
        // The listener closes within one poll interval; a bounded wait for refused connections follows.
        var outcome = DeliveryOutcome.delivered
        for _ in 0..<20 {
            outcome = await WebhookChannel(url: url, secret: secret, client: CurlClient()).deliver(
                sampleMessage(),
                at: sendInstant
            )
            if outcome != .delivered { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(outcome.kind == "retryable")
        #expect(outcome.description.contains("无法连接"))
    }

    @Test("concurrent sends stay within the client's bound and reuse connections")
    func concurrencyBound() async throws {
        let receiver = try HTTPReceiver { _ in .status(200, body: "{}", delay: .milliseconds(150)) }
        defer { receiver.stop() }
        let client = CurlClient(limits: .init(maximumConcurrentTransfers: 2))
        let channel = WebhookChannel(url: receiver.url, secret: secret, client: client)
        let outcomes = await withTaskGroup(of: DeliveryOutcome.self) { group in
            for _ in 0..<8 { group.addTask { await channel.deliver(sampleMessage(), at: sendInstant) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes == Array(repeating: .delivered, count: 8))
        #expect(receiver.requests.count == 8)
        #expect(receiver.maximumConcurrentRequests == 2)
        // Two handles, each keeping its connection: two connections for eight requests.
        #expect(receiver.acceptedConnections == 2)
    }

    @Test("a cancelled send stops its transfer")
    func cancellation() async throws {
        let receiver = try HTTPReceiver { _ in .hang }
        defer { receiver.stop() }
        let channel = WebhookChannel(url: receiver.url, secret: secret, client: CurlClient())
        let task = Task { await channel.deliver(sampleMessage(), at: sendInstant) }
        for _ in 0..<100 where receiver.requests.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        // A transfer that ignored the cancellation would end with the client's timeout instead: the outcome says
        // which happened, without timing anything.
        let outcome = await task.value
        #expect(outcome.description.contains("已取消"))
    }

    @Test("descriptions never show the secret or the URL's path")
    func noSecrets() {
        let channel = WebhookChannel(url: "https://example.com/hook/token-123", secret: secret, client: CurlClient())
        for text in [String(describing: channel), String(reflecting: channel), "\(channel.secret)", "\(channel.url)"] {
            #expect(!text.contains(secret))
            #expect(!text.contains("token-123"))
        }
        var dumped = ""
        dump(channel, to: &dumped)
        #expect(!dumped.contains(secret))
    }
}

extension DeliveryOutcome {
    /// The case's name, for parameterized expectations.
    var kind: String {
        switch self {
        case .delivered: "delivered"
        case .retryable: "retryable"
        case .throttled: "throttled"
        case .permanent: "permanent"
        }
    }
}
