import Crypto
import Domain
import Foundation
import Notice
import PartyTesting
import Server
import Synchronization
import Testing
import Wire

/// The outbox end to end in process: channels, outbox rows written with the notice, delivery rounds against a
/// real HTTP receiver on 127.0.0.1, retries driven by a test clock, giving up, and removal.
@Suite("Delivery through channels")
struct DeliveryTests {
    static let secret = "s3cret-签名"

    /// A daemon whose own delivery worker does not run: the tests run the rounds.
    static func withDaemon(
        clock: TestClock = TestClock(),
        _ body: (TestDaemon, RPCClient) async throws -> Void
    ) async throws {
        try await withTestDaemon(clock: clock) {
            $0.delivery.pollSeconds = 3600
            $0.delivery.workerRuns = false
            $0.delivery.maxAttempts = 2
        } _: { daemon, client in
            try await seedTree(client)
            _ = try await addWoman(client, org: "B1")
            try await body(daemon, client)
        }
    }

    static func post(_ client: RPCClient) async throws -> NoticeView {
        try await client.call(
            NoticePost.self,
            NoticeFields(org: "A", subtree: true, kind: "通知公告", title: "关于召开党员大会的通知", body: "请准时参加。")
        )
    }

    @Test func aNoticeReachesEachChannelOnceSignedAndIsRecordedSent() async throws {
        let receiver = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { receiver.stop() }
        try await Self.withDaemon { daemon, client in
            let channel = try await client.call(
                ChannelAdd.self,
                ChannelFields(
                    org: "B1",
                    kind: "webhook",
                    name: "一支部群",
                    url: receiver.url + "/hook",
                    secret: Self.secret
                )
            )
            #expect(channel.host == "127.0.0.1" && channel.signed)
            let notice = try await Self.post(client)
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            #expect(try await daemon.daemon.delivery.deliverDue() == 0)
            let request = try #require(receiver.requests.first)
            #expect(receiver.requests.count == 1)
            let deliveries = try await client.call(DeliveryList.self, .init())
            let delivery = try #require(deliveries.deliveries.first)
            #expect(delivery.state == .sent && delivery.attempts == 1 && delivery.noticeID == notice.id)
            #expect(request.header("Idempotency-Key") == String(delivery.id))
            let timestamp = try #require(request.header("X-Partyd-Timestamp"))
            let key = SymmetricKey(data: Data(Self.secret.utf8))
            let expected = HMAC<SHA256>.authenticationCode(for: Data((timestamp + "." + request.text).utf8), using: key)
            #expect(request.header("X-Partyd-Signature") == expected.map { String(format: "%02x", $0) }.joined())
            #expect(request.text.contains("关于召开党员大会的通知"))
            // The audit holds the proof of the delivery, by partyd.
            let audit = try await client.call(AuditList.self, .init(limit: 1))
            #expect(audit.entries.first?.actor == "partyd" && audit.entries.first?.summary == "投递 1 条：送达 1，待重试 0，放弃 0")
        }
    }

    @Test func failuresAreRetriedWithBackoffAndGivenUpWhileOthersFlow() async throws {
        let failing = try HTTPReceiver { _ in .status(500, body: "oops") }
        defer { failing.stop() }
        let working = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { working.stop() }
        let refusing = try HTTPReceiver { _ in .status(404, body: "") }
        defer { refusing.stop() }
        let clock = TestClock()
        try await Self.withDaemon(clock: clock) { daemon, client in
            for (name, url) in [("坏", failing.url), ("好", working.url), ("拒", refusing.url)] {
                _ = try await client.call(
                    ChannelAdd.self,
                    ChannelFields(org: "B1", kind: "webhook", name: name, url: url, secret: Self.secret)
                )
            }
            _ = try await Self.post(client)
            #expect(try await daemon.daemon.delivery.deliverDue() == 3)
            var states = try await Self.states(client)
            #expect(states["好"]?.state == .sent)
            #expect(states["拒"]?.state == .dead)
            #expect(states["坏"]?.state == .pending && states["坏"]?.attempts == 1)
            // Not due again until the backoff has passed: the clock, not a sleep, decides.
            #expect(try await daemon.daemon.delivery.deliverDue() == 0)
            clock.advance(by: 46)
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            states = try await Self.states(client)
            #expect(states["坏"]?.state == .dead && states["坏"]?.attempts == 2)
            #expect(states["坏"]?.lastError?.contains("已尝试 2 次") == true)
            #expect(failing.requests.count == 2 && working.requests.count == 1 && refusing.requests.count == 1)
        }
    }

    static func states(_ client: RPCClient) async throws -> [String: DeliveryView] {
        let list = try await client.call(DeliveryList.self, .init())
        return Dictionary(uniqueKeysWithValues: list.deliveries.map { ($0.channelName, $0) })
    }

