import ArgumentParser
import Wire

extension OrgCommand {
    /// `org move`: 整建制转移 of a subtree under another parent.
    struct Move: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "整建制转移：将党组织连同全部下级组织与党员移到新的上级组织之下。",
            discussion: "示例：partyadmin org move 0101 --to 02"
        )

        /// The organization's code.
        @Argument(help: ArgumentHelp("要转移的组织代码", valueName: "code"))
        var code: String

        /// `--to`.
        @Option(help: ArgumentHelp("新上级组织代码", valueName: "code"))
        var to: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `org.move`.
        func run() async throws {
            try await Console.call(OrgMove.self, OrgMove.Params(code: code, to: to), global) { org in
                OrgCommand.changed("已将 \(org.code) \(org.name) 转移到 \(org.parentCode ?? to) 之下。", org)
            }
        }
    }

    /// `org merge`: moves children and members into another organization and revokes this one.
    struct Merge: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "合并党组织：下级组织与党员并入目标组织，原组织撤销。",
            discussion: "示例：partyadmin org merge 0102 --into 0101 --date 2024-07-01"
        )

        /// The code of the organization that disappears.
        @Argument(help: ArgumentHelp("被合并（将撤销）的组织代码", valueName: "code"))
        var code: String

        /// `--into`.
        @Option(help: ArgumentHelp("并入的目标组织代码", valueName: "code"))
        var into: String

        /// `--date`.
        @Option(help: ArgumentHelp("合并日期（YYYY-MM-DD，默认今天）", valueName: "date"))
        var date: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `org.merge`; the result is the receiving organization.
        func run() async throws {
            let params = OrgMerge.Params(code: code, into: into, date: date)
            try await Console.call(OrgMerge.self, params, global) { org in
                OrgCommand.changed("已将 \(code) 并入 \(org.code) \(org.name)，\(code) 已撤销。", org)
            }
        }
    }

    /// `org revoke`: 撤销 of an empty organization.
    struct Revoke: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "撤销党组织（须已无党员、无下级组织）。",
            discussion: "示例：partyadmin org revoke 0103 --date 2024-07-01 --reason 单位撤并"
        )

        /// The organization's code.
        @Argument(help: ArgumentHelp("组织代码", valueName: "code"))
        var code: String

        /// `--date`.
        @Option(help: ArgumentHelp("撤销日期（YYYY-MM-DD）", valueName: "date"))
        var date: String

        /// `--reason`.
        @Option(help: ArgumentHelp("撤销原因", valueName: "text"))
        var reason: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `org.revoke`.
        func run() async throws {
            let params = OrgRevoke.Params(code: code, date: date, reason: reason)
            try await Console.call(OrgRevoke.self, params, global) { org in
                OrgCommand.changed("已撤销党组织 \(org.code) \(org.name)。", org)
            }
        }
    }

    /// `org revoked`: the revoked organizations.
    struct Revoked: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "已撤销党组织列表。")

        /// `--root`.
        @Option(help: ArgumentHelp("只看该组织之下（默认为当前账户的管理范围）", valueName: "code"))
        var root: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `org.revoked`.
        func run() async throws {
            try await Console.call(OrgRevokedList.self, OrgRevokedList.Params(root: root), global) { result in
                var table = Table(
                    .text("代码"),
                    .text("名称"),
                    .text("类别"),
                    .text("上级"),
                    .text("撤销日期"),
                    .text("撤销原因")
                )
                for org in result.organizations {
                    table.append(
                        org.code,
                        org.name,
                        org.kind.rawValue,
                        Format.orNone(org.parentCode),
                        Format.orNone(org.revokedOn),
                        Format.orNone(org.revokedReason)
                    )
                }
                return table.render(orIfEmpty: "没有已撤销的党组织。")
            }
        }
    }

    /// `org delete`: removes an organization with no children and no member records.
    struct Delete: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "删除党组织（须无党员记录、无下级组织；通常用于删除误建的组织，正常停用请用 org revoke）。"
        )

        /// The organization's code.
        @Argument(help: ArgumentHelp("组织代码", valueName: "code"))
        var code: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `org.delete`.
        func run() async throws {
            try await Console.call(OrgDelete.self, OrgCodeParams(code: code), global) { _ in
                "已删除党组织 \(code)。"
            }
        }
    }

    /// `org history`: every change to an organization, oldest first.
    struct History: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "党组织变更历史（最早的在前）。")

        /// The organization's code.
        @Argument(help: ArgumentHelp("组织代码", valueName: "code"))
        var code: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `org.history`.
        func run() async throws {
            try await Console.call(OrgHistory.self, OrgCodeParams(code: code), global) { result in
                var table = Table(.text("时间"), .text("操作人"), .text("操作"), .text("摘要"))
                for entry in result.entries {
                    table.append(Format.timestamp(entry.at), entry.actor, Format.action(entry.action), entry.summary)
                }
                return table.render(orIfEmpty: "\(code) 没有变更记录。")
            }
        }
    }
}
