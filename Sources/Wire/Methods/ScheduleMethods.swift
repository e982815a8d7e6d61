/// `schedule.add`: a timed job that posts a notice by a calendar rule.
package enum ScheduleAdd: RPCMethod {
    package typealias Params = ScheduleJobFields
    package typealias Result = ScheduleJobView
    package static let name = "schedule.add"
    package static let summary = "新建定时任务：按规则（每月、每季度、cron 等）自动发布通知"
}

/// `schedule.list`: the timed jobs of a subtree.
package enum ScheduleList: RPCMethod {
    /// Which subtree.
    package struct Params: Codable, Sendable {
        /// The subtree's root; defaults to the caller's scope.
        package var org: String?
        /// Creates the parameters.
        package init(org: String? = nil) { self.org = org }
    }
    /// The jobs.
    package struct Result: Codable, Sendable {
        /// By number.
        package var jobs: [ScheduleJobView]
        /// Creates the listing.
        package init(jobs: [ScheduleJobView]) { self.jobs = jobs }
    }
    package static let name = "schedule.list"
    package static let summary = "定时任务列表"
}

/// Parameters naming one timed job.
package struct ScheduleJobRef: Codable, Sendable {
    /// The job's number.
    package var job: Int64
    /// Creates the parameters.
    package init(job: Int64) { self.job = job }
}

/// `schedule.remove`: stops a timed job.
package enum ScheduleRemove: RPCMethod {
    package typealias Params = ScheduleJobRef
    package typealias Result = OK
    package static let name = "schedule.remove"
    package static let summary = "删除定时任务（已发布的通知保留）"
}

/// Upcoming times, in the job's or the rule's zone.
package struct FireTimes: Codable, Sendable {
    /// ISO 8601 with the zone's offset, earliest first.
    package var times: [String]
    /// Creates the list.
    package init(times: [String]) { self.times = times }
}

/// `schedule.next`: when a job fires next.
package enum ScheduleNext: RPCMethod {
    /// Which job, how many times.
    package struct Params: Codable, Sendable {
        /// The job's number.
        package var job: Int64
        /// How many (1..100, default 12).
        package var count: Int?
        /// Creates the parameters.
        package init(job: Int64, count: Int? = nil) {
            self.job = job
            self.count = count
        }
    }
    package typealias Result = FireTimes
    package static let name = "schedule.next"
    package static let summary = "定时任务今后的触发时间"
}

/// `schedule.preview`: when a rule would fire, before adding a job with it.
package enum SchedulePreview: RPCMethod {
    /// The rule, its zone, how many times.
    package struct Params: Codable, Sendable {
        /// The rule, as `schedule.add` takes it.
        package var rule: String
        /// The IANA zone (default the daemon's).
        package var zone: String?
        /// How many (1..100, default 12).
        package var count: Int?
        /// Creates the parameters.
        package init(rule: String, zone: String? = nil, count: Int? = nil) {
            self.rule = rule
            self.zone = zone
            self.count = count
        }
    }
    package typealias Result = FireTimes
    package static let name = "schedule.preview"
    package static let summary = "预览规则今后的触发时间"
}
