import Foundation
import Notice
import PartyTesting
import Testing

@Suite("E-mail channel over SMTP")
struct EmailChannelTests {
    let body = "同志们好:\n\n支部会议定于11月25日 14:30 召开。\n.这一行以点开头\n行尾有空格 \nend"

    func message(recipients: [String] = ["zhang@example.org", "li@example.org"]) -> OutgoingMessage {
        OutgoingMessage(
            outboxID: 4242,
            title: "关于召开第三季度支部党员大会的通知(请各位同志准时参加,不得缺席)",
            body: body,
            format: .plainText,
            priority: .high,
            recipients: recipients
        )
    }

    func channel(
        _ url: String,
        encoding: MIMEEncoding.BodyEncoding = .base64,
        security: MailSecurity = .none,
        username: String? = nil
    ) -> EmailChannel {
        EmailChannel(
            settings: .init(
                url: url,
                security: security,
                username: username,
                password: username == nil ? nil : "smtp-pass-77",
                senderAddress: "partyd@example.org",
                senderName: "党支部通知",
                bodyEncoding: encoding
            ),
            client: CurlClient(limits: .init(totalTimeout: .seconds(5)))
        )
    }

    @Test(
        "the received message parses back to the notice",
        arguments: [MIMEEncoding.BodyEncoding.base64, .quotedPrintable]
    )
    func roundTrip(encoding: MIMEEncoding.BodyEncoding) async throws {
        let receiver = try SMTPReceiver()
        defer { receiver.stop() }
        let channel = channel(receiver.url, encoding: encoding, security: .startTLSIfOffered)
        let outcome = await channel.deliver(message(), at: sendInstant)
        #expect(outcome == .delivered)
        let mail = try #require(receiver.mails.first)
        #expect(mail.sender == "partyd@example.org")
        #expect(mail.recipients == ["zhang@example.org", "li@example.org"])
        // Byte for byte what the channel rendered, after the SMTP dot-stuffing round trip.
        let rendered = try channel.envelope(for: message(), at: sendInstant).message
        #expect(mail.data == [UInt8](rendered))
        #expect(mail.data.allSatisfy { $0 < 128 })
        #expect(!String(decoding: mail.data, as: UTF8.self).split(separator: "\r\n").contains { $0.utf8.count > 78 })

        let parsed = try #require(ParsedMail(mail.data))
        #expect(parsed.header("Date") == "Mon, 23 Nov 2026 10:00:00 +0800")
        #expect(parsed.header("Message-ID") == "<4242@partyd>")
        #expect(parsed.header("MIME-Version") == "1.0")
        #expect(parsed.header("Content-Type") == "text/plain; charset=UTF-8")
        #expect(parsed.header("Content-Transfer-Encoding") == encoding.rawValue)
        #expect(parsed.header("X-Priority") == "1")
        #expect(parsed.header("To") == "zhang@example.org, li@example.org")
        let from = try #require(parsed.header("From"))
        #expect(ParsedMail.decodeWords(from) == "党支部通知 <partyd@example.org>")
        let subject = try #require(parsed.header("Subject"))
        #expect(subject.hasPrefix("=?UTF-8?B?"))
        #expect(ParsedMail.decodeWords(subject) == message().title)
        let expectedBody = body.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(parsed.decodedBody == (encoding == .base64 ? expectedBody : expectedBody + "\r\n"))
    }

    @Test(
        "SMTP refusals: 4xx retryable, 5xx permanent",
        arguments: [
            (SMTPReceiver.Stage.greeting, "421 4.3.2 服务暂不可用", "retryable"),
            (.mail, "451 4.7.1 Greylisted", "retryable"),
            (.recipient, "550 5.1.1 No such user", "permanent"),
            (.recipient, "452 4.2.2 Mailbox full", "retryable"),
            (.data, "554 5.7.1 Rejected", "permanent"),
            (.endOfData, "552 5.3.4 Message too big", "permanent"),
            (.endOfData, "451 4.3.0 Try later", "retryable"),
        ]
    )
    func refusals(stage: SMTPReceiver.Stage, reply: String, expected: String) async throws {
        let receiver = try SMTPReceiver(refusal: (stage, reply))
        defer { receiver.stop() }
        let outcome = await channel(receiver.url).deliver(message(), at: sendInstant)
        #expect(outcome.kind == expected)
        #expect(outcome.description.contains("应答 \(reply.prefix(3))"))
        #expect(receiver.mails.isEmpty)
    }

    @Test("a login goes out with AUTH PLAIN and the password never shows")
    func login() async throws {
        let receiver = try SMTPReceiver(authentication: true)
        defer { receiver.stop() }
        let channel = channel(receiver.url, username: "notice")
        #expect(await channel.deliver(message(), at: sendInstant) == .delivered)
        #expect(receiver.mails.first?.login == ["notice", "smtp-pass-77"])
        var dumped = ""
        dump(channel, to: &dumped)
        #expect(!dumped.contains("smtp-pass-77"))
        #expect(!String(describing: channel.settings).contains("smtp-pass-77"))
    }

    @Test("required STARTTLS against a server without it is permanent")
    func startTLSRequired() async throws {
        let receiver = try SMTPReceiver()
        defer { receiver.stop() }
        let outcome = await channel(receiver.url, security: .startTLSRequired).deliver(message(), at: sendInstant)
        #expect(outcome.kind == "permanent")
        #expect(outcome.description.contains("TLS"))
        #expect(receiver.mails.isEmpty)
    }

    @Test("bad addresses and no recipients never reach the server")
    func addresses() async throws {
        let channel = channel("smtp://127.0.0.1:1")
        for recipients in [[], ["no-at-sign"], ["a@b.org\r\nBcc: x@y.org"], ["<a@b.org>"]] {
            let outcome = await channel.deliver(message(recipients: recipients), at: sendInstant)
            #expect(outcome.kind == "permanent")
        }
    }

    @Test("an unreachable server is retryable")
    func unreachable() async throws {
        let receiver = try SMTPReceiver()
        let url = receiver.url
        receiver.stop()
        var outcome = DeliveryOutcome.delivered
        for _ in 0..<20 {
            outcome = await channel(url).deliver(message(), at: sendInstant)
            if outcome != .delivered { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(outcome.kind == "retryable")
    }
}
