import ArgumentParser
import Wire

extension OrgCommand {
    /// `org edit`: changes descriptive fields; an empty value clears an optional one.
    struct Edit: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "修改党组织信息（只改给出的项；传 \"\" 清空）。",
            discussion: """
                更名请用 org rename，变更类别请用 org set-kind（二者记入历史）。
                示例：partyadmin org edit 0101 --contact 010-12345678 --unit-category ""
                """
        )

        /// The organization's code.
        @Argument(help: ArgumentHelp("组织代码", valueName: "code"))
        var code: String

        /// `--name`.
        @Option(help: ArgumentHelp("组织名称", valueName: "name"))
        var name: String?

        /// `--founded`.
        @Option(help: ArgumentHelp("成立日期（YYYY-MM-DD）", valueName: "date"))
        var founded: String?

        /// `--unit-name`.
        @Option(help: ArgumentHelp("单位名称", valueName: "text"))
        var unitName: String?

        /// `--unit-category`.
        @Option(help: ArgumentHelp("单位类别", valueName: "text"))
        var unitCategory: String?

        /// `--contact`.
        @Option(help: ArgumentHelp("联系方式", valueName: "text"))
        var contact: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Refuses an edit that changes nothing: more likely a forgotten option than a wish.
        func validate() throws {
            if [name, founded, unitName, unitCategory, contact].allSatisfy({ $0 == nil }) {
                throw ValidationError("请至少给出一项要修改的内容：--name、--founded、--unit-name、--unit-category 或 --contact")
            }
        }

        /// Calls `org.edit`.
        func run() async throws {
            let params = OrgEdit.Params(
                code: code,
                name: name,
                founded: founded,
                unitName: unitName,
                unitCategory: unitCategory,
                contact: contact
            )
            try await Console.call(OrgEdit.self, params, global) { org in
                OrgCommand.changed("已修改党组织 \(org.code) 的信息。", org)
            }
        }
    }

    /// `org rename`: changes the name, kept in history.
    struct Rename: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "党组织更名（记入变更历史）。")

        /// The organization's code.
        @Argument(help: ArgumentHelp("组织代码", valueName: "code"))
        var code: String

        /// `--name`.
        @Option(help: ArgumentHelp("新名称", valueName: "name"))
        var name: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `org.rename`.
        func run() async throws {
            try await Console.call(OrgRename.self, OrgRename.Params(code: code, name: name), global) { org in
                OrgCommand.changed("已将 \(org.code) 更名为 \(org.name)。", org)
            }
        }
    }

    /// `org set-kind`: changes the kind.
    struct SetKind: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            commandName: "set-kind",
            abstract: "变更党组织类别（须与上级、下级组织的类别相容）。"
        )

        /// The organization's code.
        @Argument(help: ArgumentHelp("组织代码", valueName: "code"))
        var code: String

        /// `--kind`.
        @Option(help: OrgCommand.kindHelp, completion: OrgCommand.kinds.completion, transform: OrgCommand.kind)
        var kind: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `org.setKind`.
        func run() async throws {
            try await Console.call(OrgSetKind.self, OrgSetKind.Params(code: code, kind: kind), global) { org in
                OrgCommand.changed("已将 \(org.code) 的类别变更为 \(org.kind.rawValue)。", org)
            }
        }
    }
}
