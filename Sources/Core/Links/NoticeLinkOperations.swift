import Domain
import Foundation
import Store

/// What a member's page shows of a notice: the notice with its attachments, and what they have done with it.
package struct NoticeLinkPage: Sendable, Equatable {
    /// The notice, with its attachments.
    package var notice: NoticeView
    /// The member's name.
    package var memberName: String
    /// When they read it (ISO 8601), if they have.
    package var readAt: String?
    /// When they acknowledged it (ISO 8601), if they have.
    package var acknowledgedAt: String?
    /// Whether this link's final action has been taken through it (its forms are then gone).
    package var linkUsed: Bool
    /// When the link expires (ISO 8601).
    package var expiresAt: String
}

/// What the page's forms do.
package enum NoticeLinkAction: String, Sendable, CaseIterable {
    /// 已阅: the read receipt.
    case read
    /// 确认收到: the acknowledgement (and the read receipt, if not yet given).
    case ack
}

/// A member's personal link to a notice: the page (changes nothing), the read receipt and the acknowledgement
/// (recorded with channel `link`, audited as the member), the links carried by messages, and `notice.links`.
extension PartyCore {
    /// The page for a link to a notice; reading it changes nothing.
    package func noticeLinkPage(_ text: String) async throws -> NoticeLinkPage {
        let token = try checkLink(text)
        guard case .notice(let id) = token.subject else { throw LinkRefusal.invalid }
        let zone = timeZone
        return try await readAsLink(token, .meInbox) { op in
            let used = try op.tx.linkUse(tokenID: token.idText) != nil
            return try Self.noticePage(id, token: token, used: used, caller: op.caller, in: op.tx, zone: zone)
        }
    }

    /// Records the read receipt or the acknowledgement through a link (channel `link`), once: the link is used
    /// up by its final action (the acknowledgement when the notice asks for one, else the read receipt), and a
    /// used link changes nothing again. Returns the page as it then stands.
    package func recordNoticeLink(_ text: String, action: NoticeLinkAction) async throws -> NoticeLinkPage {
        let token = try checkLink(text)
        guard case .notice(let id) = token.subject else { throw LinkRefusal.invalid }
        let zone = timeZone
        let operation: PartyOperation = action == .ack ? .meAck : .meRead
        return try await writeAsLink(token, operation, action: action.rawValue) { op in
            _ = try Self.noticePage(id, token: token, used: false, caller: op.caller, in: op.tx, zone: zone)
            guard let memberID = op.caller.memberID, let notice = try op.tx.notice(id: id),
                let state = try op.tx.recipientState(id, memberID: memberID)
            else { throw LinkRefusal.revoked }
            let changed: Bool
            switch action {
            case .read:
                changed = state.readAt == nil
                if changed { try op.tx.markNoticeRead(id, memberID: memberID, via: .link) }
            case .ack:
                guard notice.ackRequired else { throw LinkRefusal.notApplicable }
                changed = try NoticeRules.mayAcknowledge(notice, alreadyAcknowledged: state.acknowledgedAt != nil)
                if changed { try op.tx.markNoticeAcknowledged(id, memberID: memberID, via: .link) }
            }
            let consumed = changed && (action == .ack || !notice.ackRequired)
            let page = try Self.noticePage(id, token: token, used: consumed, caller: op.caller, in: op.tx, zone: zone)
            guard changed else { return (.unchanged(page), false) }
            let done = action == .ack ? "确认收到" : "阅读"
            let audit = op.audit(
                target: "通知 \(id)",
                orgID: state.orgID,
                summary: "\(state.memberName)已通过个人链接\(done)“\(notice.title)”"
            )
            return (Change(page, audit: audit), consumed)
        }
    }

