import ArgumentParser
import Wire

/// `partyadmin user`: the accounts that map Unix users to roles.
struct UserCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "账户管理：将 Unix 用户映射到角色（仅系统管理员）。",
        subcommands: [Add.self, List.self, Remove.self, SetEmail.self]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// The role names the daemon accepts, for help and shell completion.
    static let roles = Choices(Role.allCases.map(\.rawValue))

    /// An account as a key/value record.
    static func record(_ account: AccountView) -> Record {
        var record = Record()
        record.add("用户", account.unixUser)
        record.add("角色", account.role.label)
        record.addIfPresent("管理范围", account.orgCode)
        record.addIfPresent("绑定党员", boundMember(account))
        record.addIfPresent("邮箱", account.email)
        record.add("创建时间", Format.timestamp(account.createdAt))
        return record
    }

    /// The member an account is bound to, as `姓名（编号 N）`, or nil.
    static func boundMember(_ account: AccountView) -> String? {
        guard let id = account.memberID else { return nil }
        return account.memberName.map { "\($0)（编号 \(id)）" } ?? "编号 \(id)"
    }
}

extension UserCommand {
    /// `user add`: creates an account.
    struct Add: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "新建账户。",
            discussion: """
                角色：admin（系统管理员）、org-admin（组织管理员，须 --org）、auditor（审计员，须 --org）、\
                member（党员，须 --member）。
                示例：partyadmin user add --unix-user zhang --role org-admin --org 0101
                """
        )

        /// `--unix-user`.
        @Option(help: ArgumentHelp("Unix 用户名", valueName: "user"))
        var unixUser: String

        /// `--role`.
        @Option(
            help: UserCommand.roles.help("角色", valueName: "role"),
            completion: UserCommand.roles.completion
        )
        var role: String

        /// `--org`.
        @Option(help: ArgumentHelp("管理范围：组织代码（org-admin、auditor）", valueName: "code"))
        var org: String?

        /// `--member`.
        @Option(help: ArgumentHelp("绑定的党员：编号或身份证号（member）", valueName: "member"))
        var member: String?

        /// `--email`.
        @Option(help: ArgumentHelp("管理员的邮箱：本组织管理员的每日提醒也发到这里（须配置邮件服务器）", valueName: "address"))
        var email: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `user.add`.
        func run() async throws {
            let params = UserAdd.Params(unixUser: unixUser, role: role, org: org, member: member, email: email)
            try await Console.call(UserAdd.self, params, global) { account in
                "已新建账户 \(account.unixUser)。\n" + UserCommand.record(account).render()
            }
        }
    }

    /// `user list`: the accounts.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "账户列表。")

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `user.list`.
        func run() async throws {
            try await Console.call(UserList.self, global) { result in
                var table = Table(.text("用户"), .text("角色"), .text("管理范围"), .text("绑定党员"), .text("创建时间"))
                for account in result.accounts {
                    table.append(
                        account.unixUser,
                        account.role.label,
                        Format.orNone(account.orgCode),
                        Format.orNone(UserCommand.boundMember(account)),
                        Format.timestamp(account.createdAt)
                    )
                }
                return table.render(orIfEmpty: "尚无账户。root 与运行 partyd 的用户始终是系统管理员。")
            }
        }
    }

    /// `user remove`: deletes an account.
    struct Remove: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "删除账户。")

        /// The account's Unix user name.
        @Argument(help: ArgumentHelp("Unix 用户名", valueName: "user"))
        var unixUser: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `user.remove`.
        func run() async throws {
            try await Console.call(UserRemove.self, UserRemove.Params(unixUser: unixUser), global) { _ in
                "已删除账户 \(unixUser)。"
            }
        }
    }
}

extension UserCommand {
    /// `user set-email`: sets or clears an account's e-mail address.
    struct SetEmail: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            commandName: "set-email",
            abstract: "设置或清除账户的邮箱。",
            discussion: """
                组织管理员的每日提醒除发到管理员群外，也发到本组织各管理员账户的邮箱（须在本组织或上级配置邮件服务器）。
                示例：partyadmin user set-email zhang zhang@example.cn；清除：partyadmin user set-email zhang --clear
                """
        )

        /// The account.
        @Argument(help: ArgumentHelp("Unix 用户名", valueName: "user"))
        var unixUser: String

        /// The address.
        @Argument(help: ArgumentHelp("邮箱地址", valueName: "address"))
        var email: String?

        /// `--clear`.
        @Flag(help: "清除邮箱")
        var clear = false

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Exactly one of an address and `--clear`.
        func validate() throws {
            guard (email == nil) == clear else {
                throw ValidationError("请给出邮箱地址，或用 --clear 清除（二者取其一）")
            }
        }

        /// Calls `user.setEmail`.
        func run() async throws {
            try await Console.call(UserSetEmail.self, .init(unixUser: unixUser, email: email), global) { account in
                (account.email.map { "已将账户 \(account.unixUser) 的邮箱设为 \($0)。" } ?? "已清除账户 \(account.unixUser) 的邮箱。")
                    + "\n" + UserCommand.record(account).render()
            }
        }
    }
}
