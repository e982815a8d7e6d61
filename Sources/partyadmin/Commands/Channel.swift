import ArgumentParser
import Foundation
import Wire

/// `partyadmin channel`: where an organization's notices go besides members' inboxes.
struct ChannelCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "channel",
        abstract: "投递渠道：为党组织添加、查看、删除企业微信、钉钉、飞书群机器人或 Webhook。",
        subcommands: [Add.self, List.self, Test.self, Remove.self]
    )

    /// Creates the group; running it alone prints its help.
    init() {}
}

extension ChannelCommand {
    /// `channel add`.
    struct Add: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "添加投递渠道。该组织（及其上级以 --subtree 发布时）的通知经此渠道送到群里。",
            discussion: """
                密钥只保存在 partyd 中，不会再显示；地址也只显示主机名（机器人地址含访问密钥）。
                示例：partyadmin channel add --org 330200001 --kind dingtalk --url https://oapi.dingtalk.com/robot/send?access_token=… \\
                  --secret-file 钉钉密钥.txt --keyword 通知
                """
        )

        /// `--org`.
        @Option(help: ArgumentHelp("组织代码", valueName: "code"))
        var org: String

        /// `--kind`.
        @Option(help: ArgumentHelp("类别：webhook、wecom、dingtalk、feishu、smtp（邮件服务器）", valueName: "kind"))
        var kind: String

        /// `--url`.
        @Option(help: ArgumentHelp("机器人或 Webhook 地址；邮件服务器为 smtp://主机:端口 或 smtps://主机:端口", valueName: "url"))
        var url: String

        /// `--secret`.
        @Option(help: ArgumentHelp("签名密钥（Webhook 必填；钉钉、飞书加签时填）", valueName: "secret"))
        var secret: String?

        /// `--secret-file`.
        @Option(help: ArgumentHelp("从文件读取签名密钥（不在命令行中出现）", valueName: "file"))
        var secretFile: String?

        /// `--keyword`.
        @Option(help: ArgumentHelp("钉钉自定义关键词，加入每条消息", valueName: "text"))
        var keyword: String?

        /// `--audience`.
        @Option(help: ArgumentHelp("群的对象：members（党员群，默认）或 admins（支委群）", valueName: "audience"))
        var audience: String?

        /// `--name`.
        @Option(help: ArgumentHelp("渠道名称", valueName: "text"))
        var name: String?

        /// `--sender`.
        @Option(help: ArgumentHelp("邮件服务器（smtp）的发件地址", valueName: "address"))
        var sender: String?

        /// `--login`.
        @Option(help: ArgumentHelp("邮件服务器的登录名（密码用 --secret-file）", valueName: "user"))
        var login: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// At most one of `--secret` and `--secret-file`.
        func validate() throws {
            if secret != nil && secretFile != nil { throw ValidationError("--secret 与 --secret-file 只能给出一个") }
        }

        /// Reads the secret file locally and calls `channel.add`.
        func run() async throws {
            var key = secret
            if let secretFile {
                guard let data = FileManager.default.contents(atPath: secretFile),
                    let text = String(data: data, encoding: .utf8)
                else {
                    Printer.err("错误：无法读取密钥文件 \(secretFile)")
                    throw ExitStatus.fileError
                }
                key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let fields = ChannelFields(
                org: org,
                kind: kind,
                name: name,
                url: url,
                secret: key,
                keyword: keyword,
                audience: audience,
                sender: sender,
                login: login
            )
            try await Console.call(ChannelAdd.self, fields, global) { channel in
                "已添加渠道 \(channel.id)：\(channel.name)（\(channel.kind.label)，\(channel.host)）"
            }
        }
    }

    /// `channel list`.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "投递渠道列表。")

        /// `--org`.
        @Option(help: ArgumentHelp("只看该组织及其下级组织的渠道", valueName: "code"))
        var org: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `channel.list`.
        func run() async throws {
            try await Console.call(ChannelList.self, .init(org: org), global) { result in
                var table = Table(
                    .number("编号"),
                    .text("组织"),
                    .text("类别"),
                    .text("名称"),
                    .text("主机"),
                    .text("签名"),
                    .text("对象")
                )
                for channel in result.channels {
                    table.append(
                        String(channel.id),
                        "\(channel.orgName)（\(channel.orgCode)）",
                        channel.kind.label,
                        channel.name,
                        channel.host,
                        channel.signed ? "是" : "否",
                        channel.audience == .admins ? "支委群" : "党员群"
                    )
                }
                return table.render(orIfEmpty: "没有投递渠道。")
            }
        }
    }

    /// `channel remove N`.
    struct Remove: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "删除投递渠道（其待投递的消息不再发送）。")

        /// The channel's number.
        @Argument(help: ArgumentHelp("渠道编号", valueName: "channel"))
        var channel: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `channel.remove`.
        func run() async throws {
            try await Console.call(ChannelRemove.self, .init(channel: channel), global) { _ in "已删除渠道 \(channel)" }
        }
    }

    /// `channel test N [--to ADDRESS]`.
    struct Test: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "向渠道发送一条测试消息，检验地址、密钥和关键词是否正确（不经投递队列，立即发送）。"
        )

        /// The channel's number.
        @Argument(help: ArgumentHelp("渠道编号", valueName: "channel"))
        var channel: Int64

        /// `--to`.
        @Option(help: ArgumentHelp("测试邮件服务器时的收件地址", valueName: "address"))
        var to: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `channel.test`; a message that did not arrive exits non-zero.
        func run() async throws {
            let result = try await Console.withClient(global) { client in
                try await client.call(ChannelTest.self, .init(channel: channel, to: to))
            }
            try Console.emit(result, global) { result in
                result.delivered
                    ? "测试消息已送达渠道“\(result.channel.name)”（\(result.channel.host)）。"
                    : "测试消息未送达渠道“\(result.channel.name)”（\(result.channel.host)）：\(result.detail)"
            }
            if !result.delivered { throw ExitStatus.daemonError }
        }
    }
}
