import Domain
import Foundation
import Store

/// Publishing notices and reading who received them. A member's own inbox is in `NoticeOperations+Inbox.swift`.
extension PartyCore {
    /// The largest page of notice lists and of outstanding recipients.
    package static let maximumNoticePage = 1000

    /// The most members a notice may name one by one.
    package static let maximumNamedMembers = 1000

    /// `notice.post`: publishes a notice to the members of an organization (or its subtree), narrowed by category
    /// or flag, or to members named one by one, and/or to the committees' groups; now (every recipient gets a row
    /// in the same transaction) or at a later time (`at`), when the daemon releases it.
    package func postNotice(_ fields: NoticeFields, by principal: Principal) async throws -> NoticeView {
        let zone = timeZone
        let named = fields.members ?? []
        guard named.count <= Self.maximumNamedMembers else {
            throw DomainError.invalid("members", "指定党员最多 \(Self.maximumNamedMembers) 人", reason: "too_many")
        }
        let targets: [ScopeTarget] =
            [.organization(code: fields.org, field: "org")] + named.map { .member(reference: $0, field: "members") }
        let limits = attachments.limits
        defer { outboxSignal.ring() }
        return try await write(.noticePost, by: principal, targets: targets) { op in
            let posted = try op.postNotice(fields, author: op.caller.userName, zone: zone, limits: limits)
            return Change(
                posted.view,
                audit: op.audit(target: "通知 \(posted.view.id)", orgID: posted.orgID, summary: posted.summary)
            )
        }
    }

    /// The ids of the members `references` name (each once), every one on the roll and in the subtree of `org`
    /// (also the invitees an activity names).
    static func namedMembers(
        _ references: [String],
        of org: Organization,
        in tx: any StoreReader
    ) throws -> [Int64] {
        var ids: [Int64] = []
        var seen: Set<Int64> = []
        for reference in references {
            let member = try MemberLookup.require(reference, field: "members", in: tx)
            guard member.isActive else {
                throw DomainError.invalid("members", "党员“\(member.name)”已不在册", reason: "member.inactive")
            }
            let branch = try organization(member.orgID, in: tx)
            guard branch.path.isWithin(org.path) else {
                throw DomainError.invalid(
                    "members",
                    "党员“\(member.name)”不在\(org.name)或其下级组织，不能由它发送",
                    reason: "member.outside_org"
                )
            }
            if seen.insert(member.id).inserted { ids.append(member.id) }
        }
        return ids
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
            var view = Self.view(notice, org: try Self.organization(notice.orgID, in: op.tx), zone: zone)
            view.attachments = try Self.attachmentViews(of: .notice(id), in: op.tx, zone: zone)
            return view
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
                outstandingTotal: outstanding.total,
                channels: try op.tx.noticeChannelCounts(id).map {
                    ReceiptChannelCounts(channel: $0.channel, read: $0.read, acknowledged: $0.acknowledged)
                }
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
        let scope = notice.subtree ? "\(org.name)及下级组织" : org.name
        var audience =
            switch (notice.namedMembers, notice.addressees) {
            case (true, .admins), (false, .admins): "\(scope)管理员"
            case (true, .members): "\(org.name)指定党员"
            case (true, .all): "\(org.name)指定党员及管理员"
            case (false, .members): "\(scope)党员"
            case (false, .all): "\(scope)党员及管理员"
            }
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
            recipients: notice.recipientCount,
            state: notice.state,
            addressees: notice.addressees,
            retractedAt: notice.retraction.map { LocalTime.text($0.at, in: zone) },
            retractReason: notice.retraction?.reason
        )
    }
}
