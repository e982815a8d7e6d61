import Domain
import Foundation
import Store

/// The protocol's views of activities, built inside the operation that read them.
extension PartyCore {
    /// The view of an activity without the attendance list: for lists and a member's own entries.
    static func activityView(
        _ activity: Activity,
        org: Organization,
        counts: ActivityCounts,
        zone: TimeZone
    ) -> ActivityView {
        var view = ActivityView(
            id: activity.id,
            orgCode: org.code,
            orgName: org.name,
            kind: activity.kind,
            title: activity.title,
            state: activity.state,
            plannedAt: LocalTime.text(activity.plannedAt, in: zone),
            createdBy: activity.createdBy,
            counts: counts
        )
        view.place = activity.place
        view.theme = activity.theme
        view.host = activity.host
        view.recorder = activity.recorder
        view.signupDeadline = activity.signupDeadline.map { LocalTime.text($0, in: zone) }
        view.invitationNotice = activity.invitationNoticeID
        if let record = activity.record {
            view.heldAt = LocalTime.text(record.heldAt, in: zone)
            view.durationMinutes = record.durationMinutes
            view.minutes = record.minutes
            view.decisions = record.decisions
            view.recordedAt = LocalTime.text(record.recordedAt, in: zone)
            view.dueOn = record.dueOn
            view.late = record.late
        }
        view.cancelledAt = activity.cancellation.map { LocalTime.text($0.at, in: zone) }
        view.cancelReason = activity.cancellation?.reason
        view.publishedAt = activity.publishedAt.map { LocalTime.text($0, in: zone) }
        view.feedNotice = activity.feedNoticeID
        return view
    }

    /// The full view: everyone's attendance with the points granted, every change, the attachments.
    static func detailedView(_ activity: Activity, in tx: any StoreReader, zone: TimeZone) throws -> ActivityView {
        let rows = try tx.attendance(of: activity.id)
        let points = try tx.pointsGranted(activityID: activity.id)
        let codes = try tx.codes(of: Set(rows.map(\.orgID)))
        var view = activityView(
            activity,
            org: try organization(activity.orgID, in: tx),
            counts: ActivityCounts(rows),
            zone: zone
        )
        view.attendance = rows.map {
            attendanceView($0, orgCode: codes[$0.orgID] ?? "", points: points[$0.memberID], zone: zone)
        }
        view.history = try tx.attendanceEvents(of: activity.id).map {
            AttendanceEventView(
                memberID: $0.memberID,
                memberName: $0.memberName,
                status: $0.status,
                reason: $0.reason,
                channel: $0.channel,
                actor: $0.actor,
                at: LocalTime.text($0.at, in: zone)
            )
        }
        view.attachments = try attachmentViews(of: .activity(activity.id), in: tx, zone: zone)
        return view
    }

    /// One attendance as the protocol shows it.
    static func attendanceView(
        _ row: ActivityAttendance,
        orgCode: String,
        points: Int?,
        zone: TimeZone
    ) -> AttendanceView {
        AttendanceView(
            memberID: row.memberID,
            memberName: row.memberName,
            orgCode: orgCode,
            status: row.status,
            reason: row.reason,
            confirmedAt: row.confirmedAt.map { LocalTime.text($0, in: zone) },
            changedAt: LocalTime.text(row.changedAt, in: zone),
            channel: row.channel,
            points: points
        )
    }
}
