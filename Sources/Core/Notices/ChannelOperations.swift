import Domain
import Foundation
import Store

/// An organization's channels (chat robots, webhooks) and the outbox rows that go through them.
extension PartyCore {
    /// `channel.add`: adds a channel to an organization. Its secret and URL are kept, never shown again.
    package func addChannel(_ fields: ChannelFields, by principal: Principal) async throws -> ChannelView {
        try await write(.channelAdd, by: principal, targets: [.organization(code: fields.org, field: "org")]) { op in
            let kind = try ChannelRules.parseKind(fields.kind)
            let audience = try fields.audience?.nonBlank.map { text throws(DomainError) in
                try ChannelRules.parseAudience(text)
            }
            let name = fields.name?.nonBlank ?? kind.label
            let url = fields.url.trimmedWhitespace
            let secret = fields.secret?.nonBlank
            let keyword = fields.keyword?.nonBlank
            let sender = fields.sender?.nonBlank
            try ChannelRules.validate(
                kind: kind,
                name: name,
                url: url,
                secret: secret,
                keyword: keyword,
                sender: sender
            )
            let org = try OrgLookup.require(fields.org, field: "org", in: op.tx)
            try OrgRules.requireActive(org, field: "org")
            let channel = try op.tx.insertChannel(
                OrgChannel(
                    id: 0,
                    orgID: org.id,
                    kind: kind,
                    name: name,
                    url: url,
                    secret: secret,
                    keyword: keyword,
                    audience: audience ?? .members,
                    sender: sender,
                    login: fields.login?.nonBlank
                )
            )
            return Change(
                Self.view(channel, org: org),
                audit: op.audit(
                    target: "渠道 \(channel.id)",
                    orgID: org.id,
                    summary: "新建\(kind.label)“\(name)”（\(Self.host(of: url))）"
                )
            )
        }
    }

    /// `channel.list`: active channels in the subtree of `org` (default: the caller's scope).
    package func channels(org: String?, by principal: Principal) async throws -> [ChannelView] {
        try await read(.channelList, by: principal, targets: Self.optionalOrg(org, field: "org")) { op in
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            return try op.tx.channels(under: root).map {
                Self.view($0, org: try Self.organization($0.orgID, in: op.tx))
            }
        }
    }

    /// `channel.remove`: removes a channel; its pending deliveries are given up.
    package func removeChannel(_ id: Int64, by principal: Principal) async throws {
        try await write(.channelRemove, by: principal, targets: [.channel(id: id, field: "channel")]) { op in
            guard let channel = try op.tx.channel(id: id), channel.active else {
                throw DomainError.notFound("channel", "渠道 \(id) 不存在", reason: "channel.not_found")
            }
            let abandoned = try op.tx.deactivateChannel(id: id)
            return Change(
                (),
                audit: op.audit(
                    target: "渠道 \(id)",
                    orgID: channel.orgID,
                    summary: "删除\(channel.kind.label)“\(channel.name)”，放弃待投递 \(abandoned) 条"
                )
            )
        }
    }

    /// `delivery.list`: outbox rows of the channels in the subtree of `org` (default: the caller's scope).
    package func deliveries(
        org: String?,
        state: String?,
        limit: Int?,
        by principal: Principal
    ) async throws -> [DeliveryView] {
        let zone = timeZone
        return try await read(.deliveryList, by: principal, targets: Self.optionalOrg(org, field: "org")) { op in
            let state = try state?.nonBlank.map { text throws(DomainError) -> DeliveryState in
                guard let state = DeliveryState(rawValue: text.lowercased()) else {
                    throw DomainError.invalid(
                        "state",
                        "状态“\(text)”无效，应为：pending、sent、dead、cancelled",
                        reason: "invalid_state"
                    )
                }
                return state
            }
            let limit = try Self.pageSize(limit, default: 100, in: 1...Self.maximumNoticePage)
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            return try op.tx.deliveries(under: root, state: state, limit: limit).map { Self.view($0, zone: zone) }
        }
    }

    /// `delivery.show`: one outbox row with every attempt made to deliver it.
    package func delivery(_ id: Int64, by principal: Principal) async throws -> DeliveryView {
        let zone = timeZone
        return try await read(.deliveryShow, by: principal, targets: [.delivery(id: id, field: "id")]) { op in
            guard let delivery = try op.tx.delivery(id: id) else {
                throw DomainError.notFound("id", "投递 \(id) 不存在", reason: "delivery.not_found")
            }
            var view = Self.view(delivery, zone: zone)
            view.history = try op.tx.deliveryAttempts(of: id).map {
                DeliveryAttemptView(
                    attempt: $0.attempt,
                    at: LocalTime.text($0.at, in: zone),
                    outcome: $0.outcome,
                    error: $0.error
                )
            }
            return view
        }
    }

    /// The host of `url`: all of a channel's address that may be shown.
    static func host(of url: String) -> String { URLComponents(string: url)?.host ?? "?" }

    static func view(_ channel: OrgChannel, org: Organization) -> ChannelView {
        ChannelView(
            id: channel.id,
            orgCode: org.code,
            orgName: org.name,
            kind: channel.kind,
            name: channel.name,
            host: host(of: channel.url),
            signed: channel.secret != nil,
            keyword: channel.keyword,
            audience: channel.audience
        )
    }

    static func view(_ delivery: DueDelivery, zone: TimeZone) -> DeliveryView {
        let entry = delivery.entry
        return DeliveryView(
            id: entry.id,
            noticeID: entry.noticeID,
            noticeTitle: delivery.notice.title,
            channelID: entry.channelID,
            channelName: delivery.channel.name,
            state: entry.state,
            attempts: entry.attempts,
            nextAttemptAt: entry.state == .pending ? LocalTime.text(entry.nextAttemptAt, in: zone) : nil,
            lastError: entry.lastError,
            sentAt: entry.sentAt.map { LocalTime.text($0, in: zone) },
            purpose: entry.purpose,
            memberName: delivery.recipient?.name
        )
    }
}
