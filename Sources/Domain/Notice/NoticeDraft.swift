import Foundation

/// A notice as typed, read and checked: the fields' text turned into values, the publish time decided, and
/// the audience's parts checked against each other. What it cannot know (the organization, the named members)
/// the core checks against the store.
package struct NoticeDraft: Sendable, Equatable {
    /// 通知公告 or 工作动态.
    package var kind: NoticeKind
    /// The title, trimmed.
    package var title: String
    /// The body.
    package var body: String
    /// With the organization's subtree.
    package var subtree: Bool
    /// Only this category.
    package var category: MemberCategory?
    /// Only this flag.
    package var flag: MemberFlag?
    /// 普通, 重要 or 紧急.
    package var priority: NoticePriority
    /// Whether acknowledgement is asked.
    package var ackRequired: Bool
    /// The last day to acknowledge.
    package var ackDeadline: LocalDate?
    /// The last day it is current.
    package var expiresOn: LocalDate?
    /// When it goes out, if later than now.
    package var publishAt: Date?
    /// Members, administrators or both.
    package var addressees: NoticeAddressees
    /// Whether members are named one by one.
    package var namesMembers: Bool

    /// Reads `fields` at `now`, with times typed in `zone`.
    package init(_ fields: NoticeFields, zone: TimeZone, now: Date) throws(DomainError) {
        kind = try NoticeRules.parseKind(fields.kind)
        priority =
            try fields.priority?.nonBlank.map { text throws(DomainError) in
                try NoticeRules.parsePriority(text)
            } ?? .normal
        category = try fields.category?.nonBlank.map { text throws(DomainError) in
            try MemberRules.parseCategory(text)
        }
        flag = try fields.flag?.nonBlank.map { text throws(DomainError) in try MemberRules.parseFlag(text) }
        ackDeadline = try fields.ackDeadline?.nonBlank.map { text throws(DomainError) in
            try LocalDate.parse(text, field: "ackDeadline", label: "确认期限")
        }
        expiresOn = try fields.expiresOn?.nonBlank.map { text throws(DomainError) in
            try LocalDate.parse(text, field: "expiresOn", label: "有效期至")
        }
        let requested = try fields.at?.nonBlank.map { text throws(DomainError) in
            try LocalDateTime.parse(text, in: zone, field: "at", label: "发布时间")
        }
        publishAt = try NoticeLifecycle.publishTime(requested: requested, now: now)
        addressees =
            try fields.to?.nonBlank.map { text throws(DomainError) in try NoticeAddressees.parse(text) }
            ?? .members
        ackRequired = fields.ackRequired ?? false
        subtree = fields.subtree ?? false
        namesMembers = !(fields.members ?? []).isEmpty
        title = fields.title.trimmedWhitespace
        body = fields.body
        if namesMembers {
            guard !subtree, category == nil, flag == nil else {
                throw DomainError.invalid(
                    "members",
                    "指定党员时不能同时按下级组织、类别或标记选择对象",
                    reason: "audience_conflict"
                )
            }
            guard addressees.includesMembers else {
                throw DomainError.invalid("to", "指定党员时发送对象不能只是管理员", reason: "audience_conflict")
            }
        }
        if !addressees.includesMembers, category != nil || flag != nil || ackRequired {
            throw DomainError.invalid(
                "to",
                "只发给管理员的通知不能按类别、标记选择党员，也不能要求党员确认",
                reason: "audience_conflict"
            )
        }
        try NoticeRules.validate(
            title: title,
            body: body,
            ackRequired: ackRequired,
            ackDeadline: ackDeadline,
            expiresOn: expiresOn,
            today: LocalDate.of(publishAt ?? now, in: zone)
        )
    }

    /// The notice to store for organization `org`, posted by `author`: scheduled when it has a later time.
    package func notice(org: Int64, author: String, now: Date) -> Notice {
        Notice(
            id: 0,
            kind: kind,
            title: title,
            body: body,
            orgID: org,
            subtree: subtree,
            category: category,
            flag: flag,
            priority: priority,
            author: author,
            publishedAt: publishAt ?? now,
            ackRequired: ackRequired,
            ackDeadline: ackDeadline,
            expiresOn: expiresOn,
            recipientCount: 0,
            state: publishAt == nil ? .published : .scheduled,
            addressees: addressees,
            namedMembers: namesMembers
        )
    }
}
