import Domain
import Foundation
import Logging
import Store

/// What a handler knows about the request it serves: who asks, when, and where things are kept.
package struct RequestContext: Sendable {
    /// The caller, already authorized for the method and its targets.
    package let caller: Caller
    /// The instant the request arrived; rules take time from here, never from the clock.
    package let now: Date
    /// `now` as a date in the configured time zone.
    package let today: LocalDate
    /// `now` as ISO 8601 with the zone's offset, for audit and history.
    package let timestamp: String
    /// The storage.
    package let store: any PartyStore
    /// The daemon's settings and start time.
    package let daemon: DaemonInfo
    /// A logger carrying the request id.
    package let logger: Logger

    /// The root that list methods default to: the caller's scope, or nil (everything) for a system administrator.
    package var defaultRoot: OrgPath? { caller.isSystemAdmin ? nil : caller.scope }

    /// An audit entry for this request, by this caller.
    package func audit(method: String, target: String, orgID: Int64?, summary: String) -> AuditRecord {
        AuditRecord(
            at: timestamp,
            actor: caller.userName,
            actorUID: caller.uid,
            method: method,
            target: target,
            orgID: orgID,
            summary: summary
        )
    }

    /// Formats an instant as ISO 8601 with the offset of `zone`.
    package static func timestamp(_ instant: Date, in zone: TimeZone) -> String {
        instant.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: zone))
    }
}

/// Facts about the running daemon that `system.status` reports and handlers may need.
package struct DaemonInfo: Sendable {
    /// The configuration in force.
    package let configuration: DaemonConfiguration
    /// When the daemon started.
    package let startedAt: Date
    /// The socket actually listened on (an inherited one may differ from the configured path).
    package let socketPath: String
    /// The uid the daemon runs as; that user is a system administrator.
    package let ownUID: UInt32
}
