import Configuration
import Foundation
import SystemPackage

/// Everything partyd is configured with: each module's own settings, and the daemon's. Precedence, highest
/// first: command line, environment (`PARTYD_*`), the JSON configuration file (`{"partyd": {...}}`), then the
/// defaults documented on each field.
package struct DaemonConfiguration: Sendable {
    /// The store's settings (data directory).
    package var store: StoreConfiguration
    /// The core's settings (time zone).
    package var core: CoreConfiguration
    /// The socket listener's settings.
    package var listener: ListenerConfiguration
    /// The outbox's delivery settings.
    package var delivery: DeliveryConfiguration
    /// Attachment limits and collection.
    package var attachments: AttachmentConfiguration
    /// Organizational life's local practice: record deadline, holiday calendar, points, cadence.
    package var activities: ActivityConfiguration
    /// Reminders: scan and digest times, rules' settings.
    package var reminders: ReminderConfiguration
    /// The optional HTTP listener for members' link pages.
    package var http: HTTPConfiguration
    /// swift-log level: trace, debug, info, notice, warning, error, critical. Key `partyd.logLevel`,
    /// env `PARTYD_LOG_LEVEL`, default `info`.
    package var logLevel: String
    /// Seconds granted to in-flight requests at shutdown before the daemon exits anyway. Key
    /// `partyd.shutdownGrace`, env `PARTYD_SHUTDOWN_GRACE`, default 10.
    package var shutdownGraceSeconds: Int

    /// The default configuration file, read when present.
    package static let defaultConfigFile = "/etc/partyd/partyd.json"

    /// Creates a configuration from explicit values (tests, benchmarks).
    package init(
        dataDir: String,
        socketPath: String,
        logLevel: String = "info",
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!,
        shutdownGraceSeconds: Int = 10
    ) {
        store = StoreConfiguration(dataDir: dataDir)
        // Tests give accounts to fictional users ("secb", "memb"…); the daemon's own configuration checks them.
        core = CoreConfiguration(timeZone: timeZone, accountsRequireUnixUser: false)
        listener = ListenerConfiguration(socketPath: socketPath)
        delivery = DeliveryConfiguration()
        attachments = AttachmentConfiguration()
        activities = ActivityConfiguration()
        // Tests of other features must not meet reminders their own data set off; reminder tests turn them on.
        reminders = ReminderConfiguration(enabledRules: [])
        http = HTTPConfiguration()
        self.logLevel = logLevel
        self.shutdownGraceSeconds = shutdownGraceSeconds
    }

    /// Reads every module's settings from a reader whose providers are already stacked in precedence order.
    package init(reader: ConfigReader) throws(ConfigurationError) {
        let config = reader.scoped(to: "partyd")
        store = try StoreConfiguration(reader: config)
        core = try CoreConfiguration(reader: config)
        listener = try ListenerConfiguration(reader: config)
        delivery = try DeliveryConfiguration(reader: config)
        attachments = try AttachmentConfiguration(reader: config)
        activities = try ActivityConfiguration(reader: config)
        reminders = try ReminderConfiguration(reader: config)
        http = try HTTPConfiguration(reader: config)
        logLevel = config.string(forKey: "logLevel", default: "info")
        shutdownGraceSeconds = config.int(forKey: "shutdownGrace", default: 10)
        guard shutdownGraceSeconds >= 0 else { throw ConfigurationError("shutdownGrace 不能为负") }
    }

    /// Loads with the full precedence: `overrides` (from the command line, keyed like `dataDir` or, within a
    /// module's scope, `http.address`), then the
    /// environment, then the configuration file (`configFile`, else `PARTYD_CONFIG`, else the default path when
    /// it exists), then the defaults.
    package static func load(
        overrides: [String: String],
        configFile: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        defaultFile: String = defaultConfigFile
    ) async throws -> DaemonConfiguration {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, value) in overrides {
            let components = ["partyd"] + key.split(separator: ".").map(String.init)
            values[AbsoluteConfigKey(components)] = ConfigValue(.string(value), isSecret: false)
        }
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "command line", values: values),
            EnvironmentVariablesProvider(environmentVariables: environment),
        ]
        let explicitFile = configFile ?? environment["PARTYD_CONFIG"]
        let file = explicitFile ?? defaultFile
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
