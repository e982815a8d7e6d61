/// The local practice of organizational life, as configuration: when records are due, the working-day
/// calendar, the points each kind earns, the base score kept at the yearly reset, and the required cadence.
package struct ActivitySettings: Sendable, Equatable {
    /// Records are due within this many working days after the activity (local practice: 3).
    package var recordDueWorkingDays: Int
    /// The working-day calendar.
    package var calendar: WorkingCalendar
    /// Points a confirmed attendance earns, per kind.
    package var points: [ActivityKind: Int]
    /// The score every member starts a year with (the yearly reset keeps it).
    package var basePoints: Int
    /// How often each kind is required of a branch.
    package var cadence: [ActivityKind: ActivityCadence]

    /// The defaults: 3 working days, weekends only, ``standardPoints``, a base of 60, the standard cadence.
    package static let standard = ActivitySettings()

    /// Points per kind by default: the meetings every member attends 2, 党小组会 and 其他 1, the yearly
    /// 组织生活会 and 民主评议 3.
    package static let standardPoints: [ActivityKind: Int] = [
        .branchAssembly: 2, .committeeMeeting: 2, .groupMeeting: 1, .partyLecture: 2, .themeDay: 2, .lifeMeeting: 3,
        .democraticReview: 3, .other: 1,
    ]

    /// Creates the settings.
    package init(
        recordDueWorkingDays: Int = 3,
        calendar: WorkingCalendar = .weekendsOnly,
        points: [ActivityKind: Int] = ActivitySettings.standardPoints,
        basePoints: Int = 60,
        cadence: [ActivityKind: ActivityCadence] = ActivityCadence.standard
    ) {
        self.recordDueWorkingDays = recordDueWorkingDays
        self.calendar = calendar
        self.points = points
        self.basePoints = basePoints
        self.cadence = cadence
    }

    /// Points a confirmed attendance at `kind` earns.
    package func points(for kind: ActivityKind) -> Int { points[kind] ?? 0 }

    /// Reads `支委会=3,党课=2`-style overrides of a per-kind table (`key` names the setting in messages).
    package static func overrides<Value>(
        _ text: String,
        key: String,
        value: (String) throws(DomainError) -> Value
    ) throws(DomainError) -> [ActivityKind: Value] {
        var table: [ActivityKind: Value] = [:]
        for item in text.split(whereSeparator: { $0 == "," || $0 == "，" }) {
            let pair = item.split(separator: "=", maxSplits: 1).map { String($0).trimmedWhitespace }
            guard pair.count == 2 else {
                throw DomainError.invalid(key, "\(key) 的“\(item)”应写作 类别=值", reason: "invalid_setting")
            }
            table[try ActivityKind.parse(pair[0], field: key)] = try value(pair[1])
        }
        return table
    }
}
