import Domain
import Foundation
import Store

/// Who may see an attachment: its uploader (while the upload is fresh), and whoever sees a record it is
/// linked to. For a notice that is an administrator whose scope holds the publishing organization, or a member
/// the notice was addressed to; for an activity, an administrator whose scope holds its organization, or an
/// invitee. Anyone else is told what they would be told of a number that does not exist.
enum AttachmentAccess {
    /// The attachment `id` and the name (and tag) the caller knows it by, or the concealing refusal.
    static func require(
        _ id: Int64,
        _ caller: Caller,
        in tx: any StoreReader
    ) throws -> (attachment: StoredAttachment, name: String, tag: AttachmentTag?) {
        guard let attachment = try tx.attachment(id: id) else { throw concealed(id) }
        if let upload = try tx.attachmentUpload(id, by: caller.principal) {
            return (attachment, upload.name, nil)
        }
        for link in try tx.attachmentLinks(of: id) where try sees(link.owner, caller, in: tx) {
            return (attachment, link.name, link.tag)
        }
        throw concealed(id)
    }

    /// Whether `caller` sees `owner`.
    static func sees(_ owner: AttachmentOwner, _ caller: Caller, in tx: any StoreReader) throws -> Bool {
        switch owner {
        case .notice(let id):
            guard let notice = try tx.notice(id: id) else { return false }
            if caller.isSystemAdmin { return true }
            switch caller.role {
            case .member:
                // A member sees the published notices addressed to them, not every notice of their branch, and
                // not one retracted since.
                guard let memberID = caller.memberID, notice.state == .published else { return false }
                return try tx.recipientState(id, memberID: memberID) != nil
            case .orgAdmin, .auditor:
                guard let org = try tx.organization(id: notice.orgID) else { return false }
                return Authorization.sees(org.path, caller)
            case .admin, nil:
                return false
            }
        case .activity(let id):
            guard let activity = try tx.activity(id: id) else { return false }
            if caller.isSystemAdmin { return true }
            switch caller.role {
            case .member:
                // Invitees read an activity's files (the notice, the minutes, the photos); other members do not.
                guard let memberID = caller.memberID else { return false }
                return try tx.attendance(of: id, memberID: memberID) != nil
            case .orgAdmin, .auditor:
                guard let org = try tx.organization(id: activity.orgID) else { return false }
                return Authorization.sees(org.path, caller)
            case .admin, nil:
                return false
            }
        }
    }

    /// The one refusal for an attachment that does not exist or that the caller may not see.
    static func concealed(_ id: Int64) -> DomainError {
        DomainError.notFound("attachment", "附件 \(id) 不存在或不在您的管理范围内", reason: "attachment.not_found")
    }

    /// The refusal for a record that does not exist or that the caller may not see.
    static func concealed(_ owner: AttachmentOwner) -> DomainError {
        switch owner {
        case .notice(let id):
            Authorization.concealed(.notice(id: id, field: "id"))
        case .activity(let id):
            Authorization.concealed(.activity(id: id, field: "id"))
        }
    }

    /// The protocol's view of stored content under `name`.
    static func view(
        _ attachment: StoredAttachment,
        name: String,
        tag: AttachmentTag?,
        zone: TimeZone
    )
        -> AttachmentView
    {
        AttachmentView(
            id: attachment.id,
            name: name,
            kind: attachment.kind,
            size: attachment.size,
            sha256: attachment.sha256,
            tag: tag,
            createdAt: LocalTime.text(attachment.createdAt, in: zone),
            createdBy: attachment.createdBy
        )
    }
}

extension AttachmentOwner {
    /// What a request naming this owner names, for the scope check.
    var scopeTarget: ScopeTarget {
        switch self {
        case .notice(let id): .notice(id: id, field: "id")
        case .activity(let id): .activity(id: id, field: "id")
        }
    }
}
