/// One required slot of one kind for one branch.
package struct ComplianceItem: Codable, Sendable, Equatable {
    /// The kind.
    package var kind: ActivityKind
    /// 每月, 每季度 or 每年.
    package var cadence: ActivityCadence
    /// The slot: `2026-11`, `2026Q4` or `2026`.
    package var slot: String
    /// 已开展, 已计划, 未开展, 待开展 or 未到期.
    package var status: ComplianceStatus
    /// The activity held or planned in it.
    package var activity: Int64?

    /// Creates the item.
    package init(kind: ActivityKind, cadence: ActivityCadence, slot: String, status: ComplianceStatus, activity: Int64?)
    {
        self.kind = kind
        self.cadence = cadence
        self.slot = slot
        self.status = status
        self.activity = activity
    }
}

/// One branch's compliance in a period.
package struct BranchCompliance: Codable, Sendable, Equatable {
    /// The branch's code.
    package var orgCode: String
    /// The branch's name.
    package var orgName: String
    /// Every required slot, by kind then slot.
    package var items: [ComplianceItem]
    /// Slots over with nothing held or planned.
    package var missing: Int

    /// Creates the line.
    package init(orgCode: String, orgName: String, items: [ComplianceItem]) {
        self.orgCode = orgCode
        self.orgName = orgName
        self.items = items
        missing = items.filter { $0.status == .missing }.count
    }
}

/// Which required activities of a period each branch has held, planned or missed.
package struct ComplianceReport: Codable, Sendable, Equatable {
    /// The period as asked.
    package var period: String
    /// Its first day.
    package var from: LocalDate
    /// Its last day.
    package var to: LocalDate
    /// The branches, by their place in the tree.
    package var branches: [BranchCompliance]

    /// Creates the report.
    package init(period: String, from: LocalDate, to: LocalDate, branches: [BranchCompliance]) {
        self.period = period
        self.from = from
        self.to = to
        self.branches = branches
    }
}

/// One member's points in a year.
package struct MemberPoints: Codable, Sendable, Equatable {
    /// The member's id.
    package var memberID: Int64
    /// The name.
    package var memberName: String
    /// Their branch's code.
    package var orgCode: String
    /// Activities that earned points.
    package var activities: Int
    /// Points earned in the year.
    package var earned: Int
    /// The base score plus what was earned.
    package var total: Int

    /// Creates the line.
    package init(memberID: Int64, memberName: String, orgCode: String, activities: Int, earned: Int, total: Int) {
        self.memberID = memberID
        self.memberName = memberName
        self.orgCode = orgCode
        self.activities = activities
        self.earned = earned
        self.total = total
    }
}

/// One activity's points for a member.
package struct PointsEntry: Codable, Sendable, Equatable {
    /// The activity.
    package var activity: Int64
    /// Its title.
    package var title: String
    /// Its kind.
    package var kind: ActivityKind
    /// Points.
    package var points: Int
    /// When granted (ISO 8601).
    package var grantedAt: String

    /// Creates the entry.
    package init(activity: Int64, title: String, kind: ActivityKind, points: Int, grantedAt: String) {
        self.activity = activity
        self.title = title
        self.kind = kind
        self.points = points
        self.grantedAt = grantedAt
    }
}

/// Points of one year: every year starts again from the base score; earlier years stay archived as they were.
package struct PointsReport: Codable, Sendable, Equatable {
    /// The year.
    package var year: Int
    /// The base score.
    package var base: Int
    /// Members on the roll, by branch then name (`points.list`).
    package var members: [MemberPoints]
    /// The caller's own entries (`me.points`).
    package var entries: [PointsEntry]?

    /// Creates the report.
    package init(year: Int, base: Int, members: [MemberPoints], entries: [PointsEntry]? = nil) {
        self.year = year
        self.base = base
        self.members = members
        self.entries = entries
    }
}