    @Test func channelsKeepTheirSecretsAndStayInScope() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let added = try await admin.call(
                ChannelAdd.self,
                ChannelFields(
                    org: "C1",
                    kind: "dingtalk",
                    url: "https://oapi.dingtalk.com/robot/send?access_token=TOKEN123",
                    secret: "SECabc",
                    keyword: "通知"
                )
            )
            let listed = try await admin.call(ChannelList.self, .init())
            let encoded = String(decoding: try JSONEncoder().encode(listed.channels), as: UTF8.self)
            #expect(!encoded.contains("TOKEN123") && !encoded.contains("SECabc"))
            #expect(listed.channels.first?.host == "oapi.dingtalk.com")
            let secb = PrincipalClient(daemon, unixUser: "secb")
            await ScopedAccessTests.expectConcealed("channel.add") {
                _ = try await secb.call(
                    ChannelAdd.self,
                    ChannelFields(
                        org: "C1",
                        kind: "wecom",
                        url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"
                    )
                )
            }
            await ScopedAccessTests.expectConcealed("channel.remove") {
                _ = try await secb.call(ChannelRemove.self, .init(channel: added.id))
            }
            #expect(try await secb.call(ChannelList.self, .init()).channels.isEmpty)
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "missing_secret") {
                _ = try await admin.call(
                    ChannelAdd.self,
                    ChannelFields(org: "B1", kind: "webhook", url: "https://x.example/h")
                )
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_url") {
                _ = try await admin.call(
                    ChannelAdd.self,
                    ChannelFields(org: "B1", kind: "wecom", url: "file:///etc/passwd")
                )
            }
            // Removing a channel gives up what it still had to send.
            _ = try await admin.call(
                NoticePost.self,
                NoticeFields(org: "C", subtree: true, kind: "工作动态", title: "t", body: "b")
            )
            _ = try await admin.call(ChannelRemove.self, .init(channel: added.id))
            let deliveries = try await admin.call(DeliveryList.self, .init())
            #expect(deliveries.deliveries.map(\.state) == [.dead])
            #expect(deliveries.deliveries.first?.lastError == "渠道已删除")
        }
    }
}

/// E-mail to members through the organization's mail server.
@Suite("Delivery by e-mail")
struct EmailDeliveryTests {
    @Test func eachAddressedMemberWithAnAddressGetsOneMail() async throws {
        let server = try SMTPReceiver()
        defer { server.stop() }
        try await DeliveryTests.withDaemon { daemon, client in
            // 张秀英 (B1) has no address yet; give her one, and add 李四 in B2 with none.
            _ = try await client.call(
                MemberEdit.self,
                .init(member: womanID, fields: MemberFields(email: "zhang@example.cn"))
            )
            _ = try await client.call(
                MemberAdd.self,
                .init(
                    org: "B2",
                    fields: MemberFields(name: "李四", gender: "男", birthDate: "1901-02-03", idNumber: manID)
                )
            )
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_sender") {
                _ = try await client.call(ChannelAdd.self, ChannelFields(org: "A", kind: "smtp", url: server.url))
            }
            let mail = try await client.call(
                ChannelAdd.self,
                ChannelFields(org: "A", kind: "smtp", url: server.url, sender: "partyd@example.cn")
            )
            #expect(mail.kind == .smtp && mail.host == "127.0.0.1")
            let notice = try await DeliveryTests.post(client)
            #expect(notice.recipients == 2)
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            let received = try #require(server.mails.first)
            #expect(server.mails.count == 1)
            #expect(received.sender == "partyd@example.cn")
            #expect(received.recipients == ["zhang@example.cn"])
            let text = String(decoding: received.data, as: UTF8.self)
            let delivery = try #require(try await client.call(DeliveryList.self, .init()).deliveries.first)
            #expect(delivery.state == .sent)
            #expect(text.contains("Message-ID: <\(delivery.id)@partyd>"))
            #expect(text.contains("Subject: =?UTF-8?B?"))
        }
    }
}

/// Sending again: given-up deliveries retried, notices resent to those who have not read them.
@Suite("Retry and resend")
struct RetryResendTests {
    @Test func givenUpDeliveriesGoAgainWhenTheEndpointIsBack() async throws {
        let healthy = Mutex(false)
        let receiver = try HTTPReceiver { _ in healthy.withLock { $0 } ? .status(200, body: "{}") : .status(404) }
        defer { receiver.stop() }
        try await DeliveryTests.withDaemon { daemon, client in
            _ = try await client.call(
                ChannelAdd.self,
                ChannelFields(org: "B1", kind: "webhook", url: receiver.url, secret: DeliveryTests.secret)
            )
            _ = try await DeliveryTests.post(client)
            try await daemon.daemon.delivery.deliverDue()
            let dead = try await client.call(DeliveryList.self, .init(state: "dead"))
            #expect(dead.deliveries.count == 1)
            healthy.withLock { $0 = true }
            let retried = try await client.call(DeliveryRetry.self, .init(ids: dead.deliveries.map(\.id)))
            #expect(retried.requeued == 1)
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            let sent = try await client.call(DeliveryList.self, .init(state: "sent"))
            #expect(sent.deliveries.map(\.id) == dead.deliveries.map(\.id))
            #expect(receiver.requests.count == 2)
            // Nothing left to retry.
            #expect(try await client.call(DeliveryRetry.self, .init()).requeued == 0)
        }
    }

