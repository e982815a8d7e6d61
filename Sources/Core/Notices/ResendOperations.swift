import Domain
import Foundation
import Store

/// Sending again: a notice to those who have not read (or acknowledged) it, and deliveries that were given up.
extension PartyCore {
    /// `notice.resend`: sends a notice again through the group channels it went through, and by e-mail to each
    /// addressed member who has not yet read it (not yet acknowledged it, when asked); returns how many messages.
    package func resendNotice(_ id: Int64, by principal: Principal) async throws -> Int {
        defer { outboxSignal.ring() }
        return try await write(.noticeResend, by: principal, targets: [.notice(id: id, field: "notice")]) { op in
            let notice = try Self.requireNotice(id, in: op.tx)
            guard notice.state == .published else {
                throw DomainError(
                    .rule,
                    reason: "notice.not_published",
                    field: "notice",
                    message: "通知 \(id) \(notice.state.label)，不能重新发送"
                )
            }
            let written = try op.tx.resendNotice(
                notice,
                mailServer: try op.tx.mailServer(of: id),
                acknowledgement: notice.ackRequired
            )
            guard written > 0 else { return .unchanged(0) }
            return Change(
                written,
                audit: op.audit(
                    target: "通知 \(id)",
                    orgID: notice.orgID,
                    summary: "重新发送“\(notice.title)”：\(written) 条"
                )
            )
        }
    }

    /// `delivery.retry`: puts given-up deliveries of channels in the subtree of `org` (default: the caller's
    /// scope) back in line, due at once with their attempts counted afresh; only `ids` when given.
    package func retryDeliveries(_ ids: [Int64]?, org: String?, by principal: Principal) async throws -> Int {
        defer { outboxSignal.ring() }
        return try await write(.deliveryRetry, by: principal, targets: Self.optionalOrg(org, field: "org")) { op in
            if let ids, ids.isEmpty || ids.count > Self.maximumNoticePage {
                throw DomainError.invalid("ids", "须给出 1 到 \(Self.maximumNoticePage) 个投递编号", reason: "invalid_ids")
            }
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            let requeued = try op.tx.requeueDeadDeliveries(ids, under: root)
            guard requeued > 0 else { return .unchanged(0) }
            return Change(
                requeued,
                audit: op.audit(
                    target: ids.map { "投递 " + $0.map(String.init).joined(separator: "、") } ?? "全部已放弃的投递",
                    orgID: nil,
                    summary: "重新投递已放弃的 \(requeued) 条"
                )
            )
        }
    }
}
