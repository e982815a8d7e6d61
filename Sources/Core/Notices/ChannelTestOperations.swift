import Domain
import Foundation
import Store

/// Trying a channel before relying on it: one message sent at once, outside the outbox, with its outcome
/// shown to the caller and kept in the audit.
extension PartyCore {
    /// `channel.test`: sends a test message through channel `id` by `send` (the delivery module's sender, which
    /// the core does not know) and returns what came of it. A mail server needs the address `to` write to. The
    /// channel is read in one transaction and the outcome audited in another: the message goes out between them,
    /// never inside a transaction.
    package func testChannel(
        _ id: Int64,
        to address: String?,
        by principal: Principal,
        send: @Sendable (OrgChannel, ChannelTestMessage) async -> (delivered: Bool, detail: String)
    ) async throws -> ChannelTestResult {
        let zone = timeZone
        let (channel, org, message) = try await read(
            .channelTest,
            by: principal,
            targets: [.channel(id: id, field: "channel")]
        ) {
            op in
            guard let channel = try op.tx.channel(id: id), channel.active else {
                throw Authorization.concealed(.channel(id: id, field: "channel"))
            }
            let org = try Self.organization(channel.orgID, in: op.tx)
            let recipient = try address?.nonBlank.map { text throws(DomainError) -> String in
                try MemberRules.validateEmail(text, field: "to")
                return text.trimmedWhitespace
            }
            if channel.kind == .smtp, recipient == nil {
                throw DomainError.invalid("to", "测试邮件服务器须给出收件地址（--to）", reason: "missing_recipient")
            }
            let message = ChannelTestMessage(
                title: "partyd 渠道测试",
                body:
                    "这是\(org.name)的渠道“\(channel.name)”发出的测试消息（\(LocalTime.text(op.time.instant, in: zone))）。收到即表示渠道配置正确，无需回复。",
                recipient: recipient
            )
            return (channel, org, message)
        }
        let outcome = await send(channel, message)
        let result = ChannelTestResult(
            channel: Self.view(channel, org: org),
            delivered: outcome.delivered,
            detail: outcome.detail
        )
        return try await write(.channelTest, by: principal, targets: [.channel(id: id, field: "channel")]) { op in
            Change(
                result,
                audit: op.audit(
                    target: "渠道 \(id)",
                    orgID: org.id,
                    summary: "测试渠道“\(channel.name)”"
                        + (message.recipient.map { "（收件人 \($0)）" } ?? "")
                        + (outcome.delivered ? "：已送达" : "：未送达，\(outcome.detail)")
                )
            )
        }
    }
}
