import Core
import Domain
import Foundation
import Logging

/// What a handler knows about the request it serves: who asks, the core to call, and the daemon it runs in.
package struct RequestContext: Sendable {
    /// The principal behind the socket peer; every core operation is called on its behalf.
    package let principal: Principal
    /// The application core.
    package let core: PartyCore
    /// The daemon's settings and start time.
    package let daemon: DaemonInfo
    /// A logger carrying the request id.
    package let logger: Logger
}

/// Facts about the running daemon that `system.status` reports.
package struct DaemonInfo: Sendable {
    /// The configuration in force.
    package let configuration: DaemonConfiguration
    /// When the daemon started.
    package let startedAt: Date
    /// The socket actually listened on (an inherited one may differ from the configured path).
    package let socketPath: String
}
