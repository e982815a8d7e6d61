import Domain

/// Parameters naming one activity by its number.
package struct ActivityRefParams: Codable, Sendable {
    /// The activity's number.
    package var activity: Int64
    /// Creates the parameters.
    package init(activity: Int64) { self.activity = activity }
}

/// `activity.plan`: plans an activity and invites its invitees through a notice.
package enum ActivityPlan: RPCMethod {
    package typealias Params = ActivityFields
    package typealias Result = ActivityView
    package static let name = "activity.plan"
    package static let summary = "计划组织生活（三会一课、主题党日等），并向参加人员发出活动通知"
}

/// `activity.show`: one activity with its attendance, history and attachments.
package enum ActivityShow: RPCMethod {
    package typealias Params = ActivityRefParams
    package typealias Result = ActivityView
    package static let name = "activity.show"
    package static let summary = "查看活动（含出席情况、变更记录与附件）"
}

/// `activity.list`: activities of a subtree, newest first.
package enum ActivityList: RPCMethod {
    /// Which activities.
    package struct Params: Codable, Sendable {
        /// The organization whose subtree's activities are listed; defaults to the caller's scope.
        package var org: String?
        /// Only this state: planned, held, published, cancelled.
        package var state: String?
        /// Only activities numbered below this (paging).
        package var before: Int64?
        /// At most this many (default 50, at most 1000).
        package var limit: Int?
        /// Creates the parameters.
        package init(org: String? = nil, state: String? = nil, before: Int64? = nil, limit: Int? = nil) {
            self.org = org
            self.state = state
            self.before = before
            self.limit = limit
        }
    }
    /// The activities.
    package struct Result: Codable, Sendable {
        /// Newest first.
        package var activities: [ActivityView]
        /// Creates the listing.
        package init(activities: [ActivityView]) { self.activities = activities }
    }
    package static let name = "activity.list"
    package static let summary = "活动列表（本组织及下级组织的）"
}

/// `activity.record`: records a planned activity as held.
package enum ActivityRecordMethod: RPCMethod {
    package typealias Params = ActivityRecordFields
    package typealias Result = ActivityView
    package static let name = "activity.record"
    package static let summary = "记录活动召开情况：召开时间、出席与请假、会议记录、决议（应到、实到自动统计）"
}

/// `activity.attend`: an administrator records a member's attendance on their behalf.
package enum ActivityAttend: RPCMethod {
    /// Whose attendance, and what.
    package struct Params: Codable, Sendable {
        /// The activity's number.
        package var activity: Int64
        /// The member (id or 身份证号).
        package var member: String
        /// `confirmed`, `leave`, `present` or `absent`.
        package var `as`: String
        /// The leave reason.
        package var reason: String?
        /// Creates the parameters.
        package init(activity: Int64, member: String, as action: String, reason: String? = nil) {
            self.activity = activity
            self.member = member
            self.as = action
            self.reason = reason
        }
    }
    package typealias Result = ActivityView
    package static let name = "activity.attend"
    package static let summary = "代党员登记出席情况：确认参加、请假、出席、缺席"
}

/// `activity.cancel`: an activity that did not take place.
package enum ActivityCancel: RPCMethod {
    /// Which activity, and why.
    package struct Params: Codable, Sendable {
        /// The activity's number.
        package var activity: Int64
        /// Why, one line.
        package var reason: String
        /// Creates the parameters.
        package init(activity: Int64, reason: String) {
            self.activity = activity
            self.reason = reason
        }
    }
    package typealias Result = ActivityView
    package static let name = "activity.cancel"
    package static let summary = "取消活动（须说明原因；撤回活动通知）"
}

/// `activity.attach`: links uploaded files to an activity.
package enum ActivityAttach: RPCMethod {
    /// Which activity, and the files.
    package struct Params: Codable, Sendable {
        /// The activity's number.
        package var activity: Int64
        /// Files uploaded beforehand (`attachment.finish`), with their tags.
        package var attachments: [AttachmentRef]
        /// Creates the parameters.
        package init(activity: Int64, attachments: [AttachmentRef]) {
            self.activity = activity
            self.attachments = attachments
        }
    }
    /// The files linked.
    package struct Result: Codable, Sendable {
        /// In order.
        package var attachments: [AttachmentView]
        /// Creates the result.
        package init(attachments: [AttachmentView]) { self.attachments = attachments }
    }
    package static let name = "activity.attach"
    package static let summary = "为活动添加附件（通知、会议记录、签到表、照片、其他）"
}

