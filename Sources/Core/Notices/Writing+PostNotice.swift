import Domain
import Foundation
import Store

/// What posting a notice wrote: the view to return, the publishing organization and the audit's sentence.
struct PostedNotice {
    /// The notice as shown.
    var view: NoticeView
    /// The publishing organization's id, for the audit entry.
    var orgID: Int64
    /// The audit's summary.
    var summary: String
}

extension Writing {
    /// Posts a notice inside the calling operation's transaction, as `author`: reads and checks the fields,
    /// creates it (scheduled, or published with its recipients and outbox rows), links its attachments. Shared by
    /// `notice.post` and by timed jobs, which post as the account that created them.
    func postNotice(
        _ fields: NoticeFields,
        author: String,
        zone: TimeZone,
        limits: AttachmentLimits
    ) throws -> PostedNotice {
        let draft = try NoticeDraft(fields, zone: zone, now: time.instant)
        let org = try OrgLookup.require(fields.org, field: "org", in: tx)
        try OrgRules.requireActive(org, field: "org")
        let memberIDs = try PartyCore.namedMembers(fields.members ?? [], of: org, in: tx)
        var notice = try tx.createNotice(
            NewNotice(
                notice: draft.notice(org: org.id, author: author, now: time.instant),
                orgPath: org.path,
                namedMemberIDs: memberIDs
            )
        )
        let files = try linkAttachments(fields.attachments ?? [], to: .notice(notice.id), limits: limits, zone: zone)
        if notice.state == .published { notice = try tx.releaseNotice(notice, orgPath: org.path) }
        var view = PartyCore.view(notice, org: org, zone: zone)
        view.attachments = files
        var summary =
            notice.state == .scheduled
            ? "定时发布\(draft.kind.rawValue)“\(view.title)”于 \(view.publishedAt)，对象：\(view.audience)"
            : "发布\(draft.kind.rawValue)“\(view.title)”，对象：\(view.audience)，共 \(notice.recipientCount) 人"
        if !files.isEmpty { summary += "，附件：" + files.map { "“\($0.name)”" }.joined(separator: "、") }
        return PostedNotice(view: view, orgID: org.id, summary: summary)
    }
}
