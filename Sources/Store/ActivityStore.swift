import Domain
import Foundation

/// One change of someone's attendance, as kept.
package struct AttendanceEvent: Sendable, Equatable {
    /// The member.
    package var memberID: Int64
    /// The member's name.
    package var memberName: String
    /// The status set.
    package var status: AttendanceStatus
    /// The leave reason.
    package var reason: String?
    /// How it came.
    package var channel: AttendanceChannel
    /// Who made it.
    package var actor: String
    /// When.
    package var at: Date
}

/// Points granted to a member for one activity.
package struct PointsGrant: Sendable, Equatable {
    /// The activity.
    package var activityID: Int64
    /// Its title.
    package var title: String
    /// Its kind.
    package var kind: ActivityKind
    /// Points.
    package var points: Int
    /// When granted.
    package var grantedAt: Date
}

/// One member's points in a year, summed.
package struct PointsTotal: Sendable, Equatable {
    /// The member.
    package var memberID: Int64
    /// The member's name.
    package var memberName: String
    /// Their branch now.
    package var orgID: Int64
    /// Activities that earned points.
    package var activities: Int
    /// Points earned.
    package var earned: Int
}

/// Which activities a listing wants.
package struct ActivityFilter: Sendable {
    /// Organizations in this subtree (nil: everywhere).
    package var root: OrgPath?
    /// Only this state.
    package var state: ActivityState?
    /// Counting day (held, else planned) at or after this instant.
    package var from: Date?
    /// Counting day before this instant.
    package var until: Date?
    /// Leave out cancelled ones.
    package var excludeCancelled: Bool
    /// Numbered below this (paging).
    package var before: Int64?
    /// At most this many.
    package var limit: Int

    /// Creates the filter.
    package init(
        root: OrgPath?,
        state: ActivityState? = nil,
        from: Date? = nil,
        until: Date? = nil,
        excludeCancelled: Bool = false,
        before: Int64? = nil,
        limit: Int
    ) {
        self.root = root
        self.state = state
        self.from = from
        self.until = until
        self.excludeCancelled = excludeCancelled
        self.before = before
        self.limit = limit
    }
}

/// Activity reads inside a transaction.
package protocol ActivityReader {
    /// The activity with `id`.
    func activity(id: Int64) throws -> Activity?
    /// The activity whose invitation is notice `noticeID`, if any.
    func activityID(invitation noticeID: Int64) throws -> Int64?
    /// Activities matching `filter`, newest number first.
    func activities(_ filter: ActivityFilter) throws -> [Activity]
    /// Everyone invited to an activity, by branch path then name.
    func attendance(of activityID: Int64) throws -> [ActivityAttendance]
    /// One member's attendance, or nil when not invited.
    func attendance(of activityID: Int64, memberID: Int64) throws -> ActivityAttendance?
    /// Attendance counts of several activities.
    func attendanceCounts(of activityIDs: [Int64]) throws -> [Int64: ActivityCounts]
    /// Every attendance change of an activity, oldest first.
    func attendanceEvents(of activityID: Int64) throws -> [AttendanceEvent]
    /// The activities a member is invited to, newest number first, with their attendance.
    func memberActivities(memberID: Int64, before: Int64?, limit: Int) throws -> [(Activity, ActivityAttendance)]
    /// Points granted for an activity, by member.
    func pointsGranted(activityID: Int64) throws -> [Int64: Int]
    /// Members on the roll in the subtree at `root` with the points they earned in `year` (zero included).
    func pointsTotals(under root: OrgPath?, year: Int) throws -> [PointsTotal]
    /// A member's grants in `year`, oldest first.
    func pointsGrants(memberID: Int64, year: Int) throws -> [PointsGrant]
}

/// Activity changes inside a write transaction.
package protocol ActivityWriter {
    /// Inserts a planned activity with its invitees (each `invited`, channel `plan`); returns it with its id.
    func insertActivity(
        _ activity: Activity,
        invitees: [(memberID: Int64, orgID: Int64)],
        actor: String
    ) throws
        -> Activity
    /// Saves an activity's state, record, cancellation, publication and notices.
    func updateActivity(_ activity: Activity) throws
    /// Sets one member's attendance and keeps the change with its channel and actor.
    func setAttendance(
        activityID: Int64,
        memberID: Int64,
        _ decision: AttendanceDecision,
        channel: AttendanceChannel,
        actor: String
    ) throws
    /// Grants a member points for an activity, counted in `year`; a second grant changes nothing.
    func grantPoints(activityID: Int64, memberID: Int64, year: Int, points: Int) throws
}
