import Domain
import Foundation
import Store

/// What every kind of member's link shares: checking the token, acting as the member on its one record only,
/// refusing a second use, and downloading the record's attachments. A kind of record (a notice; an activity to
/// come) adds its page and its actions in its own file (`NoticeLinkOperations.swift`), built on these.
extension PartyCore {
    /// The token in a link's text, once its signature and expiry hold at the clock's now.
    package func checkLink(_ text: String) throws(LinkRefusal) -> LinkToken {
        try links.verify(text, now: clock.now())
    }

    /// Reads as the link's member, authorized for `operation`; a member who has left the roll (or whose record
    /// is gone) gets ``LinkRefusal/revoked`` rather than a console's refusal.
    func readAsLink<T: Sendable>(
        _ token: LinkToken,
        _ operation: PartyOperation,
        _ body: @Sendable @escaping (Reading) throws -> T
    ) async throws -> T {
        do {
            return try await read(operation, by: .member(id: token.memberID), body)
        } catch let error as DomainError where error.kind == .forbidden || error.kind == .unauthenticated {
            throw LinkRefusal.revoked
        }
    }

    /// Writes as the link's member: a token already used is refused before anything else, and when the body
    /// says the token's final action was taken (`consumed`), its use is recorded in the same transaction, so a
    /// replay can never change anything twice.
    func writeAsLink<T: Sendable>(
        _ token: LinkToken,
        _ operation: PartyOperation,
        action: String,
        _ body: @Sendable @escaping (Writing) throws -> (change: Change<T>, consumed: Bool)
    ) async throws -> T {
        do {
            return try await write(operation, by: .member(id: token.memberID)) { op in
                guard try op.tx.linkUse(tokenID: token.idText) == nil else { throw LinkRefusal.used }
                let (change, consumed) = try body(op)
                // Nothing changed: nothing to record (and an unaudited row would roll the transaction back).
                if consumed, change.audit != nil {
                    try op.tx.recordLinkUse(
                        LinkUse(
                            tokenID: token.idText,
                            memberID: token.memberID,
                            subject: token.subject,
                            action: action,
                            usedAt: op.time.instant,
                            expiresAt: Date(timeIntervalSince1970: TimeInterval(token.expiresAt))
                        )
                    )
                }
                return change
            }
        } catch let error as DomainError where error.kind == .forbidden || error.kind == .unauthenticated {
            throw LinkRefusal.revoked
        }
    }

    /// An attachment of the link's record, as the member sees it; any other attachment is "not found".
    package func linkAttachment(_ text: String, attachment id: Int64) async throws -> AttachmentView {
        let token = try checkLink(text)
        let owner = token.subject.attachmentOwner
        let zone = timeZone
        return try await readAsLink(token, .attachmentShow) { op in
            guard try AttachmentAccess.sees(owner, op.caller, in: op.tx),
                let link = try op.tx.attachmentLinks(owner: owner).first(where: { $0.attachmentID == id }),
                let attachment = try op.tx.attachment(id: id)
            else { throw AttachmentAccess.concealed(id) }
            return AttachmentAccess.view(attachment, name: link.name, tag: link.tag, zone: zone)
        }
    }

    /// A piece of an attachment of the link's record, from `offset` (at most the chunk size); the token and
    /// the member's right to the record are checked again for every piece.
    package func linkAttachmentChunk(_ text: String, attachment id: Int64, offset: Int) async throws -> AttachmentChunk
    {
        _ = try await linkAttachment(text, attachment: id)
        let token = try checkLink(text)
        do {
            return try await downloadAttachment(id, offset: offset, length: nil, by: .member(id: token.memberID))
        } catch let error as DomainError where error.kind == .forbidden || error.kind == .unauthenticated {
            throw LinkRefusal.revoked
        }
    }
}

extension LinkSubject {
    /// The record whose attachments the link's page offers.
    var attachmentOwner: AttachmentOwner {
        switch self {
        case .notice(let id): .notice(id)
        case .activity(let id): .activity(id)
        }
    }
}
