import Domain
import Foundation
import PartyTesting
import Wire

/// The work the reminder rules are given, added through the real daemon's socket before the reminder phase:
/// activities (some past and never recorded, some in the next two days, some later) planned by 支部 with every
/// member invited, and notices requiring acknowledgement by tomorrow, one to a whole 区县 and a few to 乡镇.
/// The rules on members' dates (probation, birthdays) read what the roster already holds.
struct ReminderSeed {
    /// The generated city.
    var city: City
    /// Members per organization code (the branches that have none cannot plan an activity for their members).
    var membersPerOrganization: [String: Int]
    /// The daemon's zone, in which `at` and deadlines are written.
    var zone: TimeZone
    /// Connections used to plan the activities.
    static let connections = 4

    /// What was added.
    struct Outcome {
        /// Activities planned on days past (unrecorded, every invitee still unconfirmed).
        var pastActivities: Int
        /// Activities planned tomorrow or the day after.
        var soonActivities: Int
        /// Activities planned 3 to 40 days ahead.
        var laterActivities: Int
        /// Invitations (attendance rows) in all.
        var invitations: Int
        /// Notices requiring acknowledgement by tomorrow.
        var ackNotices: Int
        /// Their recipients in all.
        var ackRecipients: Int
        /// Seconds the seeding took.
        var seconds: Double
    }

    /// Creates the seed from the generated city and roster.
    init(city: City, roster: [MemberDraft], zone: TimeZone) {
        self.city = city
        self.zone = zone
        var counts: [String: Int] = [:]
        for member in roster { counts[member.orgCode, default: 0] += 1 }
        membersPerOrganization = counts
    }

    /// One activity to plan.
    private struct Plan: Sendable {
        var org: String
        var kind: ActivityKind
        var at: String
        var title: String
    }

    /// Plans the activities and publishes the notices.
    func run(_ daemon: DaemonProcess, client: RPCClient) async throws -> Outcome {
        let start = ContinuousClock.now
        let today = LocalDate.of(Date(), in: zone)
        let branches = city.branches.map { city.organizations[$0].draft.code }
            .filter { membersPerOrganization[$0, default: 0] > 0 }
        guard !branches.isEmpty else { throw BenchError("没有有党员的支部，无法为提醒规则计划活动") }
        // A tenth of the branches held a meeting in the last five weeks and have not recorded it; a twentieth
        // meet in the next two days; a twentieth later. Spread evenly over the branches, in file order.
        let past = max(1, branches.count / 10)
        let soon = max(1, branches.count / 20)
        let later = max(1, branches.count / 20)
        let kinds: [ActivityKind] = [.branchAssembly, .themeDay, .partyLecture]
        var plans: [Plan] = []
        for index in 0..<(past + soon + later) {
            let day: LocalDate
            let time: String
            if index < past {
                day = today.adding(days: -(1 + index % 35))
                time = "09:30"
            } else if index < past + soon {
                day = today.adding(days: 1 + index % 2)
                time = "14:30"
            } else {
                day = today.adding(days: 3 + index % 38)
                time = "09:00"
            }
            let kind = kinds[index % kinds.count]
            plans.append(
                Plan(
                    org: branches[(index * 7919) % branches.count],
                    kind: kind,
                    at: "\(day) \(time)",
                    title: "\(day.year) 年 \(day.month) 月\(kind.rawValue)：学习贯彻全会精神"
                )
            )
        }
        Progress.say("提醒数据：计划 \(Format.count(plans.count)) 项活动（\(Self.connections) 个连接）…")
        let invitations = try await planAll(plans, socketPath: daemon.socketPath)
        let notices = try await postNotices(client, deadline: today.adding(days: 1))
        let seconds = (ContinuousClock.now - start).seconds
        Progress.say(
            "  \(Format.duration(seconds))：\(Format.count(invitations)) 人次受邀，"
                + "\(notices.count) 份需确认的通知共 \(Format.count(notices.recipients)) 名收件人"
        )
        return Outcome(
            pastActivities: past,
            soonActivities: soon,
            laterActivities: later,
            invitations: invitations,
            ackNotices: notices.count,
            ackRecipients: notices.recipients,
            seconds: seconds
        )
    }

    /// Plans every activity over several connections; returns the invitations sent.
    private func planAll(_ plans: [Plan], socketPath: String) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for lane in 0..<Self.connections {
                group.addTask {
                    let client = try await RPCClient.connect(socketPath: socketPath)
                    do {
                        var invited = 0
                        for index in stride(from: lane, to: plans.count, by: Self.connections) {
                            let plan = plans[index]
                            let view = try await client.call(
                                ActivityPlan.self,
                                ActivityFields(
                                    org: plan.org,
                                    kind: plan.kind.rawValue,
                                    title: plan.title,
                                    at: plan.at,
                                    place: "党员活动室"
                                )
                            )
                            invited += view.counts.expected
                        }
                        await client.close()
                        return invited
                    } catch {
                        await client.close()
                        throw error
                    }
                }
            }
            return try await group.reduce(0, +)
        }
    }

    /// One notice to the first 区县 with its subtree (a few hundred branches) and one to each of three 乡镇 of
    /// other 区县, all to be acknowledged by `deadline`; returns how many and their recipients.
    private func postNotices(_ client: RPCClient, deadline: LocalDate) async throws -> (count: Int, recipients: Int) {
        guard let first = city.districts.first else { return (0, 0) }
        let district = city.organizations[first].draft.code
        let towns = city.organizations.filter { org in
            org.depth == 2 && org.draft.parentCode != district
                && (org.draft.kind == .committee || org.draft.kind == .workingCommittee)
        }
        let codes = [district] + towns.prefix(3).map(\.draft.code)
        var recipients = 0
        for code in codes {
            let notice = try await client.call(
                NoticePost.self,
                NoticeFields(
                    org: code,
                    subtree: true,
                    kind: "通知公告",
                    title: "关于报送 \(deadline.year) 年度党员信息核对结果的通知",
                    body: "请各党支部组织党员核对本人信息，并于截止日前在系统中确认收到本通知。",
                    ackRequired: true,
                    ackDeadline: deadline.description
                )
            )
            recipients += notice.recipients
        }
        return (codes.count, recipients)
    }
}
