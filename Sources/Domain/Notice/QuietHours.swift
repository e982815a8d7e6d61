import Foundation

/// An organization's quiet hours: a daily window, in local time, in which only urgent messages go out; the
/// others wait until it ends. The default (22:00–08:00) applies unless an organization or one above it sets its
/// own or turns them off.
package struct QuietHours: Sendable, Equatable, Codable {
    /// Start, in minutes after midnight.
    package var start: Int
    /// End, in minutes after midnight; before `start` for a window across midnight.
    package var end: Int

    /// 22:00–08:00.
    package static let standard = QuietHours(start: 22 * 60, end: 8 * 60)

    /// Creates a window.
    package init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// `HH:MM` as minutes after midnight.
    package static func parseTime(_ text: String, field: String) throws(DomainError) -> Int {
        let parts = text.trimmedWhitespace.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute), parts[1].count == 2
        else {
            throw DomainError.invalid(field, "时间“\(text)”无效，应为 HH:MM（如 22:00）", reason: "invalid_time")
        }
        return hour * 60 + minute
    }

    /// `22:00–08:00`.
    package var description: String { "\(Self.clock(start))–\(Self.clock(end))" }

    /// `HH:MM` of minutes after midnight.
    package static func clock(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// When the window that `instant` falls in ends (in `zone`), or nil when `instant` is outside the window.
    package func end(ofWindowContaining instant: Date, in zone: TimeZone) -> Date? {
        guard start != end else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let dayStart = calendar.startOfDay(for: instant)
        let quiet: Bool
        var endDay = dayStart
        if start < end {
            quiet = minute >= start && minute < end
        } else {
            quiet = minute >= start || minute < end
            // Evening part of a window across midnight: it ends tomorrow.
            if minute >= start { endDay = calendar.date(byAdding: .day, value: 1, to: dayStart) ?? dayStart }
        }
        guard quiet else { return nil }
        return calendar.date(bySettingHour: end / 60, minute: end % 60, second: 0, of: endDay)
    }
}

/// What an organization says about quiet hours: its own window, or none at all. An organization that says
/// nothing inherits from the nearest one above it that does, and the top of the tree from ``QuietHours/standard``.
package enum QuietSetting: Sendable, Equatable {
    /// Its own window.
    case window(QuietHours)
    /// No quiet hours: everything goes out at once.
    case off

    /// The window in force, nil when off.
    package var window: QuietHours? {
        if case .window(let hours) = self { return hours }
        return nil
    }
}
