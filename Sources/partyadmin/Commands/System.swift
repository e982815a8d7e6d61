import ArgumentParser
import Wire

/// `partyadmin status`: the daemon's version, uptime, data directory, socket, zone, caller and counts.
struct StatusCommand: AsyncParsableCommand {
    /// Name and help.
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "查看 partyd 状态：版本、运行时长、数据目录、套接字、时区、当前用户与记录数。"
    )

    /// `--socket`, `--json`.
    @OptionGroup var global: GlobalOptions

    /// Creates the command; ArgumentParser fills its options.
    init() {}

    /// Calls `system.status`.
    func run() async throws {
        try await Console.call(SystemStatus.self, global) { status in
            Self.record(status).render()
        }
    }

    /// The status as a key/value record.
    static func record(_ status: SystemStatus.Result) -> Record {
        var record = Record()
        record.add("版本", "partyd \(status.serverVersion)（协议版本 \(status.protocolVersion)）")
        record.add("启动时间", Format.timestamp(status.startedAt))
        record.add("运行时长", Format.duration(seconds: status.uptimeSeconds))
        record.add("数据目录", status.dataDir)
        record.add("套接字", status.socketPath)
        record.add("时区", status.timeZone)
        record.add("当前用户", "\(status.callerUser)（\(Format.role(status.callerRole))）")
        let counts = status.counts
        record.add("党组织", "\(counts.organizations) 个（另有已撤销 \(counts.revokedOrganizations) 个）")
        record.add("党员", "\(counts.members) 名")
        record.add("账户", "\(counts.accounts) 个")
        return record
    }
}

/// `partyadmin methods`: every method of the protocol with who may call it and what it does.
struct MethodsCommand: AsyncParsableCommand {
    /// Name and help.
    static let configuration = CommandConfiguration(
        commandName: "methods",
        abstract: "列出 partyd 提供的全部方法及其权限与说明。"
    )

    /// `--socket`, `--json`.
    @OptionGroup var global: GlobalOptions

    /// Creates the command; ArgumentParser fills its options.
    init() {}

    /// Calls `system.methods`.
    func run() async throws {
        try await Console.call(SystemMethods.self, global) { result in
            Self.table(result)
        }
    }

    /// The methods as a table sorted by name, whatever order partyd lists them in, so that a method is found
    /// where a reader looks for it.
    static func table(_ result: SystemMethods.Result) -> String {
        var table = Table(.text("方法"), .text("权限"), .text("说明"))
        for method in result.methods.sorted(by: { $0.name < $1.name }) {
            table.append(method.name, Format.access(method.access), method.summary)
        }
        return table.render(orIfEmpty: "partyd 未提供任何方法。")
    }
}
