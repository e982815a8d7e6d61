import Core
import Foundation
import Synchronization

/// A clock that stands still until a test moves it, so that tests of time-dependent rules run days of time in
/// milliseconds and see exactly the instants they set.
package final class TestClock: WallClock {
    private let current: Mutex<Date>

    /// Creates a clock showing `start` (default 2026-11-23 10:00 in Shanghai).
    package init(start: Date = Date(timeIntervalSince1970: 1_795_399_200)) {
        current = Mutex(start)
    }

    /// The instant the clock shows.
    package func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward (or back, for clock-jump tests) by `interval` seconds.
    package func advance(by interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    /// Sets the clock to `instant`.
    package func set(_ instant: Date) {
        current.withLock { $0 = instant }
    }
}
