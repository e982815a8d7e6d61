import ArgumentParser
import Wire

extension MemberCommand {
    /// `member import`: loads a 名册 CSV, all rows or none.
    struct Import: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "导入党员名册 CSV（全部校验通过才写入，否则一行也不写入）。",
            discussion: """
                文件须为 UTF-8 编码（可带 BOM）；格式见 docs/roster-csv.md。文件名为 - 时读标准输入。
                有错误时逐行列出“第N行 [列]：说明”，退出码 1。先用 --dry-run 校验而不写入。
                示例：partyadmin member import 名册.csv --dry-run
                """
        )

        /// The file.
        @Argument(help: ArgumentHelp("名册 CSV 文件（- 为标准输入）", valueName: "file"), completion: .file(extensions: ["csv"]))
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
            let result = try await CSVUpload.upload(text, kind: .members, dryRun: dryRun, global)
            try Console.emit(result, global, render: CSVUpload.summary)
        }
    }

    /// `member export`: the 名册 CSV of a branch or a subtree.
    struct Export: AsyncParsableCommand {
        /// Rows fetched per request.
        static let pageRows = 20_000

        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "导出党员名册 CSV（UTF-8 带 BOM、CRLF，Excel 可直接打开；可原样再导入）。",
            discussion: """
                只含在册党员。省略 --output 时写到标准输出。
                示例：partyadmin member export --org 01 --recursive --output 名册.csv
                """
        )

        /// `--org`.
        @Option(help: ArgumentHelp("组织代码", valueName: "code"))
        var org: String

        /// `--recursive`.
        @Flag(help: "包含全部下级组织的党员")
        var recursive = false

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

        /// Calls `member.export` and writes the file.
        func run() async throws {
            // Pages keep each reply (and the daemon's memory) small however large the roster; they are read in
            // one snapshot per page, so a roster changing during a long export may shift rows between pages.
            let result = try await Console.withClient(global) { client in
                var page = try await client.call(
                    MemberExport.self,
                    MemberExport.Params(org: org, recursive: recursive ? true : nil, offset: 0, limit: Self.pageRows)
                )
                var whole = page
                while whole.rows < page.total && page.rows > 0 {
                    page = try await client.call(
                        MemberExport.self,
                        MemberExport.Params(
                            org: org,
                            recursive: recursive ? true : nil,
                            offset: whole.rows,
                            limit: Self.pageRows
                        )
                    )
                    whole.rows += page.rows
                    whole.csv += page.csv
                }
                return whole
            }
            try CSVDownload.deliver(result, csv: result.csv, rows: result.rows, output: output, global)
            if result.rows == 0 && !recursive {
                // On standard error, so that the (empty) roster on standard output stays a clean file.
                Printer.err("提示：\(org) 没有直属党员；加 --recursive 导出全部下级组织的党员。")
            }
        }
    }
}
