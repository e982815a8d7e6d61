import Domain
import Foundation
import Store

/// Planning activities of organizational life and reading them. Planning invites the invitees through the
/// notice delivery path: a 系统消息 addressed to them by name, in the same transaction, so that it reaches their
/// inboxes, their e-mail and the organization's members' groups like any notice.
extension PartyCore {
    /// The largest page of activity lists.
    package static let maximumActivityPage = 1000

    /// `activity.plan`: plans an activity of `fields.org` and invites its members (for a 支委会 or 党小组会, only
    /// the members named; otherwise the organization's members on the roll and any named besides).
    package func planActivity(_ fields: ActivityFields, by principal: Principal) async throws -> ActivityView {
        let zone = timeZone
        let limits = attachments.limits
        // The invitation's messages go out at once, not at the delivery worker's next poll.
        defer { outboxSignal.ring() }
        let named = fields.invite ?? []
        guard named.count <= Self.maximumNamedMembers else {
            throw DomainError.invalid("invite", "指定参加人员最多 \(Self.maximumNamedMembers) 人", reason: "too_many")
        }
        let targets: [ScopeTarget] =
            [.organization(code: fields.org, field: "org")] + named.map { .member(reference: $0, field: "invite") }
        return try await write(.activityPlan, by: principal, targets: targets) { op in
            let kind = try ActivityKind.parse(fields.kind)
            let title = try ActivityLifecycle.line(fields.title, field: "title", label: "标题", required: true) ?? ""
            let plannedAt = try LocalDateTime.parse(fields.at, in: zone, field: "at", label: "活动时间")
            let deadline = try fields.signupDeadline?.nonBlank.map { text throws(DomainError) in
                try LocalDateTime.parse(text, in: zone, field: "signupDeadline", label: "报名截止时间")
            }
            try ActivityLifecycle.plan(plannedAt: plannedAt, signupDeadline: deadline, now: op.time.instant)
            let org = try OrgLookup.require(fields.org, field: "org", in: op.tx)
            try OrgRules.requireActive(org, field: "org")
            var activity = Activity(
                orgID: org.id,
                kind: kind,
                title: title,
                plannedAt: plannedAt,
                place: try ActivityLifecycle.line(fields.place, field: "place", label: "地点"),
                theme: try ActivityLifecycle.text(
                    fields.theme,
                    field: "theme",
                    label: "议题",
                    limit: ActivityLifecycle.maxThemeLength
                ),
                host: try ActivityLifecycle.line(fields.host, field: "host", label: "主持人"),
                recorder: try ActivityLifecycle.line(fields.recorder, field: "recorder", label: "记录人"),
                signupDeadline: deadline,
                createdBy: op.caller.userName
            )
            let invitees = try Self.invitees(kind, org: org, named: named, in: op.tx)
            let invitation = try Self.sendInvitation(activity, org: org, to: invitees.map(\.memberID), op: op)
            activity.invitationNoticeID = invitation.id
            activity = try op.tx.insertActivity(activity, invitees: invitees, actor: op.caller.userName)
            let files = try op.linkAttachments(
                fields.attachments ?? [],
                to: .activity(activity.id),
                limits: limits,
                zone: zone
            )
            let view = try Self.detailedView(activity, in: op.tx, zone: zone)
            var summary =
                "计划\(kind.rawValue)“\(title)”于 \(view.plannedAt)，邀请 \(invitees.count) 人（通知 \(invitation.id)）"
            if !files.isEmpty { summary += "，附件：" + files.map { "“\($0.name)”" }.joined(separator: "、") }
            return Change(view, audit: op.audit(target: "活动 \(activity.id)", orgID: org.id, summary: summary))
        }
    }

    /// `activity.show`: one activity with everyone's attendance, its history and attachments.
    package func activity(_ id: Int64, by principal: Principal) async throws -> ActivityView {
        let zone = timeZone
        return try await read(.activityShow, by: principal, targets: [.activity(id: id, field: "activity")]) { op in
            try Self.detailedView(try Self.requireActivity(id, in: op.tx), in: op.tx, zone: zone)
        }
    }

