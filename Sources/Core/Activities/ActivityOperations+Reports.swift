import Domain
import Foundation
import Store

/// What the superior organization inspects: which required activities each branch has held, planned or
/// missed in a period; and the members' points of a year.
extension PartyCore {
    /// `activity.compliance`: for the branch `org` (or, `recursive`, every 党支部 and 联合党支部 of its subtree),
    /// each required kind's slots of `period` (`2026-11`, `2026Q4`, `2026`) as held, planned, missing, under way
    /// or not yet due, by the configured cadence.
    package func activityCompliance(
        org code: String,
        recursive: Bool,
        period text: String,
        by principal: Principal
    ) async throws -> ComplianceReport {
        let zone = timeZone
        let cadence = activities.cadence
        return try await read(.activityCompliance, by: principal, targets: [.organization(code: code, field: "org")]) {
            op in
            let period = try CompliancePeriod.parse(text)
            let root = try OrgLookup.require(code, field: "org", in: op.tx)
            let branches: [Organization]
            if recursive {
                branches = try op.tx.subtree(of: root.path, includeRevoked: false).filter { $0.kind.holdsMembers }
            } else {
                guard root.kind.holdsMembers else {
                    throw DomainError.invalid(
                        "org",
                        "\(root.name)不是党支部；查看其下各支部请加 --recursive",
                        reason: "activity.not_branch"
                    )
                }
                branches = [root]
            }
            let found = try op.tx.activities(
                ActivityFilter(
                    root: root.path,
                    from: Self.startOfDay(period.start, zone: zone),
                    until: Self.startOfDay(period.end.adding(days: 1), zone: zone),
                    excludeCancelled: true,
                    limit: Int.max
                )
            )
            let byOrg = Dictionary(grouping: found, by: \.orgID)
            return ComplianceReport(
                period: period.description,
                from: period.start,
                to: period.end,
                branches: branches.map { branch in
                    let entries = (byOrg[branch.id] ?? []).map {
                        ActivityCompliance.Entry(
                            id: $0.id,
                            kind: $0.kind,
                            tookPlace: $0.state.tookPlace,
                            day: $0.day(in: zone)
                        )
                    }
                    let verdicts = ActivityCompliance.judge(
                        entries,
                        period: period,
                        cadence: cadence,
                        today: op.time.today
                    )
                    return BranchCompliance(
                        orgCode: branch.code,
                        orgName: branch.name,
                        items: verdicts.map {
                            ComplianceItem(
                                kind: $0.kind,
                                cadence: $0.cadence,
                                slot: $0.slot.description,
                                status: $0.status,
                                activity: $0.activityID
                            )
                        }
                    )
                }
            )
        }
    }

    /// `points.list`: the points of `year` (default this year) of every member on the roll in the subtree of
    /// `org` (default: the caller's scope): the base score plus what confirmed attendances earned.
    package func points(org: String?, year: Int?, by principal: Principal) async throws -> PointsReport {
        let base = activities.basePoints
        return try await read(.pointsList, by: principal, targets: Self.optionalOrg(org, field: "org")) { op in
            let year = try Self.pointsYear(year, today: op.time.today)
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            let totals = try op.tx.pointsTotals(under: root, year: year)
            let codes = try op.tx.codes(of: Set(totals.map(\.orgID)))
            return PointsReport(
                year: year,
                base: base,
                members: totals.map {
                    MemberPoints(
                        memberID: $0.memberID,
                        memberName: $0.memberName,
                        orgCode: codes[$0.orgID] ?? "",
                        activities: $0.activities,
                        earned: $0.earned,
                        total: base + $0.earned
                    )
                }
            )
        }
    }

    /// `me.points`: the caller's own points of `year`, with the activities that earned them.
    package func myPoints(year: Int?, by principal: Principal) async throws -> PointsReport {
        let base = activities.basePoints
        let zone = timeZone
        return try await read(.mePoints, by: principal) { op in
            let memberID = try Self.requireOwnMember(op.caller)
            let year = try Self.pointsYear(year, today: op.time.today)
            guard let member = try op.tx.member(reference: String(memberID)) else {
                throw DomainError.notFound("member", "党员记录不存在", reason: "member.not_found")
            }
            let grants = try op.tx.pointsGrants(memberID: memberID, year: year)
            let earned = grants.reduce(0) { $0 + $1.points }
            let code = try op.tx.codes(of: [member.orgID])[member.orgID] ?? ""
            return PointsReport(
                year: year,
                base: base,
                members: [
                    MemberPoints(
                        memberID: memberID,
                        memberName: member.name,
                        orgCode: code,
                        activities: grants.count,
                        earned: earned,
                        total: base + earned
                    )
                ],
                entries: grants.map {
                    PointsEntry(
                        activity: $0.activityID,
                        title: $0.title,
                        kind: $0.kind,
                        points: $0.points,
                        grantedAt: LocalTime.text($0.grantedAt, in: zone)
                    )
                }
            )
        }
    }

    /// The year asked, or this year.
    private static func pointsYear(_ year: Int?, today: LocalDate) throws(DomainError) -> Int {
        guard let year else { return today.year }
        guard (1900...9999).contains(year) else {
            throw DomainError.invalid("year", "年份“\(year)”无效", reason: "invalid_year")
        }
        return year
    }

    /// The first instant of `date` in `zone`.
    static func startOfDay(_ date: LocalDate, zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: date.year, month: date.month, day: date.day)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400)
    }
}
