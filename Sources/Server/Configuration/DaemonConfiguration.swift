import Configuration
import Foundation
import SystemPackage

/// Everything partyd is configured with. Precedence, highest first: command line, environment
/// (`PARTYD_*`), the JSON configuration file (`{"partyd": {...}}`), then the defaults documented on each field.
package struct DaemonConfiguration: Sendable {
    /// Where the database and the lock file live. Key `partyd.dataDir`, env `PARTYD_DATA_DIR`,
    /// default `/var/lib/partyd`.
    package var dataDir: String
    /// The Unix socket path. Key `partyd.socket`, env `PARTYD_SOCKET`, default `/run/partyd/partyd.sock`.
    package var socketPath: String
    /// The group given the socket so its members may run the console. Key `partyd.socketGroup`,
    /// env `PARTYD_SOCKET_GROUP`, default none (the daemon's own group).
    package var socketGroup: String?
    /// The socket's permission bits, octal. Key `partyd.socketMode`, env `PARTYD_SOCKET_MODE`, default `0660`.
    package var socketMode: mode_t
    /// swift-log level: trace, debug, info, notice, warning, error, critical. Key `partyd.logLevel`,
    /// env `PARTYD_LOG_LEVEL`, default `info`.
    package var logLevel: String
    /// The zone in which dates ("today", deadlines) are reckoned. Key `partyd.timeZone`, env `PARTYD_TIME_ZONE`,
    /// default `Asia/Shanghai`.
    package var timeZone: TimeZone
    /// Seconds a connection may stay silent before it is closed. Key `partyd.idleTimeout`,
    /// env `PARTYD_IDLE_TIMEOUT`, default 300.
    package var idleTimeoutSeconds: Int
    /// The largest request line accepted, in bytes. Key `partyd.maxRequestBytes`, env `PARTYD_MAX_REQUEST_BYTES`,
    /// default 1 MiB.
    package var maxRequestBytes: Int
    /// Seconds granted to in-flight requests at shutdown before the daemon exits anyway. Key
    /// `partyd.shutdownGrace`, env `PARTYD_SHUTDOWN_GRACE`, default 10.
    package var shutdownGraceSeconds: Int

    /// The default configuration file, read when present.
    package static let defaultConfigFile = "/etc/partyd/partyd.json"
    /// The packaged socket path, also the console's default.
    package static let defaultSocketPath = "/run/partyd/partyd.sock"

    /// Creates a configuration from explicit values (tests, benchmarks).
    package init(
        dataDir: String,
        socketPath: String,
        socketGroup: String? = nil,
        socketMode: mode_t = 0o660,
        logLevel: String = "info",
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!,
        idleTimeoutSeconds: Int = 300,
        maxRequestBytes: Int = 1 << 20,
        shutdownGraceSeconds: Int = 10
    ) {
        self.dataDir = dataDir
        self.socketPath = socketPath
        self.socketGroup = socketGroup
        self.socketMode = socketMode
        self.logLevel = logLevel
        self.timeZone = timeZone
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxRequestBytes = maxRequestBytes
        self.shutdownGraceSeconds = shutdownGraceSeconds
    }

    /// Reads the configuration from a reader whose providers are already stacked in precedence order.
    package init(reader: ConfigReader) throws(ConfigurationError) {
        let config = reader.scoped(to: "partyd")
        let modeText = config.string(forKey: "socketMode", default: "0660")
        guard let mode = mode_t(modeText, radix: 8), mode <= 0o777 else {
            throw ConfigurationError("socketMode “\(modeText)” 不是有效的八进制权限（如 0660）")
        }
        let zoneName = config.string(forKey: "timeZone", default: "Asia/Shanghai")
        guard let zone = TimeZone(identifier: zoneName) else {
            throw ConfigurationError("timeZone “\(zoneName)” 不是有效的时区名（如 Asia/Shanghai）")
        }
        let idle = config.int(forKey: "idleTimeout", default: 300)
        let maxBytes = config.int(forKey: "maxRequestBytes", default: 1 << 20)
        let grace = config.int(forKey: "shutdownGrace", default: 10)
        guard idle > 0, maxBytes >= 1024, grace >= 0 else {
            throw ConfigurationError("idleTimeout 须大于 0，maxRequestBytes 须至少 1024，shutdownGrace 不能为负")
        }
        let group = config.string(forKey: "socketGroup")
        self.init(
            dataDir: config.string(forKey: "dataDir", default: "/var/lib/partyd"),
            socketPath: config.string(forKey: "socket", default: Self.defaultSocketPath),
            socketGroup: (group?.isEmpty ?? true) ? nil : group,
            socketMode: mode,
            logLevel: config.string(forKey: "logLevel", default: "info"),
            timeZone: zone,
            idleTimeoutSeconds: idle,
            maxRequestBytes: maxBytes,
            shutdownGraceSeconds: grace
        )
    }

    /// Loads with the full precedence: `overrides` (from the command line, keyed like `dataDir`), then the
    /// environment, then the configuration file (`configFile`, else `PARTYD_CONFIG`, else the default path when
    /// it exists), then the defaults.
    package static func load(
        overrides: [String: String],
        configFile: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> DaemonConfiguration {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, value) in overrides {
            values[AbsoluteConfigKey(["partyd", key])] = ConfigValue(.string(value), isSecret: false)
        }
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "command line", values: values),
            EnvironmentVariablesProvider(environmentVariables: environment),
        ]
        let explicitFile = configFile ?? environment["PARTYD_CONFIG"]
        let file = explicitFile ?? defaultConfigFile
        if explicitFile != nil || FileManager.default.fileExists(atPath: file) {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw ConfigurationError("无法读取配置文件 \(file)")
            }
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(file)))
            } catch {
                throw ConfigurationError("配置文件 \(file) 无效：\(error)")
            }
        }
        return try DaemonConfiguration(reader: ConfigReader(providers: providers))
    }
}

/// A configuration value that cannot be used; the message says which and why, in Chinese.
package struct ConfigurationError: Error, CustomStringConvertible {
    /// The explanation.
    package let description: String
    /// Creates the error.
    package init(_ description: String) { self.description = description }
}
