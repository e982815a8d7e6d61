import Foundation

/// A wall-clock time as people type it (`2026-12-01 09:00`), read in the configured zone: scheduled notices and
/// planned activities name their time this way.
package enum LocalDateTime {
    /// Parses `YYYY-MM-DD HH:MM[:SS]` (a `T` may stand for the space) as a time in `zone`, or an ISO 8601
    /// instant with its own offset (`2026-12-01T09:00:00+08:00`, `…Z`). A local time that does not exist in the
    /// zone (skipped by a daylight-saving change) is taken as the first valid instant after it.
    package static func parse(
        _ text: String,
        in zone: TimeZone,
        field: String,
        label: String
    ) throws(DomainError) -> Date {
        let trimmed = text.trimmedWhitespace
        let invalid = DomainError.invalid(field, "\(label)“\(text)”无效，应为 YYYY-MM-DD HH:MM", reason: "invalid_datetime")
        if let instant = try? Date.ISO8601FormatStyle(includingFractionalSeconds: false).parse(trimmed) {
            return instant
        }
        if let instant = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(trimmed) {
            return instant
        }
        let separator: Character = trimmed.contains("T") ? "T" : " "
        let halves = trimmed.split(separator: separator, omittingEmptySubsequences: true)
        guard halves.count == 2, let date = LocalDate(String(halves[0])) else { throw invalid }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count),
            clock.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { throw invalid }
        let second = clock.count == 3 ? Int(clock[2]) : 0
        guard let second, (0...59).contains(second) else { throw invalid }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: date.year,
            month: date.month,
            day: date.day,
            hour: hour,
            minute: minute,
            second: second
        )
        // Foundation resolves a skipped local time forward, as the rule above says.
        guard let instant = calendar.date(from: components) else { throw invalid }
        return instant
    }
}
