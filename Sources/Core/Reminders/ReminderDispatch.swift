import Domain
import Foundation
import Store

/// What one pass of sending reminders did.
package struct ReminderDispatchOutcome: Sendable, Equatable {
    /// Reminders handed to the delivery path.
    package var sent = 0
    /// Notices that carried them.
    package var notices = 0
    /// Reminders that had nowhere to go at all.
    package var undeliverable = 0

    /// Nothing sent.
    package init() {}
}

/// Sending the reminders that are due, as the daemon, in one transaction: each digest or message becomes a
/// system notice (published with its outbox rows, so the delivery path's guarantees hold) and its reminders are
/// marked sent with it. A crash before the commit sends nothing and loses nothing; one after has sent each once.
///
/// Routing: a member's reminder goes to their inbox (and e-mail); one for those who still owe an answer goes to
/// the inboxes (and e-mail) of those who, at that moment, still do. An organization's administrators get one
/// digest a day in the committee's groups and by e-mail (its org-admin accounts' addresses, through the nearest
/// mail server); an organization with neither gets it in its members' groups; one with
/// neither has its reminders reported to the system administrators, whose own digest goes to the committee
/// groups of the top-level organizations. Only when those do not exist either is a reminder marked undeliverable.
extension PartyCore {
    /// The most reminders sent in one pass; the rest go in the next (a few seconds later).
    static let reminderBatch = 20_000
    /// The most lines shown in one digest; the rest are counted and left to `reminder list`.
    static let digestLines = 60

    /// Sends what is due now (and, with `forceRule`, that rule's waiting reminders whatever the digest time).
    @discardableResult
    package func dispatchReminders(
        forceRule: String? = nil,
        by principal: Principal = .daemon,
        as operation: PartyOperation = .reminderScan
    ) async throws -> ReminderDispatchOutcome {
        let digestMinute = reminders.settings.digestMinute
        // A snapshot first, so that the loop's frequent passes with nothing to send take no write lock.
        let anyDue = try await read(operation, by: principal) { op in
            try op.tx.waitingReminders(limit: Self.reminderBatch).contains { reminder in
                reminder.finding.key.rule == forceRule
                    || ReminderTiming.isDue(
                        reminder,
                        now: op.time.instant,
                        zone: op.time.zone,
                        digestMinute: digestMinute
                    )
            }
        }
        guard anyDue else { return ReminderDispatchOutcome() }
        let outcome = try await write(operation, by: principal) { op in
            let now = op.time.instant
            let due = try op.tx.waitingReminders(limit: Self.reminderBatch).filter { reminder in
                if let until = reminder.snoozedUntil, until > now { return false }
                return reminder.finding.key.rule == forceRule
                    || ReminderTiming.isDue(reminder, now: now, zone: op.time.zone, digestMinute: digestMinute)
            }
            guard !due.isEmpty else { return .unchanged(ReminderDispatchOutcome()) }
            var outcome = ReminderDispatchOutcome()
            var routes: [ReminderRoute: Int] = [:]
            var system: [(reminder: Reminder, prefix: String)] = []

            let members = due.filter { $0.finding.audience == .member }
            let grouped = Dictionary(grouping: members) { MemberGroupKey($0.finding) }
            for key in grouped.keys.sorted(by: { $0.order < $1.order }) {
                let group = grouped[key] ?? []
                guard let first = group.first, let orgID = first.finding.orgID,
                    let org = try op.tx.organization(id: orgID)
                else { continue }
                let notice = try op.tx.publishReminderNotice(
                    Self.reminderNotice(group, org: org.id, now: now),
                    orgPath: org.path,
                    memberIDs: group.compactMap(\.finding.memberID),
                    channels: nil,
                    mailAdministrators: false
                )
                try op.tx.markReminders(group.map(\.id), state: .sent, noticeID: notice.id, route: .inbox)
                outcome.sent += group.count
                outcome.notices += 1
                routes[.inbox, default: 0] += group.count
            }

            // Those who still owe an answer, read now: whoever answered since the scan is not reminded.
            for reminder in due where reminder.finding.audience == .outstanding {
                let owing: [Int64]
                switch reminder.finding.key.outstanding {
                case .notice(let id): owing = try op.tx.unacknowledged(noticeID: id)
                case .activity(let id): owing = try op.tx.unconfirmedInvitees(of: id)
                case nil: owing = []
                }
                guard !owing.isEmpty, let orgID = reminder.finding.orgID, let org = try op.tx.organization(id: orgID)
                else {
                    // Everyone has answered: nothing to send, and nothing left to wait for.
                    try op.tx.markReminders([reminder.id], state: .sent, noticeID: nil, route: .inbox)
                    continue
                }
                let notice = try op.tx.publishReminderNotice(
                    Self.reminderNotice([reminder], org: org.id, now: now),
                    orgPath: org.path,
                    memberIDs: owing,
                    channels: nil,
                    mailAdministrators: false
                )
                try op.tx.markReminders([reminder.id], state: .sent, noticeID: notice.id, route: .inbox)
                outcome.sent += 1
                outcome.notices += 1
                routes[.inbox, default: 0] += 1
            }

            let admins = Dictionary(grouping: due.filter { $0.finding.audience == .admins }) { $0.finding.orgID ?? 0 }
            for orgID in admins.keys.sorted() {
                let group = admins[orgID] ?? []
                guard let org = try op.tx.organization(id: orgID) else { continue }
                // The administrators' own: their committee group and their e-mail; else the members' groups.
                let adminGroups = try op.tx.groupChannelCount(orgID: orgID, audience: .admins) > 0
                let mailable = try op.tx.mailableAdministrators(of: org) > 0
                let route: ReminderRoute? =
                    adminGroups || mailable
                    ? .admins : try op.tx.groupChannelCount(orgID: orgID, audience: .members) > 0 ? .members : nil
                guard let route else {
                    system += group.map { ($0, "\(org.name)（\(org.code)，无管理员群、管理员邮箱和党员群）：") }
                    continue
                }
                let notice = try op.tx.publishReminderNotice(
                    Self.reminderNotice(group, org: org.id, now: now),
                    orgPath: org.path,
                    memberIDs: [],
                    channels: route == .admins ? .admins : .members,
                    mailAdministrators: route == .admins
                )
                try op.tx.markReminders(group.map(\.id), state: .sent, noticeID: notice.id, route: route)
                outcome.sent += group.count
                outcome.notices += 1
                routes[route, default: 0] += group.count
            }

            system = due.filter { $0.finding.audience == .system }.map { ($0, "") } + system
            if !system.isEmpty {
                let targets = try op.tx.systemReminderOrgs()
                var noticeID: Int64?
                for org in targets {
                    let notice = try op.tx.publishReminderNotice(
                        Self.reminderNotice(
                            system.map(\.reminder),
                            prefixes: system.map(\.prefix),
                            org: org.id,
                            now: now
                        ),
                        orgPath: org.path,
                        memberIDs: [],
                        channels: .admins,
                        mailAdministrators: true
                    )
                    noticeID = noticeID ?? notice.id
                    outcome.notices += 1
                }
                let ids = system.map(\.reminder.id)
                if let noticeID {
                    try op.tx.markReminders(ids, state: .sent, noticeID: noticeID, route: .system)
                    outcome.sent += ids.count
                    routes[.system, default: 0] += ids.count
                } else {
                    try op.tx.markReminders(ids, state: .undeliverable, noticeID: nil, route: nil)
                    outcome.undeliverable += ids.count
                }
            }
            var summary = "发送提醒 \(outcome.sent) 项，共 \(outcome.notices) 则消息"
            let parts = ReminderRoute.allCases.compactMap { route in
                routes[route].map { "\(route.label) \($0) 项" }
            }
            if !parts.isEmpty { summary += "（" + parts.joined(separator: "，") + "）" }
            if outcome.undeliverable > 0 { summary += "；无处送达 \(outcome.undeliverable) 项（未配置顶级组织的管理员群）" }
            return Change(outcome, audit: op.audit(target: "提醒", orgID: nil, summary: summary))
        }
        if outcome.notices > 0 { outboxSignal.ring() }
        return outcome
    }

