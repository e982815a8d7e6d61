import Domain
import Foundation
import PartyTesting
import Testing
import Wire

/// `channel.test` against real receivers on 127.0.0.1: a message goes out at once, its outcome is shown and
/// audited, and the channel's scope and the caller's role are checked as for any change.
@Suite("Channel test messages")
struct ChannelTestTests {
    @Test func aTestMessageGoesOutAtOnceAndItsOutcomeIsAudited() async throws {
        let working = try HTTPReceiver { _ in .status(200, body: "{}") }
        defer { working.stop() }
        let refusing = try HTTPReceiver { _ in .status(403, body: "forbidden") }
        defer { refusing.stop() }
        let mail = try SMTPReceiver()
        defer { mail.stop() }
        try await ScopedAccessTests.seeded(clock: TestClock()) { daemon, admin in
            let good = try await admin.call(
                ChannelAdd.self,
                ChannelFields(org: "C1", kind: "webhook", name: "机关群", url: working.url, secret: "k")
            )
            let bad = try await admin.call(
                ChannelAdd.self,
                ChannelFields(org: "C1", kind: "webhook", name: "旧地址", url: refusing.url, secret: "k")
            )
            let server = try await admin.call(
                ChannelAdd.self,
                ChannelFields(org: "A", kind: "smtp", url: mail.url, sender: "partyd@example.cn")
            )

            let delivered = try await admin.call(ChannelTest.self, .init(channel: good.id))
            #expect(delivered.delivered && delivered.channel.name == "机关群")
            #expect(working.requests.first?.text.contains("partyd 渠道测试") == true)
            let failed = try await admin.call(ChannelTest.self, .init(channel: bad.id))
            #expect(!failed.delivered && failed.detail.contains("403"))
            let audit = try await admin.call(AuditList.self, .init(limit: 1))
            #expect(audit.entries.first?.summary.contains("测试渠道“旧地址”：未送达") == true)

            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "missing_recipient") {
                _ = try await admin.call(ChannelTest.self, .init(channel: server.id))
            }
            let mailed = try await admin.call(ChannelTest.self, .init(channel: server.id, to: "secretary@example.cn"))
            #expect(mailed.delivered && mail.mails.first?.recipients == ["secretary@example.cn"])
            // Nothing went through the outbox.
            #expect(try await admin.call(DeliveryList.self, .init()).deliveries.isEmpty)

            let secb = PrincipalClient(daemon, unixUser: "secb")
            await ScopedAccessTests.expectConcealed("channel.test") {
                _ = try await secb.call(ChannelTest.self, .init(channel: good.id))
            }
            await ScopedAccessTests.expectForbidden("auditor channel.test") {
                _ = try await PrincipalClient(daemon, unixUser: "audc").call(ChannelTest.self, .init(channel: good.id))
            }
            #expect(working.requests.count == 1)
        }
    }
}
