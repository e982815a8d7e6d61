import ArgumentParser
import Wire

/// `partyadmin org`: the tree of Party organizations. Creation and the queries are here, edits of an
/// organization's own fields in `Org+Edit.swift`, changes to the tree (move, merge, revoke, delete) and history in
/// `Org+Structure.swift`, the 采集表 CSV import and export in `Org+CSV.swift`.
struct OrgCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "党组织管理：新建、查看、组织树、修改、更名、转移、合并、撤销、历史与采集表导入导出。",
        subcommands: [
            Add.self, Show.self, Tree.self, Edit.self, Rename.self, SetKind.self, Move.self, Merge.self,
            Revoke.self, Revoked.self, Delete.self, History.self, Import.self, Export.self, QuietHours.self,
        ]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// The English alias of each kind, shown beside the Chinese name in help and errors and offered by shell
    /// completion. partyd accepts a few more spellings (`OrgKind.aliases`); these are the ones it teaches.
    static let kindAliases: [OrgKind: String] = [
        .committee: "committee", .generalBranch: "general-branch", .branch: "branch", .jointBranch: "joint-branch",
        .group: "group", .leadingGroup: "leading-group", .workingCommittee: "working-committee",
    ]

    /// The kinds with their aliases, in partyd's order (the order of its own messages about kinds): the one
    /// list that `--kind`'s help, completion and error show.
    static let kinds = Choices(OrgKind.allCases.map { (name: $0.rawValue, alias: kindAliases[$0] ?? $0.rawValue) })

    /// Help for `--kind`: every kind with its alias, one pair never broken across lines.
    static let kindHelp = kinds.help("组织类别，写中文名或英文别名", valueName: "kind")

    /// Accepts a kind as partyd would (its name, an alias, any case) and returns it as typed, to be sent as is;
    /// refuses anything else as a usage error that lists the kinds.
    static func kind(_ text: String) throws -> String {
        guard OrgKind.parse(text) != nil else { throw kinds.refusal }
        return text
    }

    /// An organization as a key/value record: fields, status, then the counts of its subtree.
    static func record(_ org: OrgDetail) -> Record {
        var record = Record()
        record.add("代码", org.code)
        record.add("名称", org.name)
        record.add("类别", org.kind.rawValue)
        record.add("上级", org.parentCode)
        record.add("状态", Format.status(org.status))
        record.addIfPresent("撤销日期", org.revokedOn?.description)
        record.addIfPresent("撤销原因", org.revokedReason)
        record.add("成立日期", Format.orNone(org.founded))
        record.add("单位名称", org.unitName)
        record.add("单位类别", org.unitCategory)
        record.add("联系方式", org.contact)
        record.add("层级", "第 \(org.depth + 1) 级")
        record.add("下级组织", "\(org.childCount) 个")
        // Counts cover organizations in being; a revoked one's own would read “0 个”, which says nothing.
        record.add(
            "组织总数",
            org.status == .revoked ? "不计（本组织已撤销）" : "\(org.subtreeOrgCount) 个（含本组织及全部下级）"
        )
        record.add("党员", "\(org.memberCount) 名（直属）/ \(org.subtreeMemberCount) 名（含下级）")
        return record
    }

    /// A confirmation line followed by the organization's record: what every changing command prints.
    static func changed(_ headline: String, _ org: OrgDetail) -> String {
        headline + "\n" + record(org).render()
    }
}

extension OrgCommand {
    /// `org add`: creates an organization.
    struct Add: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "新建党组织。",
            discussion: """
                日期格式 YYYY-MM-DD；类别与上下级关系由 partyd 校验。
                示例：partyadmin org add --code 0101 --name 第一党支部 --kind branch --parent 01
                """
        )

        /// `--code`.
        @Option(help: ArgumentHelp("组织代码（唯一）", valueName: "code"))
        var code: String

        /// `--name`.
        @Option(help: ArgumentHelp("组织名称", valueName: "name"))
        var name: String

        /// `--kind`.
        @Option(help: OrgCommand.kindHelp, completion: OrgCommand.kinds.completion, transform: OrgCommand.kind)
        var kind: String

        /// `--parent`.
        @Option(help: ArgumentHelp("上级组织代码（省略则为顶级组织）", valueName: "code"))
        var parent: String?

        /// `--founded`.
        @Option(help: ArgumentHelp("成立日期", valueName: "date"))
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

        /// Calls `org.add`.
        func run() async throws {
            let params = OrgAdd.Params(
                code: code,
                name: name,
                kind: kind,
                parent: parent,
                founded: founded,
                unitName: unitName,
                unitCategory: unitCategory,
                contact: contact
            )
            try await Console.call(OrgAdd.self, params, global) { org in
                OrgCommand.changed("已新建党组织 \(org.code) \(org.name)。", org)
            }
        }
    }

    /// `org show`: one organization.
    struct Show: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "查看党组织详情（含下级组织数与党员数）。")

        /// The organization's code.
        @Argument(help: ArgumentHelp("组织代码", valueName: "code"))
        var code: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `org.show`.
        func run() async throws {
            try await Console.call(OrgShow.self, OrgCodeParams(code: code), global) { org in
                OrgCommand.record(org).render()
            }
        }
    }

    /// `org tree`: the organizations under a root, indented by level.
    struct Tree: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "显示组织树（组织数与党员数均含全部下级）。",
            discussion: "省略 --root 时，系统管理员看到全部顶级组织，其他账户看到自己的管理范围。"
        )

        /// `--root`.
        @Option(help: ArgumentHelp("从该组织开始", valueName: "code"))
        var root: String?

        /// `--depth`.
        @Option(parsing: .unconditional, help: ArgumentHelp("向下显示的层数（0 只显示根组织；默认全部）", valueName: "n"))
        var depth: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Refuses a negative depth.
        func validate() throws {
            if let depth, depth < 0 {
                throw ValidationError("--depth 不能为负数")
            }
        }

        /// Calls `org.tree`.
        func run() async throws {
            try await Console.call(OrgTree.self, OrgTree.Params(root: root, depth: depth), global) { result in
                var table = Table(.text("名称"), .text("代码"), .text("类别"), .number("组织数"), .number("党员数"))
                for node in result.nodes {
                    // Plain spaces, not box-drawing characters: those are ambiguous-width and misalign in
                    // terminals set up for Chinese.
                    let indent = String(repeating: "  ", count: max(0, node.level))
                    table.append(
                        indent + node.name,
                        node.code,
                        node.kind.rawValue,
                        String(node.orgCount),
                        String(node.memberCount)
                    )
                }
                return table.render(orIfEmpty: "没有党组织。可用 partyadmin org add 新建。")
            }
        }
    }
}