    /// `notice.links`: a fresh personal link for each recipient of a published notice (or for the one member
    /// `member` names), for administrators who pass links on by hand; an activity's invitation gives links to
    /// the activity's page (`activity links`). Audited, since each link acts as its
    /// member; the links themselves are not kept.
    package func noticeLinks(_ id: Int64, member: String?, by principal: Principal) async throws -> NoticeLinkList {
        let links = self.links
        let zone = timeZone
        return try await write(.noticeLinks, by: principal, targets: [.notice(id: id, field: "notice")]) { op in
            guard links.served, let base = links.baseURL else {
                throw DomainError(
                    .rule,
                    reason: "link.unavailable",
                    field: nil,
                    message: "未启用 HTTP 服务（partyd --http 或配置 http.address），无法生成个人链接"
                )
            }
            let notice = try Self.requireNotice(id, in: op.tx)
            guard notice.state == .published else {
                throw DomainError(.rule, reason: "notice.not_published", field: "notice", message: "通知 \(id) 未处于已发布状态")
            }
            var recipients: [NoticeRecipientState]
            if let member {
                guard let found = try op.tx.member(reference: member),
                    let state = try op.tx.recipientState(id, memberID: found.id)
                else {
                    throw DomainError.notFound("member", "党员“\(member)”不是通知 \(id) 的收件人", reason: "member.not_found")
                }
                recipients = [state]
            } else {
                recipients = try op.tx.noticeRecipients(id, under: nil, limit: Int.max).recipients
            }
            let codes = try op.tx.codes(of: Set(recipients.map(\.orgID)))
            // An activity's invitation links to the activity, where the invitee answers.
            let subject = try op.tx.activityID(invitation: id).map(LinkSubject.activity) ?? .notice(id)
            let list = recipients.map { state in
                MemberLinkView(
                    memberID: state.memberID,
                    memberName: state.memberName,
                    orgCode: codes[state.orgID] ?? "",
                    url: MemberLinks.url(
                        base: base,
                        token: links.token(memberID: state.memberID, subject: subject, now: op.time.instant)
                    )
                )
            }
            let expires = op.time.instant.addingTimeInterval(links.lifetime)
            let result = NoticeLinkList(
                notice: id,
                title: notice.title,
                expiresAt: LocalTime.text(expires, in: zone),
                links: list
            )
            let whom = member.map { "党员 \($0) 的" } ?? "\(list.count) 名收件人的"
            return Change(
                result,
                audit: op.audit(target: "通知 \(id)", orgID: notice.orgID, summary: "生成\(whom)个人链接")
            )
        }
    }

    /// The link a member's own message about notice `noticeID` carries, made now, to `subject` (default: the
    /// notice; an invitation links to its activity); nil unless pages are served at a configured public base.
    package func messageLink(memberID: Int64, noticeID: Int64, subject: LinkSubject? = nil) -> String? {
        guard let base = links.messageBase else { return nil }
        return MemberLinks.url(
            base: base,
            token: links.token(memberID: memberID, subject: subject ?? .notice(noticeID), now: clock.now())
        )
    }

    /// The members' links a group's robot message lists: those of the notice's recipients in the subtree of the
    /// channel's organization, when there are at most `limit`; `nil` links when there are more (the message
    /// then sends members to their e-mail or the console instead). Nil when links are not served publicly.
    package func groupLinks(
        noticeID: Int64,
        subject: LinkSubject? = nil,
        channelOrgID: Int64,
        limit: Int
    ) async throws -> (links: [(name: String, url: String)]?, total: Int)? {
        guard let base = links.messageBase else { return nil }
        let links = self.links
        return try await read(.deliveryAttempt, by: .daemon) { op in
            guard let org = try op.tx.organization(id: channelOrgID) else { return nil }
            let found = try op.tx.noticeRecipients(noticeID, under: org.path, limit: limit + 1)
            guard found.total <= limit else { return (nil, found.total) }
            return (
                found.recipients.map { state in
                    let token = links.token(
                        memberID: state.memberID,
                        subject: subject ?? .notice(noticeID),
                        now: op.time.instant
                    )
                    return (state.memberName, MemberLinks.url(base: base, token: token))
                },
                found.total
            )
        }
    }

    /// The page for notice `id` as the caller (the link's member) sees it, or why it cannot be shown.
    private static func noticePage(
        _ id: Int64,
        token: LinkToken,
        used: Bool,
        caller: Caller,
        in tx: any StoreReader,
        zone: TimeZone
    ) throws -> NoticeLinkPage {
        guard let memberID = caller.memberID, memberID == token.memberID, let notice = try tx.notice(id: id),
            let state = try tx.recipientState(id, memberID: memberID)
        else { throw LinkRefusal.revoked }
        guard notice.state == .published else { throw LinkRefusal.withdrawn(reason: notice.retraction?.reason ?? "") }
        var view = Self.view(notice, org: try Self.organization(notice.orgID, in: tx), zone: zone)
        view.attachments = try Self.attachmentViews(of: .notice(id), in: tx, zone: zone)
        return NoticeLinkPage(
            notice: view,
            memberName: state.memberName,
            readAt: state.readAt.map { LocalTime.text($0, in: zone) },
            acknowledgedAt: state.acknowledgedAt.map { LocalTime.text($0, in: zone) },
            linkUsed: used,
            expiresAt: LocalTime.text(Date(timeIntervalSince1970: TimeInterval(token.expiresAt)), in: zone)
        )
    }
}