    /// `activity.list`: activities of the subtree of `org` (default: the caller's scope), newest first.
    package func activities(
        org: String?,
        state: String?,
        before: Int64?,
        limit: Int?,
        by principal: Principal
    ) async throws -> [ActivityView] {
        let zone = timeZone
        return try await read(.activityList, by: principal, targets: Self.optionalOrg(org, field: "org")) { op in
            let limit = try Self.pageSize(limit, default: 50, in: 1...Self.maximumActivityPage)
            let state = try state?.nonBlank.map { text throws(DomainError) in
                guard
                    let state = ActivityState(rawValue: text)
                        ?? ActivityState.allCases.first(where: { $0.label == text })
                else {
                    throw DomainError.invalid(
                        "state",
                        "状态“\(text)”无效，应为：planned、held、published、cancelled",
                        reason: "invalid_state"
                    )
                }
                return state
            }
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            let found = try op.tx.activities(ActivityFilter(root: root, state: state, before: before, limit: limit))
            let counts = try op.tx.attendanceCounts(of: found.map(\.id))
            var orgs: [Int64: Organization] = [:]
            return try found.map { activity in
                if orgs[activity.orgID] == nil {
                    orgs[activity.orgID] = try Self.organization(activity.orgID, in: op.tx)
                }
                return Self.activityView(
                    activity,
                    org: orgs[activity.orgID]!,
                    counts: counts[activity.id] ?? ActivityCounts([]),
                    zone: zone
                )
            }
        }
    }

    /// Who an activity of `kind` invites: the members named, and unless the kind invites only those named (支委会,
    /// 党小组会), every member on the roll of `org` too; each once, with their branch.
    private static func invitees(
        _ kind: ActivityKind,
        org: Organization,
        named: [String],
        in tx: any StoreReader
    ) throws -> [(memberID: Int64, orgID: Int64)] {
        let namedIDs = try namedMembers(named, of: org, in: tx)
        if kind.invitesNamedOnly, namedIDs.isEmpty {
            throw DomainError.invalid(
                "invite",
                "\(kind.rawValue)须用 --invite 指定参加人员（\(kind == .committeeMeeting ? "支部委员" : "党小组成员")）",
                reason: "activity.invitees_required"
            )
        }
        var invitees: [(memberID: Int64, orgID: Int64)] = []
        var seen: Set<Int64> = []
        if !kind.invitesNamedOnly {
            for member in try tx.members(MemberQuery(orgID: org.id, limit: Int.max))
            where seen.insert(member.id).inserted {
                invitees.append((member.id, member.orgID))
            }
        }
        for id in namedIDs where seen.insert(id).inserted {
            guard let member = try tx.member(reference: String(id)) else { continue }
            invitees.append((member.id, member.orgID))
        }
        guard !invitees.isEmpty else {
            throw DomainError.invalid("invite", "\(org.name)没有在册党员，请用 --invite 指定参加人员", reason: "activity.no_invitees")
        }
        return invitees
    }

    /// Publishes the invitation: a 系统消息 from `org` to the invitees by name, released at once. 系统消息 rather
    /// than 通知公告, because partyd writes it from the activity's fields and the activity owns it (cancelling the
    /// activity withdraws it); members answer through `me.confirm` and `me.leave`, not by acknowledging it.
    private static func sendInvitation(
        _ activity: Activity,
        org: Organization,
        to memberIDs: [Int64],
        op: Writing
    ) throws -> Notice {
        let zone = op.time.zone
        var lines = [
            "\(org.name)定于 \(displayTime(activity.plannedAt, zone: zone)) 召开\(activity.kind.rawValue)：\(activity.title)。"
        ]
        if let place = activity.place { lines.append("地点：\(place)") }
        if let host = activity.host { lines.append("主持人：\(host)") }
        if let theme = activity.theme { lines.append("议题：\(theme)") }
        if let deadline = activity.signupDeadline { lines.append("报名截止：\(displayTime(deadline, zone: zone))") }
        lines.append("请确认参加或请假（partyadmin me confirm / me leave，或通过个人链接）。")
        let notice = Notice(
            id: 0,
            kind: .system,
            title: String("活动通知：\(activity.title)".prefix(NoticeRules.maxTitleLength)),
            body: lines.joined(separator: "\n"),
            orgID: org.id,
            subtree: false,
            category: nil,
            flag: nil,
            priority: .normal,
            author: op.caller.userName,
            publishedAt: op.time.instant,
            ackRequired: false,
            ackDeadline: nil,
            expiresOn: nil,
            recipientCount: 0,
            state: .published,
            addressees: .members,
            namedMembers: true
        )
        let created = try op.tx.createNotice(NewNotice(notice: notice, orgPath: org.path, namedMemberIDs: memberIDs))
        return try op.tx.releaseNotice(created, orgPath: org.path)
    }

    /// The activity with `id`, or "not found".
    static func requireActivity(_ id: Int64, in tx: any StoreReader) throws -> Activity {
        guard let activity = try tx.activity(id: id) else {
            throw DomainError.notFound("activity", "活动 \(id) 不存在", reason: "activity.not_found")
        }
        return activity
    }

    /// `2026-12-01 09:00`: a time as people read it in `zone`.
    static func displayTime(_ instant: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        let date = LocalDate.of(instant, in: zone)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        return "\(date) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}
