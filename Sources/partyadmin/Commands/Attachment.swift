import ArgumentParser
import Foundation
import Wire

/// `partyadmin attachment`: uploading files to partyd, showing and downloading them.
struct AttachmentCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "attachment",
        abstract: "附件：上传（分段传输并校验 SHA-256）、查看、下载。",
        subcommands: [Upload.self, Show.self, Download.self]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// An attachment as a key/value record.
    static func record(_ attachment: AttachmentView) -> Record {
        var record = Record()
        record.add("编号", String(attachment.id))
        record.add("名称", attachment.name)
        record.add("类型", attachment.kind.label)
        record.add("大小", "\(AttachmentCommand.size(attachment.size))（\(attachment.size) 字节）")
        record.add("SHA-256", attachment.sha256)
        record.addIfPresent("分类", attachment.tag?.rawValue)
        record.add("上传人", attachment.createdBy)
        record.add("上传时间", Format.timestamp(attachment.createdAt))
        return record
    }

    /// `1.3 MB`, `12 KB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1 << 20 { return "\(max(1, (bytes + 1023) / 1024)) KB" }
        return String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }
}

extension AttachmentCommand {
    /// `attachment upload FILE`: sends a file and prints its number.
    struct Upload: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "上传附件（类型按文件内容判断；照片不超过 5 MB，其他文件不超过 20 MB，以 partyd 配置为准）。",
            discussion: """
                上传后得到附件编号，发布通知等时用该编号引用；24 小时内未被引用的附件会被清理。
                示例：partyadmin attachment upload 会议纪要.pdf --name 第三季度会议纪要.pdf
                """
        )

        /// The file.
        @Argument(help: ArgumentHelp("要上传的文件", valueName: "file"))
        var file: String

        /// `--name`.
        @Option(help: ArgumentHelp("附件显示名称（默认为文件名）", valueName: "name"))
        var name: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Checks the file, streams it, prints the stored attachment.
        func run() async throws {
            let local = try AttachmentUpload.prepare(file, name: name)
            let stored = try await Console.withClient(global) { client in
                try await AttachmentUpload.send(local, using: client)
            }
            try Console.emit(stored, global) { "已上传附件 \($0.id)\n" + AttachmentCommand.record($0).render() }
        }
    }

    /// `attachment show ID`.
    struct Show: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "查看附件信息。")

        /// The attachment's number.
        @Argument(help: ArgumentHelp("附件编号", valueName: "id"))
        var id: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `attachment.show`.
        func run() async throws {
            try await Console.call(AttachmentShow.self, .init(attachment: id), global) {
                AttachmentCommand.record($0).render()
            }
        }
    }

    /// `attachment download ID [-o FILE]`.
    struct Download: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "下载附件（校验 SHA-256 后才写入目标文件）。",
            discussion: "未给出 -o 时保存为当前目录下的附件名称，且不覆盖已有文件。"
        )

        /// The attachment's number.
        @Argument(help: ArgumentHelp("附件编号", valueName: "id"))
        var id: Int64

        /// `-o`, `--output`.
        @Option(name: [.short, .long], help: ArgumentHelp("保存到该文件（已存在则替换）", valueName: "file"))
        var output: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Shows the attachment (for its name), then fetches it.
        func run() async throws {
            let (attachment, path, written) = try await Console.withClient(global) { client in
                let attachment = try await client.call(AttachmentShow.self, .init(attachment: id))
                let path = output ?? attachment.name
                if output == nil, FileManager.default.fileExists(atPath: path) {
                    Printer.err("错误：当前目录已有文件 \(path)；请用 -o 指定保存位置")
                    throw ExitStatus.fileError
                }
                return (attachment, path, try await AttachmentFetch.fetch(id, to: path, using: client))
            }
            try Console.emit(attachment, global) { _ in "已下载附件 \(id) 到 \(path)（\(written) 字节，SHA-256 校验通过）" }
        }
    }
}
