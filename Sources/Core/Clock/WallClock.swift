import Foundation

/// Where "now" comes from. Operations, the daemon and (later) the scheduler read time only through this, so
/// tests can run days of schedule in milliseconds with a clock they advance themselves.
package protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The production clock: the system's real time. The only place in partyd that reads it.
package struct SystemClock: WallClock {
    /// Creates the clock.
    package init() {}

    /// The system's current instant.
    package func now() -> Date { Date() }
}
