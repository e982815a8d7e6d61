import Domain
import Foundation
import Store

/// Timed jobs: administrators add, list and remove them; the scheduler runs the due ones as the daemon.
extension PartyCore {
    /// The most timed jobs run in one pass; the rest wait for the next.
    static let jobBatch = 50

    /// `schedule.add`: a job that posts `fields.notice` by its rule, as the caller, in the notice's organization
    /// (which the caller must administer). The notice is checked now as it would be posted; it is checked again
    /// each time it fires.
    package func addScheduledJob(_ fields: ScheduleJobFields, by principal: Principal) async throws -> ScheduleJobView {
        let defaultZone = timeZone
        let named = fields.notice.members ?? []
        let targets: [ScopeTarget] =
            [.organization(code: fields.notice.org, field: "notice.org")]
            + named.map { .member(reference: $0, field: "notice.members") }
        return try await write(.scheduleAdd, by: principal, targets: targets) { op in
            let name = fields.name.trimmedWhitespace
            guard !name.isEmpty, name.count <= 50 else {
                throw DomainError.invalid("name", "任务名称须为 1 到 50 字", reason: "invalid_name")
            }
            try TextRules.validate(name, field: "name", label: "任务名称", shape: .line)
            let recurrence = try Recurrence.parse(fields.rule)
            let zone = try Self.zone(named: fields.zone, default: defaultZone)
            let misfire =
                try fields.misfire?.nonBlank.map { text throws(DomainError) in try MisfirePolicy.parse(text) }
                ?? .fireOnce
            guard fields.notice.at?.nonBlank == nil, (fields.notice.attachments ?? []).isEmpty else {
                throw DomainError.invalid(
                    "notice",
                    "定时任务的通知不能再定时发布，也不能带附件（附件在上传 24 小时后未被引用即清理）",
                    reason: "invalid_template"
                )
            }
            // The template must be a notice the caller could post now.
            _ = try NoticeDraft(fields.notice, zone: zone, now: op.time.instant)
            let org = try OrgLookup.require(fields.notice.org, field: "notice.org", in: op.tx)
            try OrgRules.requireActive(org, field: "notice.org")
            _ = try Self.namedMembers(named, of: org, in: op.tx)
            guard let next = recurrence.firstSlot(after: op.time.instant, in: zone) else {
                throw DomainError.invalid("rule", "规则“\(fields.rule)”今后不会再触发", reason: "rule_in_past")
            }
            let job = try op.tx.insertScheduledJob(
                ScheduledJob(
                    id: 0,
                    name: name,
                    orgID: org.id,
                    recurrence: recurrence,
                    zone: zone.identifier,
                    misfire: misfire,
                    action: .postNotice(fields.notice),
                    createdBy: op.caller.userName,
                    createdAt: op.time.instant,
                    nextSlot: next,
                    lastFiredAt: nil
                ),
                nextFireAt: next.instant(in: zone)
            )
            let view = Self.view(job, org: org)
            return Change(
                view,
                audit: op.audit(
                    target: "定时任务 \(job.id)",
                    orgID: org.id,
                    summary:
                        "新建定时任务“\(name)”：\(recurrence.label)发布“\(fields.notice.title)”，下次 \(view.nextFireAt ?? "无")"
                )
            )
        }
    }

    /// `schedule.list`: the active jobs of the subtree of `org` (default: the caller's scope).
    package func scheduledJobs(org: String?, by principal: Principal) async throws -> [ScheduleJobView] {
        try await read(.scheduleList, by: principal, targets: Self.optionalOrg(org, field: "org")) { op in
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            return try op.tx.scheduledJobs(under: root).map { job in
                Self.view(job, org: try Self.organization(job.orgID, in: op.tx))
            }
        }
    }

    /// `schedule.remove`: stops a job; what it already posted stays.
    package func removeScheduledJob(_ id: Int64, by principal: Principal) async throws {
        try await write(.scheduleRemove, by: principal, targets: [.scheduledJob(id: id, field: "job")]) { op in
            guard let job = try op.tx.scheduledJob(id: id) else {
                throw Authorization.concealed(.scheduledJob(id: id, field: "job"))
            }
            try op.tx.removeScheduledJob(id)
            return Change((), audit: op.audit(target: "定时任务 \(id)", orgID: job.orgID, summary: "删除定时任务“\(job.name)”"))
        }
    }

    /// `schedule.next`: the next `count` times a job fires, in its zone.
    package func nextFireTimes(_ id: Int64, count: Int?, by principal: Principal) async throws -> [String] {
        try await read(.scheduleNext, by: principal, targets: [.scheduledJob(id: id, field: "job")]) { op in
            guard let job = try op.tx.scheduledJob(id: id), let zone = job.timeZone else {
                throw Authorization.concealed(.scheduledJob(id: id, field: "job"))
            }
            let count = try Self.pageSize(count, default: 12, in: 1...100)
            return Self.slots(of: job.recurrence, from: job.nextSlot, count: count).map {
                LocalTime.text($0.instant(in: zone), in: zone)
            }
        }
    }

    /// `schedule.preview`: the next `count` times a rule would fire from now, in `zone` (default the daemon's).
    package func previewRule(
        _ rule: String,
        zone: String?,
        count: Int?,
        by principal: Principal
    ) async throws
        -> [String]
    {
        let defaultZone = timeZone
        return try await read(.schedulePreview, by: principal) { op in
            let recurrence = try Recurrence.parse(rule)
            let zone = try Self.zone(named: zone, default: defaultZone)
            let count = try Self.pageSize(count, default: 12, in: 1...100)
            let first = recurrence.firstSlot(after: op.time.instant, in: zone)
            return Self.slots(of: recurrence, from: first, count: count).map {
                LocalTime.text($0.instant(in: zone), in: zone)
            }
        }
    }

    /// The IANA zone `name` names, `fallback` when none is given, or the refusal of an unknown name.
    static func zone(named name: String?, default fallback: TimeZone) throws(DomainError) -> TimeZone {
        let name = name?.nonBlank ?? fallback.identifier
        guard let zone = TimeZone(identifier: name) else {
            throw DomainError.invalid("zone", "时区“\(name)”无效，应为 IANA 名称，如 Asia/Shanghai", reason: "invalid_zone")
        }
        return zone
    }

    /// Up to `count` slots of `recurrence` from `first` on.
    static func slots(of recurrence: Recurrence, from first: WallClockTime?, count: Int) -> [WallClockTime] {
        var slots: [WallClockTime] = []
        var slot = first
        while let current = slot, slots.count < count {
            slots.append(current)
            slot = recurrence.slot(after: current)
        }
        return slots
    }

    /// The protocol's view of a job.
    static func view(_ job: ScheduledJob, org: Organization) -> ScheduleJobView {
        let zone = job.timeZone ?? TimeZone(identifier: "UTC")!
        let title: String
        switch job.action {
        case .postNotice(let fields): title = fields.title
        }
        return ScheduleJobView(
            id: job.id,
            name: job.name,
            orgCode: org.code,
            orgName: org.name,
            rule: job.recurrence.text,
            ruleLabel: job.recurrence.label,
            zone: job.zone,
            misfire: job.misfire.text,
            noticeTitle: title,
            createdBy: job.createdBy,
            nextFireAt: job.nextSlot.map { LocalTime.text($0.instant(in: zone), in: zone) },
            lastFiredAt: job.lastFiredAt.map { LocalTime.text($0, in: zone) }
        )
    }
}
