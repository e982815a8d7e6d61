import Core
import Domain
import Foundation
import Store

/// The personal links a notice's messages carry when the member pages are served at a public address. Links
/// are made at send time, through the core (which alone holds the key): a message delayed by quiet hours or
/// retries still gets its full lifetime, a resent notice gets fresh links, and no token is ever stored.
extension DeliveryWorker {
    /// Most members whose links a group's robot message lists. Past it the list would bury the notice in a
    /// chat, so the message sends members to their e-mail or the console instead.
    package static let groupLinkLimit = 30

    /// The text added to the message of `delivery`, or nil: the member's own link in their e-mail; in a members'
    /// group robot message, the links of the group's addressed members when they are few, else a pointer.
    func linkText(for delivery: DueDelivery) async -> String? {
        // Without a public base, messages carry no links: spare every delivery the lookup below.
        guard delivery.entry.purpose == .notice, core.links.messageBase != nil else { return nil }
        let noticeID = delivery.notice.id
        // An activity's invitation links to the activity, where the member answers.
        let subject = (try? await core.linkSubject(ofNotice: noticeID)) ?? .notice(noticeID)
        let action =
            if case .activity = subject { "确认参加或请假" } else if delivery.notice.ackRequired { "登记已阅、确认收到" } else {
                "登记已阅"
            }
        if let memberID = delivery.entry.memberID {
            guard let url = core.messageLink(memberID: memberID, noticeID: noticeID, subject: subject) else {
                return nil
            }
            return "\n\n——\n您的个人链接（查看详情及附件、\(action)；仅限本人使用，请勿转发）：\n\(url)\n"
        }
        switch delivery.channel.kind {
        case .wecom, .dingtalk, .feishu:
            guard delivery.channel.audience == .members,
                let group = try? await core.groupLinks(
                    noticeID: noticeID,
                    subject: subject,
                    channelOrgID: delivery.channel.orgID,
                    limit: Self.groupLinkLimit
                )
            else { return nil }
            guard let links = group.links else { return "\n\n请登录或查看邮件中的个人链接。" }
            guard !links.isEmpty else { return nil }
            let lines = links.map { "- [\($0.name)](\($0.url))" }.joined(separator: "\n")
            return "\n\n个人链接（\(action)；仅限本人使用）：\n\(lines)"
        case .webhook, .smtp:
            return nil
        }
    }
}
