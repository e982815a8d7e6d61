import Domain
import Foundation
import Store

/// Attaching uploaded files to records, and listing a record's attachments. Publishing a notice links its
/// attachments inside its own transaction through ``Writing/linkAttachments(_:to:limits:zone:)``; the
/// operations here do the same for a record that already exists.
extension PartyCore {
    /// Links uploaded attachments to `owner`, which the caller must be allowed to change, in one audited
    /// transaction; returns the attachments linked.
    package func linkAttachments(
        _ refs: [AttachmentRef],
        to owner: AttachmentOwner,
        by principal: Principal
    ) async throws -> [AttachmentView] {
        let limits = attachments.limits
        let zone = timeZone
        return try await write(.attachmentLink, by: principal, targets: [owner.scopeTarget]) { op in
            let orgID = try Self.ownerOrganization(owner, in: op.tx)
            let linked = try op.linkAttachments(refs, to: owner, limits: limits, zone: zone)
            guard !linked.isEmpty else { return .unchanged(linked) }
            return Change(
                linked,
                audit: op.audit(
                    target: owner.label,
                    orgID: orgID,
                    summary: "为\(owner.label)添加附件：" + linked.map { "“\($0.name)”" }.joined(separator: "、")
                )
            )
        }
    }

    /// `attachment.list`: the attachments of `owner`, a record the caller sees, in their order.
    package func attachments(of owner: AttachmentOwner, by principal: Principal) async throws -> [AttachmentView] {
        let zone = timeZone
        return try await read(.attachmentList, by: principal) { op in
            guard try AttachmentAccess.sees(owner, op.caller, in: op.tx) else {
                throw AttachmentAccess.concealed(owner)
            }
            return try Self.attachmentViews(of: owner, in: op.tx, zone: zone)
        }
    }

    /// The attachments of `owner` in their order, for an operation that has already established that its
    /// caller sees the owner (such as `notice.show`).
    static func attachmentViews(
        of owner: AttachmentOwner,
        in tx: any StoreReader,
        zone: TimeZone
    ) throws -> [AttachmentView] {
        try tx.attachmentLinks(owner: owner).map { link in
            guard let attachment = try tx.attachment(id: link.attachmentID) else {
                throw AttachmentAccess.concealed(link.attachmentID)
            }
            return AttachmentAccess.view(attachment, name: link.name, tag: link.tag, zone: zone)
        }
    }

    /// The organization `owner` belongs to, for the audit entry; "not found" when it does not exist.
    static func ownerOrganization(_ owner: AttachmentOwner, in tx: any StoreReader) throws -> Int64 {
        switch owner {
        case .notice(let id): try requireNotice(id, in: tx).orgID
        case .activity(let id): try requireActivity(id, in: tx).orgID
        }
    }
}

extension Writing {
    /// Links the uploaded attachments `refs` to `owner`, after those it already has, inside the calling
    /// operation's transaction (its audit note should mention them). Each must exist and be the caller's own
    /// upload or already visible to the caller through another record; the record may then carry at most
    /// `limits.maxPerRecord`. A name given is validated (path components dropped), else the upload's name is
    /// kept. Returns the attachments linked, in order.
    func linkAttachments(
        _ refs: [AttachmentRef],
        to owner: AttachmentOwner,
        limits: AttachmentLimits,
        zone: TimeZone
    ) throws -> [AttachmentView] {
        guard !refs.isEmpty else { return [] }
        let existing = try tx.attachmentLinks(owner: owner)
        try limits.checkCount(existing.count + refs.count)
        var seen = Set(existing.map(\.attachmentID))
        var position = (existing.map(\.position).max() ?? -1) + 1
        var links: [AttachmentLinkRecord] = []
        var views: [AttachmentView] = []
        for (index, ref) in refs.enumerated() {
            let field = "attachments[\(index)]"
            let (attachment, knownName, _) = try AttachmentAccess.require(ref.attachment, caller, in: tx)
            guard seen.insert(attachment.id).inserted else {
                throw DomainError(
                    .conflict,
                    reason: "attachment.duplicate",
                    field: field,
                    message: "附件 \(attachment.id) 重复：\(owner.label)已有此附件"
                )
            }
            let name = try ref.name?.nonBlank.map { text throws(DomainError) in
                try AttachmentRules.displayName(text, field: field + ".name")
            }
            let tag = try ref.tag?.nonBlank.map { text throws(DomainError) in
                try AttachmentTag.parse(text, field: field + ".tag")
            }
            let link = AttachmentLinkRecord(
                attachmentID: attachment.id,
                owner: owner,
                name: name ?? knownName,
                tag: tag,
                position: position
            )
            position += 1
            links.append(link)
            views.append(AttachmentAccess.view(attachment, name: link.name, tag: tag, zone: zone))
        }
        try tx.insertAttachmentLinks(links)
        return views
    }
}
