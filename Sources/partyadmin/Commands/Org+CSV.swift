import ArgumentParser
import Wire

extension OrgCommand {
    /// `org import`: loads a 党组织采集表 CSV, all rows or none.
    struct Import: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "导入党组织采集表 CSV（全部校验通过才写入，否则一行也不写入）。",
            discussion: """
                文件须为 UTF-8 编码（可带 BOM）；格式见 docs/roster-csv.md。上级组织可以在文件中靠后出现，
                也可以是已有的组织。文件名为 - 时读标准输入。导入名册前先导入采集表。
                示例：partyadmin org import 党组织采集表.csv --dry-run
                """
        )

        /// The file.
        @Argument(help: ArgumentHelp("采集表 CSV 文件（- 为标准输入）", valueName: "file"), completion: .file(extensions: ["csv"]))
        var file: String

        /// `--dry-run`.
        @Flag(help: "只校验，不写入")
        var dryRun = false

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Reads the file, then `import.begin`, `import.chunk`…, `import.commit`.
        func run() async throws {
            let text = try CSVUpload.readText(file)
            let result = try await CSVUpload.upload(text, kind: .organizations, dryRun: dryRun, global)
            try Console.emit(result, global, render: CSVUpload.summary)
        }
    }

    /// `org export`: the 党组织采集表 CSV of a subtree.
    struct Export: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "导出党组织采集表 CSV（不含已撤销组织；可原样再导入）。",
            discussion: """
                省略 --root 时导出当前账户管理范围内的全部组织；省略 --output 时写到标准输出。
                示例：partyadmin org export --root 01 --output 党组织采集表.csv
                """
        )

        /// `--root`.
        @Option(help: ArgumentHelp("从该组织开始（默认为当前账户的管理范围）", valueName: "code"))
        var root: String?

        /// `--output`.
        @Option(
            name: [.short, .long],
            help: ArgumentHelp("写入该文件（已存在则覆盖）；省略则写到标准输出", valueName: "file"),
            completion: .file(extensions: ["csv"])
        )
        var output: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `org.export` and writes the file.
        func run() async throws {
            let result = try await Console.withClient(global) { client in
                try await client.call(OrgExport.self, OrgExport.Params(root: root))
            }
            try CSVDownload.deliver(result, csv: result.csv, rows: result.rows, output: output, global)
        }
    }
}
