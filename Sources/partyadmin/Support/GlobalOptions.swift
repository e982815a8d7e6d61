import ArgumentParser
import Foundation

/// The options every leaf command accepts after its name: where partyd listens and whether to print JSON.
///
/// Declared on each leaf command as `@OptionGroup var global: GlobalOptions` rather than on the
/// root, so that `partyadmin org tree --socket S --json` works as users type it.
struct GlobalOptions: ParsableArguments {
    /// The socket partyd listens on when neither `--socket` nor `PARTYD_SOCKET` names another (the daemon's own
    /// default, see `partyd --help`).
    static let defaultSocketPath = "/run/partyd/partyd.sock"

    /// The environment variable consulted when `--socket` is absent; partyd reads the same one.
    static let socketEnvironmentKey = "PARTYD_SOCKET"

    /// `--socket PATH`.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "partyd 的套接字路径（默认取环境变量 \(socketEnvironmentKey)，未设置时为 \(defaultSocketPath)）",
            valueName: "path"
        ),
        completion: .file()
    )
    var socket: String?

    /// `--json`: print the method's `result` object instead of a table.
    @Flag(name: .long, help: "以 JSON 输出 partyd 返回的 result 对象（键排序，便于脚本处理）")
    var json = false

    /// Creates the options with their defaults; ArgumentParser fills them from the command line.
    init() {}

    /// The socket to connect to: `--socket`, else `PARTYD_SOCKET`, else the default.
    var socketPath: String {
        if let socket { return socket }
        let fromEnvironment = ProcessInfo.processInfo.environment[Self.socketEnvironmentKey]
        if let fromEnvironment, !fromEnvironment.isEmpty { return fromEnvironment }
        return Self.defaultSocketPath
    }

    /// Refuses an empty `--socket`, which can only be a typing slip (an unset shell variable).
    func validate() throws {
        if socket?.isEmpty == true {
            throw ValidationError("--socket 不能为空")
        }
    }
}
