import Domain
import Foundation

/// One instant and how it reads in the configured zone: instants are kept in UTC, and local time appears only
/// at the edges (dates for rules, ISO 8601 with the zone's offset for people and the protocol).
package struct LocalTime: Sendable {
    /// The instant.
    package let instant: Date
    /// The zone it is shown in.
    package let zone: TimeZone

    /// Creates the view of `instant` in `zone`.
    package init(instant: Date, zone: TimeZone) {
        self.instant = instant
        self.zone = zone
    }

    /// The calendar date in the zone: what rules call "today".
    package var today: LocalDate { LocalDate.of(instant, in: zone) }

    /// ISO 8601 with the zone's offset and milliseconds, as the protocol shows instants.
    package var text: String { Self.text(instant, in: zone) }

    /// Formats any instant as ISO 8601 with the offset of `zone`.
    package static func text(_ instant: Date, in zone: TimeZone) -> String {
        instant.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: zone))
    }
}
