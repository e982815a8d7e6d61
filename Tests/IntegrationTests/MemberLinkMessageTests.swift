import Domain
import Foundation
import Notice
import PartyTesting
import Server
import Testing
import Wire

/// The personal links messages carry when the pages are served at a public base: each member's own in their
/// e-mail, and a small group's in its robot message.
@Suite("Personal links in messages")
struct MemberLinkMessageTests {
    @Test func eachMailCarriesItsMembersLinkWhichOpensTheirPage() async throws {
        let server = try SMTPReceiver()
        defer { server.stop() }
        try await MemberPageTests.seeded { daemon, admin, port in
            _ = try await admin.call(
                MemberEdit.self,
                .init(member: womanID, fields: MemberFields(email: "zhang@example.cn"))
            )
            _ = try await admin.call(
                ChannelAdd.self,
                ChannelFields(org: "A", kind: "smtp", url: server.url, sender: "partyd@example.cn")
            )
            let notice = try await MemberPageTests.post(admin, ack: true)
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            let mail = try #require(server.mails.first)
            let body = try Self.bodyText(of: mail)
            #expect(body.contains("您的个人链接"))
            let url = try #require(
                body.components(separatedBy: .newlines).first { $0.hasPrefix(MemberPageTests.base + "/m/") }
            )
            let page = try await HTTPFetch.get(String(url.dropFirst(MemberPageTests.base.count)), port: port)
            #expect(page.status == 200 && page.text.contains("张秀英"))
            #expect(try await MemberPageTests.receipts(admin, notice.id).read == 0)
        }
    }

    @Test func aSmallGroupsRobotMessageListsItsMembersLinks() async throws {
        let receiver = try HTTPReceiver { _ in .status(200, body: "{\"errcode\":0,\"errmsg\":\"ok\"}") }
        defer { receiver.stop() }
        try await MemberPageTests.seeded { daemon, admin, _ in
            _ = try await admin.call(ChannelAdd.self, ChannelFields(org: "B1", kind: "wecom", url: receiver.url))
            _ = try await MemberPageTests.post(admin, ack: false)
            #expect(try await daemon.daemon.delivery.deliverDue() == 1)
            let text = try #require(receiver.requests.first).text
            #expect(text.contains("[张秀英](\(MemberPageTests.base)/m/"))
            #expect(!text.contains("李建国"), "only the group's own members")
        }
    }

    /// The text of a partyd mail: its single Base64 body part, decoded.
    static func bodyText(of mail: SMTPReceiver.Mail) throws -> String {
        let raw = String(decoding: mail.data, as: UTF8.self)
        let encoded = try #require(raw.components(separatedBy: "\r\n\r\n").dropFirst().first)
        let data = try #require(Data(base64Encoded: encoded.replacingOccurrences(of: "\r\n", with: "")))
        return String(decoding: data, as: UTF8.self)
    }
}
