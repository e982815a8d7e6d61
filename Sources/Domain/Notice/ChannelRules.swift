import Foundation

/// The rules of a channel's configuration.
package enum ChannelRules {
    /// Parses webhook, wecom, dingtalk, feishu, or their Chinese names.
    package static func parseKind(_ text: String) throws(DomainError) -> ChannelKind {
        let key = text.trimmedWhitespace.lowercased()
        let aliases: [String: ChannelKind] = [
            "webhook": .webhook, "wecom": .wecom, "企业微信": .wecom, "企业微信机器人": .wecom, "dingtalk": .dingtalk,
            "钉钉": .dingtalk, "钉钉机器人": .dingtalk, "feishu": .feishu, "lark": .feishu, "飞书": .feishu,
            "飞书机器人": .feishu, "smtp": .smtp, "email": .smtp, "邮件": .smtp,
        ]
        guard let kind = aliases[key] else {
            throw DomainError.invalid(
                "kind",
                "渠道类别“\(text)”无效，应为：webhook、wecom、dingtalk、feishu、smtp",
                reason: "invalid_channel_kind"
            )
        }
        return kind
    }

    /// Parses members or admins.
    package static func parseAudience(_ text: String) throws(DomainError) -> ChannelAudience {
        guard let audience = ChannelAudience(rawValue: text.trimmedWhitespace.lowercased()) else {
            throw DomainError.invalid(
                "audience",
                "渠道对象“\(text)”无效，应为：members（党员群）或 admins（支委群）",
                reason: "invalid_audience"
            )
        }
        return audience
    }

    /// Checks a channel: an http(s) URL with a host (smtp:// or smtps:// and a sender address for a mail server),
    /// a secret where the kind needs one, one-line name and keyword.
    package static func validate(
        kind: ChannelKind,
        name: String,
        url: String,
        secret: String?,
        keyword: String?,
        sender: String? = nil
    ) throws(DomainError) {
        try TextRules.validate(name, field: "name", label: "渠道名称", shape: .name)
        guard !name.isEmpty, name.count <= 50 else {
            throw DomainError.invalid("name", "渠道名称须为 1-50 字", reason: "invalid_name")
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            kind == .smtp ? (scheme == "smtp" || scheme == "smtps") : (scheme == "https" || scheme == "http"),
            components.host?.isEmpty == false, url.utf8.count <= 2048
        else {
            let expected = kind == .smtp ? "smtp://主机:端口 或 smtps://主机:端口" : "http:// 或 https:// 开头的完整网址"
            throw DomainError.invalid("url", "渠道地址须为 \(expected)", reason: "invalid_url")
        }
        if kind == .smtp {
            let parts = (sender ?? "").split(separator: "@")
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), sender?.contains(" ") == false else {
                throw DomainError.invalid(
                    "sender",
                    "邮件服务器须设置发件地址（--sender，如 partyd@example.cn）",
                    reason: "invalid_sender"
                )
            }
        }
        if kind == .webhook, secret?.isEmpty ?? true {
            throw DomainError.invalid("secret", "Webhook 须设置签名密钥（--secret 或 --secret-file）", reason: "missing_secret")
        }
        if let secret { try TextRules.validate(secret, field: "secret", label: "密钥", shape: .name) }
        if let keyword { try TextRules.validate(keyword, field: "keyword", label: "关键词", shape: .line) }
    }
}
