import Domain
import Foundation
import Store

/// What a member's page shows of an activity they are invited to: the activity, their own attendance, and
/// whether the link has been used.
package struct ActivityLinkPage: Sendable, Equatable {
    /// The activity and the member's own attendance.
    package var mine: MyActivity
    /// Whether this link has been used for its one answer (its forms are then gone).
    package var linkUsed: Bool
    /// When the link expires (ISO 8601).
    package var expiresAt: String
}

/// What an activity page's forms do.
package enum ActivityLinkAction: Sendable, Equatable {
    /// 确认参加: sign up before it, or confirm the presence its record shows after.
    case confirm
    /// 请假, with a reason.
    case leave(reason: String)

    /// The action's word in the page's form address.
    package var word: String {
        switch self {
        case .confirm: "confirm"
        case .leave: "leave"
        }
    }
}

/// A member's personal link to an activity they are invited to: the page (changes nothing) and the one answer
/// it takes — 确认参加 or 请假 — recorded with channel `link`, by the same rules as `me.confirm` and `me.leave`.
extension PartyCore {
    /// The page for a link to an activity; reading it changes nothing.
    package func activityLinkPage(_ text: String) async throws -> ActivityLinkPage {
        let token = try checkLink(text)
        guard case .activity(let id) = token.subject else { throw LinkRefusal.invalid }
        let zone = timeZone
        return try await readAsLink(token, .meActivities) { op in
            let used = try op.tx.linkUse(tokenID: token.idText) != nil
            return try Self.activityPage(id, token: token, used: used, caller: op.caller, in: op.tx, zone: zone)
        }
    }

    /// Records the member's answer through a link, once: the link is used up by the answer that changes their
    /// attendance, and a used link changes nothing again. Returns the page as it then stands.
    package func recordActivityLink(_ text: String, action: ActivityLinkAction) async throws -> ActivityLinkPage {
        let token = try checkLink(text)
        guard case .activity(let id) = token.subject else { throw LinkRefusal.invalid }
        let zone = timeZone
        let settings = activities
        let operation: PartyOperation = action == .confirm ? .meConfirm : .meLeave
        return try await writeAsLink(token, operation, action: action.word) { op in
            _ = try Self.activityPage(id, token: token, used: false, caller: op.caller, in: op.tx, zone: zone)
            let change = try Self.changeOwnAttendance(op, id, channel: .link, settings: settings, zone: zone) {
                activity,
                row,
                now in
                switch action {
                case .confirm: try AttendanceRules.confirm(activity, row, now: now)
                case .leave(let reason): try AttendanceRules.leave(activity, row, reason: reason, now: now)
                }
            }
            let page = try Self.activityPage(
                id,
                token: token,
                used: change.audit != nil,
                caller: op.caller,
                in: op.tx,
                zone: zone
            )
            guard let audit = change.audit else { return (.unchanged(page), false) }
            return (Change(page, audit: audit), true)
        }
    }

    /// The record a member's message about notice `noticeID` should link to: the activity when the notice is
    /// an activity's invitation (where the member answers), else the notice itself.
    package func linkSubject(ofNotice noticeID: Int64) async throws -> LinkSubject {
        try await read(.deliveryAttempt, by: .daemon) { op in
            try op.tx.activityID(invitation: noticeID).map(LinkSubject.activity) ?? .notice(noticeID)
        }
    }

    /// The page for activity `id` as the caller (the link's member) sees it, or why it cannot be shown.
    private static func activityPage(
        _ id: Int64,
        token: LinkToken,
        used: Bool,
        caller: Caller,
        in tx: any StoreReader,
        zone: TimeZone
    ) throws -> ActivityLinkPage {
        guard let memberID = caller.memberID, memberID == token.memberID, let activity = try tx.activity(id: id),
            let row = try tx.attendance(of: id, memberID: memberID)
        else { throw LinkRefusal.revoked }
        guard activity.state != .cancelled else {
            throw LinkRefusal.withdrawn(reason: activity.cancellation?.reason ?? "")
        }
        var mine = try myActivity(activity, row, counts: ActivityCounts(try tx.attendance(of: id)), in: tx, zone: zone)
        mine.activity.attachments = try attachmentViews(of: .activity(id), in: tx, zone: zone)
        return ActivityLinkPage(
            mine: mine,
            linkUsed: used,
            expiresAt: LocalTime.text(Date(timeIntervalSince1970: TimeInterval(token.expiresAt)), in: zone)
        )
    }
}
