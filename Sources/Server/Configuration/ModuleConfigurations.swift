import Configuration
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A module's own settings, read from the `partyd` scope of the layered configuration (command line,
/// environment `PARTYD_*`, the JSON file, then the defaults documented on each field). Each module that needs
/// settings or secrets (the store, the core, the socket listener; next delivery, the HTTP listener and the
/// scheduler) brings one, and only its own part of the daemon sees it.
package protocol ModuleConfiguration: Sendable {
    /// Reads the module's keys from `config`, already scoped to `partyd`.
    init(reader config: ConfigReader) throws(ConfigurationError)
}

/// Where the store keeps its files.
package struct StoreConfiguration: ModuleConfiguration {
    /// Where the database and the lock file live. Key `partyd.dataDir`, env `PARTYD_DATA_DIR`,
    /// default `/var/lib/partyd`.
    package var dataDir: String

    /// Whether partyd may start on a data directory that other users can enter or list. Key
    /// `partyd.dataDirOpenToOthers`, env `PARTYD_DATA_DIR_OPEN_TO_OTHERS`, default false: such a directory is
    /// refused, since it holds the roster.
    package var dataDirOpenToOthers: Bool

    /// The database file inside the data directory.
    package var databasePath: String { (dataDir as NSString).appendingPathComponent("partyd.sqlite") }
    /// Where uploads are spooled until their commit (owner-only, emptied at start).
    package var uploadsPath: String { (dataDir as NSString).appendingPathComponent("uploads") }
    /// The key that signs members' links (32 bytes, owner-only, made on the first start).
    package var linkKeyPath: String { (dataDir as NSString).appendingPathComponent("link.key") }
    /// Where attachments are stored under their SHA-256, with `spool/` for uploads in progress (owner-only).
    package var attachmentsPath: String { (dataDir as NSString).appendingPathComponent("attachments") }

    /// Creates the settings.
    package init(dataDir: String, dataDirOpenToOthers: Bool = false) {
        self.dataDir = dataDir
        self.dataDirOpenToOthers = dataDirOpenToOthers
    }

    /// Reads `dataDir` and `dataDirOpenToOthers`.
    package init(reader config: ConfigReader) throws(ConfigurationError) {
        self.init(
            dataDir: config.string(forKey: "dataDir", default: "/var/lib/partyd"),
            dataDirOpenToOthers: config.bool(forKey: "dataDirOpenToOthers", default: false)
        )
    }
}

/// How the core reckons time.
package struct CoreConfiguration: ModuleConfiguration {
    /// The zone in which dates ("today", deadlines) are reckoned and instants shown. Key `partyd.timeZone`,
    /// env `PARTYD_TIME_ZONE`, default `Asia/Shanghai`.
    package var timeZone: TimeZone
    /// Whether `user.add` refuses a name that is no Unix user on this machine (an account nobody can use). Key
    /// `partyd.accountsRequireUnixUser`, env `PARTYD_ACCOUNTS_REQUIRE_UNIX_USER`, default true.
    package var accountsRequireUnixUser: Bool

    /// Creates the settings.
    package init(timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!, accountsRequireUnixUser: Bool = true) {
        self.timeZone = timeZone
        self.accountsRequireUnixUser = accountsRequireUnixUser
    }

    /// Reads `timeZone` and `accountsRequireUnixUser`.
    package init(reader config: ConfigReader) throws(ConfigurationError) {
        let zoneName = config.string(forKey: "timeZone", default: "Asia/Shanghai")
        guard let zone = TimeZone(identifier: zoneName) else {
            throw ConfigurationError("timeZone “\(zoneName)” 不是有效的时区名（如 Asia/Shanghai）")
        }
        self.init(
            timeZone: zone,
            accountsRequireUnixUser: config.bool(forKey: "accountsRequireUnixUser", default: true)
        )
    }
}

