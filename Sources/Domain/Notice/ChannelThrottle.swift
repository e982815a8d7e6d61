import Foundation

/// How hard one channel may be driven: transfers at once, and messages per minute where the far end has a limit.
package struct ChannelPace: Sendable, Equatable {
    /// Transfers to the channel at the same time.
    package var concurrency: Int
    /// Messages started per sliding minute; nil for no limit.
    package var perMinute: Int?

    /// Creates a pace.
    package init(concurrency: Int, perMinute: Int?) {
        self.concurrency = max(1, concurrency)
        self.perMinute = perMinute.map { max(1, $0) }
    }

    /// The published limits of each kind of channel: 企业微信 and 钉钉 group robots take 20 messages a minute,
    /// 飞书 100 (and 5 a second, which two at a time keeps to); webhooks and mail servers have no stated limit and
    /// are bounded by the transfers at once only.
    package static func standard(for kind: ChannelKind) -> ChannelPace {
        switch kind {
        case .wecom, .dingtalk: ChannelPace(concurrency: 1, perMinute: 20)
        case .feishu: ChannelPace(concurrency: 2, perMinute: 100)
        case .webhook: ChannelPace(concurrency: 8, perMinute: nil)
        case .smtp: ChannelPace(concurrency: 4, perMinute: nil)
        }
    }
}

/// One channel's admission, as a pure state machine driven with the time: how many sends may start now, given
/// those in flight, those started in the last minute, and a pause the far end asked for (HTTP 429 with
/// Retry-After, a robot's rate-limit code). The delivery worker keeps one per channel, in memory only: after a
/// restart a channel starts afresh, which at worst sends one minute's allowance early.
package struct ChannelThrottle: Sendable, Equatable {
    /// The pace it keeps.
    package var pace: ChannelPace
    /// Sends started and not yet finished.
    package private(set) var inFlight = 0
    /// When each send of the last minute started, oldest first.
    package private(set) var recentStarts: [Date] = []
    /// No send starts before this.
    package private(set) var pausedUntil: Date?

    /// A throttle keeping `pace`.
    package init(pace: ChannelPace) { self.pace = pace }

    /// How many sends may start at `now`.
    package func available(at now: Date) -> Int {
        if let pausedUntil, now < pausedUntil { return 0 }
        var room = pace.concurrency - inFlight
        if let perMinute = pace.perMinute {
            let windowStart = now.addingTimeInterval(-60)
            room = min(room, perMinute - recentStarts.count { $0 > windowStart })
        }
        return max(0, room)
    }

    /// A send starts at `now`.
    package mutating func start(at now: Date) {
        inFlight += 1
        guard pace.perMinute != nil else { return }
        let windowStart = now.addingTimeInterval(-60)
        recentStarts.removeAll { $0 <= windowStart }
        recentStarts.append(now)
    }

    /// A send finished.
    package mutating func finish() { inFlight = max(0, inFlight - 1) }

    /// The far end asked for a pause until `instant` (a later pause wins; an earlier one changes nothing).
    package mutating func pause(until instant: Date) {
        if let pausedUntil, pausedUntil >= instant { return }
        pausedUntil = instant
    }

    /// Whether this throttle holds nothing worth keeping at `now`: nothing in flight, no recent starts, no pause.
    package func isIdle(at now: Date) -> Bool {
        inFlight == 0 && (pausedUntil.map { $0 <= now } ?? true)
            && !recentStarts.contains { $0 > now.addingTimeInterval(-60) }
    }
}
