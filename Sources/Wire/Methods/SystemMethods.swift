import Domain

/// The protocol version this build speaks; raised only by additive changes.
package let partyProtocolVersion = 1

/// The daemon's release version.
package let partyServerVersion = "0.1.0"

/// `system.hello`: the protocol and server versions; open to anyone who can reach the socket.
package enum SystemHello: RPCMethod {
    /// The versions.
    package struct Result: Codable, Sendable {
        /// Always "partyd".
        package var server: String
        /// The daemon's release.
        package var serverVersion: String
        /// The protocol version.
        package var protocolVersion: Int
        /// Creates the result.
        package init(server: String, serverVersion: String, protocolVersion: Int) {
            self.server = server
            self.serverVersion = serverVersion
            self.protocolVersion = protocolVersion
        }
    }
    package typealias Params = NoParams
    package static let name = "system.hello"
    package static let summary = "返回协议版本与服务端版本"
}

/// `system.methods`: every method with its one-line description and what it requires.
package enum SystemMethods: RPCMethod {
    /// One method.
    package struct Entry: Codable, Sendable {
        /// The namespaced name.
        package var name: String
        /// One line of Chinese.
        package var summary: String
        /// Who may call it: anyone, account, system-admin, read, write, self.
        package var access: String
        /// Creates an entry.
        package init(name: String, summary: String, access: String) {
            self.name = name
            self.summary = summary
            self.access = access
        }
    }
    /// The list.
    package struct Result: Codable, Sendable {
        /// The methods, sorted by name.
        package var methods: [Entry]
        /// Creates the list.
        package init(methods: [Entry]) { self.methods = methods }
    }
    package typealias Params = NoParams
    package static let name = "system.methods"
    package static let summary = "列出全部方法及其说明"
}

/// `system.status`: version, uptime, data directory and record counts.
package enum SystemStatus: RPCMethod {
    /// Record counts (within the caller's scope for scoped accounts).
    package struct Counts: Codable, Sendable {
        /// Organizations in service.
        package var organizations: Int
        /// Revoked organizations.
        package var revokedOrganizations: Int
        /// Members on the roll.
        package var members: Int
        /// Accounts (system-wide).
        package var accounts: Int
        /// Creates the counts.
        package init(organizations: Int, revokedOrganizations: Int, members: Int, accounts: Int) {
            self.organizations = organizations
            self.revokedOrganizations = revokedOrganizations
            self.members = members
            self.accounts = accounts
        }
    }
    /// The status.
    package struct Result: Codable, Sendable {
        /// The daemon's release.
        package var serverVersion: String
        /// The protocol version.
        package var protocolVersion: Int
        /// When the daemon started (ISO 8601).
        package var startedAt: String
        /// Seconds since start.
        package var uptimeSeconds: Int
        /// The data directory.
        package var dataDir: String
        /// The listening socket.
        package var socketPath: String
        /// The configured time zone.
        package var timeZone: String
        /// The caller's Unix user.
        package var callerUser: String
        /// The caller's role.
        package var callerRole: String
        /// Record counts.
        package var counts: Counts
        /// Creates the status.
        package init(
            serverVersion: String,
            protocolVersion: Int,
            startedAt: String,
            uptimeSeconds: Int,
            dataDir: String,
            socketPath: String,
            timeZone: String,
            callerUser: String,
            callerRole: String,
            counts: Counts
        ) {
            self.serverVersion = serverVersion
            self.protocolVersion = protocolVersion
            self.startedAt = startedAt
            self.uptimeSeconds = uptimeSeconds
            self.dataDir = dataDir
            self.socketPath = socketPath
            self.timeZone = timeZone
            self.callerUser = callerUser
            self.callerRole = callerRole
            self.counts = counts
        }
    }
    package typealias Params = NoParams
    package static let name = "system.status"
    package static let summary = "守护进程状态：版本、运行时长、数据目录与记录数"
}
