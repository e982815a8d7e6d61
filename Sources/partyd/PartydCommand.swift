import ArgumentParser
import CommandLineText
import Dispatch
import Foundation
import Logging
import Server

/// `partyd`: parses flags, bootstraps logging and runs the daemon until SIGTERM or SIGINT.
@main
struct PartydCommand: AsyncParsableCommand {
    /// The exit code of a wrong command line: partyadmin's (lightning-cli's), rather than ArgumentParser's 64.
    static let usageExitCode: Int32 = 3

    /// Name and help.
    static let configuration = CommandConfiguration(
        commandName: "partyd",
        abstract: "党建工作守护进程：在 Unix 套接字上提供 JSON-RPC 服务。",
        discussion: "优先级：命令行 > 环境变量（PARTYD_*）> 配置文件 > 默认值。"
    )

    /// `--config`.
    @Option(name: .long, help: "JSON 配置文件（默认 /etc/partyd/partyd.json，存在时读取；或 PARTYD_CONFIG）")
    var config: String?

    /// `--data-dir`.
    @Option(name: .customLong("data-dir"), help: "数据目录（PARTYD_DATA_DIR，默认 /var/lib/partyd）")
    var dataDir: String?

    /// `--socket`.
    @Option(name: .long, help: "套接字路径（PARTYD_SOCKET，默认 /run/partyd/partyd.sock）")
    var socket: String?

    /// `--socket-group`.
    @Option(name: .customLong("socket-group"), help: "套接字所属用户组，组内用户可使用 partyadmin")
    var socketGroup: String?

    /// `--http`.
    @Option(name: .long, help: "启用个人链接网页服务，监听 主机:端口（如 127.0.0.1:8080；PARTYD_HTTP_ADDRESS，默认不启用）")
    var http: String?

    /// `--http-public-url`.
    @Option(
        name: .customLong("http-public-url"),
        help: "个人链接的公开地址前缀（如 https://dangjian.example.cn；PARTYD_HTTP_PUBLIC_BASE_URL）"
    )
    var httpPublicURL: String?

    /// `--log-level`.
    @Option(name: .customLong("log-level"), help: "日志级别：trace debug info notice warning error critical")
    var logLevel: String?

    /// Creates the command; ArgumentParser fills its options.
    init() {}

    /// Parses the command line with Chinese usage errors and help (exit code 3 for a wrong line), then runs.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let command: any ParsableCommand
        do {
            command = try await asyncParseAsRoot(arguments)
        } catch {
            exit(with: Diagnosis.of(error, root: self, arguments: arguments))
        }
        do {
            var command = command
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(with: Diagnosis.of(error, root: self, arguments: nil))
        }
    }

    /// Prints a diagnosis (help on standard output, errors on standard error) and exits with its code.
    private static func exit(with diagnosis: Diagnosis) -> Never {
        switch diagnosis.kind {
        case .output:
            print(diagnosis.text)
            Foundation.exit(ExitCode.success.rawValue)
        case .usage:
            FileHandle.standardError.write(Data((diagnosis.text + "\n").utf8))
            Foundation.exit(usageExitCode)
        case .failure(let code):
            if !diagnosis.text.isEmpty { FileHandle.standardError.write(Data((diagnosis.text + "\n").utf8)) }
            Foundation.exit(code)
        }
    }

    /// Loads the configuration, bootstraps logging and runs the daemon until it is told to stop.
    func run() async throws {
        var overrides: [String: String] = [:]
        overrides["dataDir"] = dataDir
        overrides["socket"] = socket
        overrides["socketGroup"] = socketGroup
        overrides["logLevel"] = logLevel
        overrides["http.address"] = http
        overrides["http.publicBaseURL"] = httpPublicURL
        let configuration: DaemonConfiguration
        do {
            configuration = try await DaemonConfiguration.load(overrides: overrides, configFile: config)
        } catch {
            Self.fail("配置错误：\(error)")
        }
        guard let level = Logger.Level(rawValue: configuration.logLevel) else {
            Self.fail("配置错误：日志级别“\(configuration.logLevel)”无效")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "partyd")
        // Signal handlers are installed here, before the socket exists, rather than by the service group once it
        // runs: a SIGTERM that arrives just after READY=1 must start a graceful shutdown, not kill the process.
        let signalSources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            return DispatchSource.makeSignalSource(signal: number, queue: .global())
        }
        let daemon: PartyDaemon
        do {
            daemon = try PartyDaemon(configuration: configuration, logger: logger, signals: [])
        } catch {
            Self.fail("partyd 无法启动：\(error)")
        }
        for source in signalSources {
            source.setEventHandler { Task { await daemon.shutdown() } }
            source.resume()
        }
        defer { for source in signalSources { source.cancel() } }
        logger.info(
            "partyd starting",
            metadata: [
                "dataDir": "\(configuration.store.dataDir)", "socket": "\(daemon.socketPath)",
                "timeZone": "\(configuration.core.timeZone.identifier)",
            ]
        )
        try await daemon.run()
        logger.info("partyd stopped")
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(1)
    }
}