/// The Unix socket and how connections on it are treated.
package struct ListenerConfiguration: ModuleConfiguration {
    /// The Unix socket path. Key `partyd.socket`, env `PARTYD_SOCKET`, default `/run/partyd/partyd.sock`.
    package var socketPath: String
    /// The group given the socket so its members may run the console. Key `partyd.socketGroup`,
    /// env `PARTYD_SOCKET_GROUP`, default none (the daemon's own group).
    package var socketGroup: String?
    /// The socket's permission bits, octal. Key `partyd.socketMode`, env `PARTYD_SOCKET_MODE`, default `0660`.
    package var socketMode: mode_t
    /// Seconds a connection may stay silent before it is closed. Key `partyd.idleTimeout`,
    /// env `PARTYD_IDLE_TIMEOUT`, default 300.
    package var idleTimeoutSeconds: Int
    /// The largest request line accepted, in bytes. Key `partyd.maxRequestBytes`, env `PARTYD_MAX_REQUEST_BYTES`,
    /// default 1 MiB.
    package var maxRequestBytes: Int
    /// Seconds a request line may take from its first byte to its newline; a peer that trickles longer is refused
    /// and closed, so a slow sender cannot hold a connection and its buffer forever. Key `partyd.requestTimeout`,
    /// env `PARTYD_REQUEST_TIMEOUT`, default 30.
    package var requestTimeoutSeconds: Int
    /// Open connections in all, counting those being identified. Kept below the descriptor limit (the listener
    /// lowers it at start when `RLIMIT_NOFILE` is smaller) so that the database and the journal always have
    /// descriptors. Key `partyd.maxConnections`, env `PARTYD_MAX_CONNECTIONS`, default 1024.
    package var maxConnections: Int
    /// How many of `maxConnections` only administrators (root, the daemon's own user, accounts with role admin)
    /// may use, so that root can always connect however many connections others hold. Key
    /// `partyd.adminReservedConnections`, env `PARTYD_ADMIN_RESERVED_CONNECTIONS`, default 64.
    package var adminReservedConnections: Int
    /// Open connections per Unix user without the admin role (and per user without an account, whose connection
    /// lives only until its refusal is sent). Key `partyd.maxConnectionsPerUser`,
    /// env `PARTYD_MAX_CONNECTIONS_PER_USER`, default 32.
    package var maxConnectionsPerUser: Int
    /// Open connections per administrator uid, so that one runaway script of an administrator cannot take the
    /// reserve from the others. Key `partyd.maxConnectionsPerAdmin`, env `PARTYD_MAX_CONNECTIONS_PER_ADMIN`,
    /// default 256.
    package var maxConnectionsPerAdmin: Int
    /// Bytes of unfinished request lines held for all connections of users other than root and the daemon's own
    /// user (each connection holds at most `maxRequestBytes`). A connection whose bytes would pass it is refused
    /// and closed. Key `partyd.maxBufferedBytes`, env `PARTYD_MAX_BUFFERED_BYTES`, default 64 MiB.
    package var maxBufferedBytes: Int
    /// Heavy requests (exports, lists, history, imports) running at once for principals without the admin role;
    /// one more is refused at once with `rpc.busy`, so that short requests keep their share of the machine.
    /// Administrators are not counted here. Key `partyd.maxHeavyRequests`, env `PARTYD_MAX_HEAVY_REQUESTS`,
    /// default 4.
    package var maxHeavyRequests: Int
    /// Heavy requests running at once per principal, administrators included. Key
    /// `partyd.maxHeavyRequestsPerUser`, env `PARTYD_MAX_HEAVY_REQUESTS_PER_USER`, default 2.
    package var maxHeavyRequestsPerUser: Int

    /// The packaged socket path, also the console's default.
    package static let defaultSocketPath = "/run/partyd/partyd.sock"

    /// Creates the settings.
    package init(
        socketPath: String,
        socketGroup: String? = nil,
        socketMode: mode_t = 0o660,
        idleTimeoutSeconds: Int = 300,
        maxRequestBytes: Int = 1 << 20,
        requestTimeoutSeconds: Int = 30,
        maxConnections: Int = 1024,
        adminReservedConnections: Int = 64,
        maxConnectionsPerUser: Int = 32,
        maxConnectionsPerAdmin: Int = 256,
        maxBufferedBytes: Int = 64 << 20,
        maxHeavyRequests: Int = 4,
        maxHeavyRequestsPerUser: Int = 2
    ) {
        self.socketPath = socketPath
        self.socketGroup = socketGroup
        self.socketMode = socketMode
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxRequestBytes = maxRequestBytes
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.maxConnections = maxConnections
        self.adminReservedConnections = adminReservedConnections
        self.maxConnectionsPerUser = maxConnectionsPerUser
        self.maxConnectionsPerAdmin = maxConnectionsPerAdmin
        self.maxBufferedBytes = maxBufferedBytes
        self.maxHeavyRequests = maxHeavyRequests
        self.maxHeavyRequestsPerUser = maxHeavyRequestsPerUser
    }

    /// The connection limits these settings describe.
    package var connectionLimits: ConnectionLimits {
        ConnectionLimits(
            total: maxConnections,
            reservedForAdministrators: adminReservedConnections,
            perUser: maxConnectionsPerUser,
            perAdministrator: maxConnectionsPerAdmin
        )
    }

    /// The heavy-request limits these settings describe.
    package var heavyRequestLimits: HeavyRequestLimits {
        HeavyRequestLimits(total: maxHeavyRequests, perPrincipal: maxHeavyRequestsPerUser)
    }

    /// Reads and checks the socket's keys.
    package init(reader config: ConfigReader) throws(ConfigurationError) {
        let modeText = config.string(forKey: "socketMode", default: "0660")
        guard let mode = mode_t(modeText, radix: 8), mode <= 0o777 else {
            throw ConfigurationError("socketMode “\(modeText)” 不是有效的八进制权限（如 0660）")
        }
        let idle = config.int(forKey: "idleTimeout", default: 300)
        let maxBytes = config.int(forKey: "maxRequestBytes", default: 1 << 20)
        guard idle > 0, maxBytes >= 1024 else {
            throw ConfigurationError("idleTimeout 须大于 0，maxRequestBytes 须至少 1024")
        }
        let requestTimeout = config.int(forKey: "requestTimeout", default: 30)
        let total = config.int(forKey: "maxConnections", default: 1024)
        let reserved = config.int(forKey: "adminReservedConnections", default: 64)
        let perUser = config.int(forKey: "maxConnectionsPerUser", default: 32)
        let perAdmin = config.int(forKey: "maxConnectionsPerAdmin", default: 256)
        let buffered = config.int(forKey: "maxBufferedBytes", default: 64 << 20)
        let heavy = config.int(forKey: "maxHeavyRequests", default: 4)
        let heavyPerUser = config.int(forKey: "maxHeavyRequestsPerUser", default: 2)
        guard requestTimeout > 0 else { throw ConfigurationError("requestTimeout 须大于 0") }
        guard perUser > 0, perAdmin > 0, reserved >= 0, total > reserved else {
            throw ConfigurationError(
                "maxConnectionsPerUser 与 maxConnectionsPerAdmin 须大于 0，adminReservedConnections 不能为负且须小于 maxConnections"
            )
        }
        guard buffered >= maxBytes else { throw ConfigurationError("maxBufferedBytes 须不小于 maxRequestBytes") }
        guard heavy > 0, heavyPerUser > 0 else {
            throw ConfigurationError("maxHeavyRequests 与 maxHeavyRequestsPerUser 须大于 0")
        }
        let group = config.string(forKey: "socketGroup")
        self.init(
            socketPath: config.string(forKey: "socket", default: Self.defaultSocketPath),
            socketGroup: (group?.isEmpty ?? true) ? nil : group,
            socketMode: mode,
            idleTimeoutSeconds: idle,
            maxRequestBytes: maxBytes,
            requestTimeoutSeconds: requestTimeout,
            maxConnections: total,
            adminReservedConnections: reserved,
            maxConnectionsPerUser: perUser,
            maxConnectionsPerAdmin: perAdmin,
            maxBufferedBytes: buffered,
            maxHeavyRequests: heavy,
            maxHeavyRequestsPerUser: heavyPerUser
        )
    }
}