/// `activity.publish`: publishes a held activity's record, optionally as 工作动态.
package enum ActivityPublish: RPCMethod {
    /// Which activity, and whether to post it to the feed.
    package struct Params: Codable, Sendable {
        /// The activity's number.
        package var activity: Int64
        /// Also post it to the organization's members as 工作动态.
        package var feed: Bool?
        /// Text added to the 工作动态.
        package var summary: String?
        /// Creates the parameters.
        package init(activity: Int64, feed: Bool? = nil, summary: String? = nil) {
            self.activity = activity
            self.feed = feed
            self.summary = summary
        }
    }
    package typealias Result = ActivityView
    package static let name = "activity.publish"
    package static let summary = "发布已召开活动的记录，可同时作为工作动态发布"
}

/// `activity.compliance`: which required activities each branch held, planned or missed in a period.
package enum ActivityComplianceMethod: RPCMethod {
    /// Which organization and period.
    package struct Params: Codable, Sendable {
        /// The branch, or with `recursive` any organization whose branches are reported.
        package var org: String
        /// Every 党支部 and 联合党支部 of the subtree.
        package var recursive: Bool?
        /// `2026-11`, `2026Q4` or `2026`.
        package var period: String
        /// Creates the parameters.
        package init(org: String, recursive: Bool? = nil, period: String) {
            self.org = org
            self.recursive = recursive
            self.period = period
        }
    }
    package typealias Result = ComplianceReport
    package static let name = "activity.compliance"
    package static let summary = "组织生活开展情况：各支部某月、季度或年度应开展的活动是否已开展、已计划或缺失"
}

/// `points.list`: members' points of a year.
package enum PointsList: RPCMethod {
    /// Which members and year.
    package struct Params: Codable, Sendable {
        /// The organization whose subtree's members are listed; defaults to the caller's scope.
        package var org: String?
        /// The year (default: this year).
        package var year: Int?
        /// Creates the parameters.
        package init(org: String? = nil, year: Int? = nil) {
            self.org = org
            self.year = year
        }
    }
    package typealias Result = PointsReport
    package static let name = "points.list"
    package static let summary = "党员积分（基础分加参加组织生活所得）"
}

/// `me.activities`: the caller's own activities.
package enum MeActivities: RPCMethod {
    /// Paging.
    package struct Params: Codable, Sendable {
        /// Only activities numbered below this.
        package var before: Int64?
        /// At most this many (default 50).
        package var limit: Int?
        /// Creates the parameters.
        package init(before: Int64? = nil, limit: Int? = nil) {
            self.before = before
            self.limit = limit
        }
    }
    /// The activities.
    package struct Result: Codable, Sendable {
        /// Newest first.
        package var entries: [MyActivity]
        /// Creates the result.
        package init(entries: [MyActivity]) { self.entries = entries }
    }
    package static let name = "me.activities"
    package static let summary = "本人受邀参加的活动及出席情况"
}

/// `me.confirm`: the caller confirms taking part.
package enum MeConfirm: RPCMethod {
    package typealias Params = ActivityRefParams
    package typealias Result = MyActivity
    package static let name = "me.confirm"
    package static let summary = "确认参加活动（会前报名；会后确认出席以获得积分）"
}

/// `me.leave`: the caller asks leave.
package enum MeLeave: RPCMethod {
    /// Which activity, and why.
    package struct Params: Codable, Sendable {
        /// The activity's number.
        package var activity: Int64
        /// Why, one line.
        package var reason: String
        /// Creates the parameters.
        package init(activity: Int64, reason: String) {
            self.activity = activity
            self.reason = reason
        }
    }
    package typealias Result = MyActivity
    package static let name = "me.leave"
    package static let summary = "活动请假（活动开始前，须说明原因）"
}

/// `me.points`: the caller's own points.
package enum MePoints: RPCMethod {
    /// Which year.
    package struct Params: Codable, Sendable {
        /// The year (default: this year).
        package var year: Int?
        /// Creates the parameters.
        package init(year: Int? = nil) { self.year = year }
    }
    package typealias Result = PointsReport
    package static let name = "me.points"
    package static let summary = "本人积分及其来源"
}
