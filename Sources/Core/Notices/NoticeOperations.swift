import Domain
import Foundation
import Store

/// Publishing notices and reading who received them. A member's own inbox is in `NoticeOperations+Inbox.swift`.
extension PartyCore {
    /// The largest page of notice lists and of outstanding recipients.
    package static let maximumNoticePage = 1000

    /// `notice.post`: publishes a notice now to the members of an organization (or its subtree), narrowed by
    /// category or flag; every recipient gets a row in the same transaction.
    package func postNotice(_ fields: NoticeFields, by principal: Principal) async throws -> NoticeView {
        let zone = timeZone
        return try await write(.noticePost, by: principal, targets: [.organization(code: fields.org, field: "org")]) {
            op in
            let kind = try NoticeRules.parseKind(fields.kind)
            let priority = try fields.priority?.nonBlank.map { text throws(DomainError) in
                try NoticeRules.parsePriority(text)
            }
            let category = try fields.category?.nonBlank.map { text throws(DomainError) in
                try MemberRules.parseCategory(text)
            }
            let flag = try fields.flag?.nonBlank.map { text throws(DomainError) in try MemberRules.parseFlag(text) }
            let ackDeadline = try fields.ackDeadline?.nonBlank.map { text throws(DomainError) in
                try LocalDate.parse(text, field: "ackDeadline", label: "确认期限")
            }
            let expiresOn = try fields.expiresOn?.nonBlank.map { text throws(DomainError) in
                try LocalDate.parse(text, field: "expiresOn", label: "有效期至")
            }
            let ackRequired = fields.ackRequired ?? false
            try NoticeRules.validate(
                title: fields.title,
                body: fields.body,
                ackRequired: ackRequired,
                ackDeadline: ackDeadline,
                expiresOn: expiresOn,
                today: op.time.today
            )
            let org = try OrgLookup.require(fields.org, field: "org", in: op.tx)
            try OrgRules.requireActive(org, field: "org")
            let notice = try op.tx.publishNotice(
                NewNotice(
                    notice: Notice(
                        id: 0,
                        kind: kind,
                        title: fields.title.trimmedWhitespace,
                        body: fields.body,
                        orgID: org.id,
                        subtree: fields.subtree ?? false,
                        category: category,
                        flag: flag,
                        priority: priority ?? .normal,
                        author: op.caller.userName,
                        publishedAt: op.time.instant,
                        ackRequired: ackRequired,
                        ackDeadline: ackDeadline,
                        expiresOn: expiresOn,
                        recipientCount: 0
                    ),
                    orgPath: org.path
                )
            )
            let view = Self.view(notice, org: org, zone: zone)
            return Change(
                view,
                audit: op.audit(
                    target: "通知 \(notice.id)",
                    orgID: org.id,
                    summary: "发布\(kind.rawValue)“\(view.title)”，对象：\(view.audience)，共 \(notice.recipientCount) 人"
                )
            )
        }
    }

    /// `notice.list`: notices published in the subtree of `org` (default: the caller's scope), newest first.
    package func notices(
        org: String?,
        before: Int64?,
        limit: Int?,
        by principal: Principal
    ) async throws -> [NoticeView] {
        let zone = timeZone
        return try await read(.noticeList, by: principal, targets: Self.optionalOrg(org, field: "org")) { op in
            let limit = try Self.pageSize(limit, default: 50, in: 1...Self.maximumNoticePage)
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            return try op.tx.notices(under: root, before: before, limit: limit).map { notice in
                try Self.view(notice, org: Self.organization(notice.orgID, in: op.tx), zone: zone)
            }
        }
    }

    /// `notice.show`: one notice.
    package func notice(_ id: Int64, by principal: Principal) async throws -> NoticeView {
        let zone = timeZone
        return try await read(.noticeShow, by: principal, targets: [.notice(id: id, field: "notice")]) { op in
            let notice = try Self.requireNotice(id, in: op.tx)
            return Self.view(notice, org: try Self.organization(notice.orgID, in: op.tx), zone: zone)
        }
    }

    /// `notice.receipts`: who has read (and acknowledged) a notice, per organization, and up to `limit` of the
    /// members outstanding: not yet acknowledged when acknowledgement is asked, else not yet read.
    package func noticeReceipts(_ id: Int64, limit: Int?, by principal: Principal) async throws -> NoticeReceipts {
        let zone = timeZone
        return try await read(.noticeReceipts, by: principal, targets: [.notice(id: id, field: "notice")]) { op in
            let limit = try Self.pageSize(limit, default: 100, in: 0...Self.maximumNoticePage)
            let notice = try Self.requireNotice(id, in: op.tx)
            let counts = try op.tx.noticeCounts(id)
            // Every recipient's branch is among the counted ones: each organization is read once, for both lists.
            var orgs: [Int64: Organization] = [:]
            for count in counts { orgs[count.orgID] = try op.tx.organization(id: count.orgID) }
            let organizations = counts.map { count in
                NoticeReceipts.OrgCounts(
                    orgCode: orgs[count.orgID]?.code ?? "",
                    orgName: orgs[count.orgID]?.name ?? "",
                    recipients: count.recipients,
                    read: count.read,
                    acknowledged: count.acknowledged
                )
            }
            let outstanding = try op.tx.outstandingRecipients(id, acknowledgement: notice.ackRequired, limit: limit)
            return NoticeReceipts(
                notice: Self.view(notice, org: try Self.organization(notice.orgID, in: op.tx), zone: zone),
                read: counts.reduce(0) { $0 + $1.read },
                acknowledged: counts.reduce(0) { $0 + $1.acknowledged },
                organizations: organizations.sorted { $0.orgCode < $1.orgCode },
                outstanding: outstanding.recipients.map {
                    NoticeReceipts.Outstanding(
                        memberID: $0.memberID,
                        memberName: $0.memberName,
                        orgCode: orgs[$0.orgID]?.code ?? "",
                        read: $0.readAt != nil,
                        acknowledged: $0.acknowledgedAt != nil
                    )
                },
                outstandingTotal: outstanding.total
            )
        }
    }

    /// The notice with `id`, or "not found".
    static func requireNotice(_ id: Int64, in tx: any StoreReader) throws -> Notice {
        guard let notice = try tx.notice(id: id) else {
            throw DomainError.notFound("notice", "通知 \(id) 不存在", reason: "notice.not_found")
        }
        return notice
    }

    /// The organization with `id`, which a stored notice or recipient always names.
    static func organization(_ id: Int64, in tx: any StoreReader) throws -> Organization {
        guard let org = try tx.organization(id: id) else {
            throw DomainError.notFound("org", "党组织（编号 \(id)）不存在", reason: "org.not_found")
        }
        return org
    }

    /// The protocol's view of a notice published by `org`.
    static func view(_ notice: Notice, org: Organization, zone: TimeZone) -> NoticeView {
        var audience = notice.subtree ? "\(org.name)及下级组织党员" : "\(org.name)党员"
        let narrowing = [notice.category?.rawValue, notice.flag?.rawValue].compactMap { $0 }
        if !narrowing.isEmpty { audience += "（仅" + narrowing.joined(separator: "、") + "）" }
        return NoticeView(
            id: notice.id,
            kind: notice.kind,
            title: notice.title,
            body: notice.body,
            orgCode: org.code,
            orgName: org.name,
            audience: audience,
            priority: notice.priority,
            author: notice.author,
            publishedAt: LocalTime.text(notice.publishedAt, in: zone),
            ackRequired: notice.ackRequired,
            ackDeadline: notice.ackDeadline,
            expiresOn: notice.expiresOn,
            recipients: notice.recipientCount
        )
    }
}