    /// A system notice carrying `reminders`: one alone under its own title; several as a digest, their lines
    /// grouped under their titles.
    static func reminderNotice(_ reminders: [Reminder], prefixes: [String]? = nil, org: Int64, now: Date) -> Notice {
        let urgent = reminders.contains { $0.finding.urgent }
        var titles: [String] = []
        var lines: [String: [String]] = [:]
        for (index, reminder) in reminders.enumerated() {
            let title = reminder.finding.title
            if lines[title] == nil { titles.append(title) }
            lines[title, default: []].append((prefixes?[index] ?? "") + reminder.finding.line)
        }
        var body: [String] = []
        var shown = 0
        for title in titles {
            let all = lines[title] ?? []
            if titles.count > 1 { body.append("【\(title)】") }
            // A member's message names the member once, not once per line.
            let distinct = reminders.first?.finding.audience == .member ? Array(Set(all)).sorted() : all
            for line in distinct where shown < digestLines {
                body.append("· " + line)
                shown += 1
            }
        }
        let total = reminders.first?.finding.audience == .member ? shown : reminders.count
        if total > shown { body.append("……另有 \(total - shown) 项，见 partyadmin reminder list") }
        let title = titles.count == 1 ? titles[0] : "每日提醒（\(reminders.count) 项）"
        return Notice(
            id: 0,
            kind: .system,
            title: title,
            body: body.joined(separator: "\n"),
            orgID: org,
            subtree: false,
            category: nil,
            flag: nil,
            priority: urgent ? .urgent : .normal,
            author: "partyd",
            publishedAt: now,
            ackRequired: false,
            ackDeadline: nil,
            expiresOn: nil,
            recipientCount: 0
        )
    }
}

/// Reminders to members that say the same thing (each member's has its own key) go in one notice to all of them.
private struct MemberGroupKey: Hashable {
    var rule: String
    var title: String
    var line: String
    var orgID: Int64?

    init(_ finding: ReminderFinding) {
        rule = finding.key.rule
        title = finding.title
        line = finding.line
        orgID = finding.orgID
    }

    var order: String { "\(rule)|\(orgID ?? 0)|\(title)|\(line)" }
}