    @Test func resendingMailsOnlyThoseWhoHaveNotRead() async throws {
        let server = try SMTPReceiver()
        defer { server.stop() }
        // The test runs the rounds (the daemon's own worker is off), at 10:00, outside quiet hours.
        try await ScopedAccessTests.seeded(clock: TestClock()) { daemon, admin in
            _ = try await admin.call(
                MemberEdit.self,
                .init(member: womanID, fields: MemberFields(email: "zhang@example.cn"))
            )
            _ = try await admin.call(
                MemberEdit.self,
                .init(member: manID, fields: MemberFields(email: "li@example.cn"))
            )
            _ = try await admin.call(
                ChannelAdd.self,
                ChannelFields(org: "A", kind: "smtp", url: server.url, sender: "partyd@example.cn")
            )
            let notice = try await admin.call(
                NoticePost.self,
                NoticeFields(org: "A", subtree: true, kind: "通知公告", title: "请阅读", body: "正文")
            )
            try await daemon.daemon.delivery.deliverDue()
            #expect(server.mails.count == 2)
            _ = try await PrincipalClient(daemon, unixUser: "memb").call(MeRead.self, .init(notice: notice.id))
            let resent = try await admin.call(NoticeResend.self, .init(notice: notice.id))
            #expect(resent.messages == 1)
            try await daemon.daemon.delivery.deliverDue()
            #expect(server.mails.count == 3)
            #expect(server.mails.last?.recipients == ["li@example.cn"])
            await ScopedAccessTests.expectConcealed("notice.resend") {
                _ = try await PrincipalClient(daemon, unixUser: "secb").call(
                    NoticeResend.self,
                    .init(notice: notice.id)
                )
            }
        }
    }
}

/// Quiet hours hold all but urgent notices until the window ends, as the organization (or one above) sets them.
@Suite("Quiet hours in delivery")
struct QuietHoursDeliveryTests {
    @Test func nightHoldsNormalNoticesUntilMorningAndLetsUrgentOnesThrough() async throws {
        let receiver = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { receiver.stop() }
        // 2026-11-23 23:00 in Shanghai: inside the standard 22:00–08:00 window.
        let clock = TestClock(start: Date(timeIntervalSince1970: 1_795_446_000))
        try await DeliveryTests.withDaemon(clock: clock) { daemon, client in
            _ = try await client.call(
                ChannelAdd.self,
                ChannelFields(org: "B1", kind: "webhook", url: receiver.url, secret: DeliveryTests.secret)
            )
            let view = try await client.call(OrgQuietHours.self, .init(code: "B1"))
            #expect(view.window == "22:00–08:00" && view.setBy == nil)
            _ = try await DeliveryTests.post(client)
            _ = try await client.call(
                NoticePost.self,
                NoticeFields(org: "A", subtree: true, kind: "通知公告", title: "紧急", body: "立即", priority: "紧急")
            )
            try await daemon.daemon.delivery.deliverDue()
            #expect(receiver.requests.map(\.text).filter { $0.contains("紧急") }.count == 1)
            #expect(receiver.requests.count == 1)
            let held = try await client.call(DeliveryList.self, .init(state: "pending"))
            #expect(held.deliveries.first?.nextAttemptAt == "2026-11-24T08:00:00.000+0800")
            #expect(held.deliveries.first?.attempts == 0)
            clock.advance(by: 9 * 3600)
            try await daemon.daemon.delivery.deliverDue()
            #expect(receiver.requests.count == 2)
        }
    }

    @Test func settingsAreInheritedDownTheTreeAndScoped() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let set = try await admin.call(OrgSetQuietHours.self, .init(code: "B", from: "21:30", to: "07:00"))
            #expect(set.window == "21:30–07:00" && set.setBy == "B")
            let inherited = try await admin.call(OrgQuietHours.self, .init(code: "B1"))
            #expect(inherited.window == "21:30–07:00" && inherited.setBy == "B")
            let off = try await admin.call(OrgSetQuietHours.self, .init(code: "B1", off: true))
            #expect(off.window == nil && off.setBy == "B1")
            let reset = try await admin.call(OrgSetQuietHours.self, .init(code: "B1"))
            #expect(reset.window == "21:30–07:00" && reset.setBy == "B")
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_time") {
                _ = try await admin.call(OrgSetQuietHours.self, .init(code: "B", from: "25:00", to: "07:00"))
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_quiet_hours") {
                _ = try await admin.call(OrgSetQuietHours.self, .init(code: "B", from: "21:00"))
            }
            await ScopedAccessTests.expectConcealed("org.setQuietHours") {
                _ = try await PrincipalClient(daemon, unixUser: "secb").call(
                    OrgSetQuietHours.self,
                    .init(code: "C", off: true)
                )
            }
        }
    }
}
