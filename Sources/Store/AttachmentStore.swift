import Domain
import Foundation

/// Stored content: one row per distinct SHA-256, whose bytes live in the ``BlobStore``.
package struct StoredAttachment: Sendable, Equatable {
    /// The attachment's number.
    package var id: Int64
    /// The SHA-256 digest, lowercase hexadecimal.
    package var sha256: String
    /// Bytes.
    package var size: Int
    /// The kind decided from the content.
    package var kind: AttachmentKind
    /// When the content was first stored.
    package var createdAt: Date
    /// Who first uploaded it (display name).
    package var createdBy: String

    /// Creates the record.
    package init(id: Int64, sha256: String, size: Int, kind: AttachmentKind, createdAt: Date, createdBy: String) {
        self.id = id
        self.sha256 = sha256
        self.size = size
        self.kind = kind
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// An uploader's claim on content that no record may link yet: it keeps the content alive until it expires.
package struct AttachmentUploadRecord: Sendable, Equatable {
    /// The content.
    package var attachmentID: Int64
    /// The name given at upload.
    package var name: String
    /// When it was (last) uploaded.
    package var uploadedAt: Date
}

/// Content attached to a record.
package struct AttachmentLinkRecord: Sendable, Equatable {
    /// The content.
    package var attachmentID: Int64
    /// The record.
    package var owner: AttachmentOwner
    /// The name shown in the record.
    package var name: String
    /// Its place in the record.
    package var tag: AttachmentTag?
    /// Its order within the record, from 0.
    package var position: Int

    /// Creates the link.
    package init(attachmentID: Int64, owner: AttachmentOwner, name: String, tag: AttachmentTag?, position: Int) {
        self.attachmentID = attachmentID
        self.owner = owner
        self.name = name
        self.tag = tag
        self.position = position
    }
}

/// Attachment reads inside a transaction.
package protocol AttachmentReader {
    /// The content numbered `id`.
    func attachment(id: Int64) throws -> StoredAttachment?
    /// The content whose digest is `sha256`.
    func attachment(sha256: String) throws -> StoredAttachment?
    /// `uploader`'s claim on content `id`, if any.
    func attachmentUpload(_ id: Int64, by uploader: Principal) throws -> AttachmentUploadRecord?
    /// Every link of content `id`, oldest record first.
    func attachmentLinks(of id: Int64) throws -> [AttachmentLinkRecord]
    /// The links of `owner`, in their order.
    func attachmentLinks(owner: AttachmentOwner) throws -> [AttachmentLinkRecord]
    /// Content with no link and no claim made at or after `cutoff`.
    func unreferencedAttachments(claimedBefore cutoff: Date) throws -> [StoredAttachment]
    /// Which of `digests` have a content row.
    func storedDigests(among digests: [String]) throws -> Set<String>
}

/// Attachment changes inside a write transaction.
package protocol AttachmentWriter {
    /// Stores content `sha256` (unless a row has it already, which is returned instead) and records
    /// `uploader`'s claim on it under `name`, made now; returns the content and whether its row is new.
    func recordAttachmentUpload(
        sha256: String,
        size: Int,
        kind: AttachmentKind,
        name: String,
        by uploader: Principal
    ) throws -> (attachment: StoredAttachment, isNew: Bool)
    /// Links content to records, made now.
    func insertAttachmentLinks(_ links: [AttachmentLinkRecord]) throws
    /// Removes every link of `owner` (a record deleted); the content is collected once nothing else holds it.
    func removeAttachmentLinks(owner: AttachmentOwner) throws -> Int
    /// Removes the claims made before `cutoff`; returns how many.
    func removeAttachmentUploads(claimedBefore cutoff: Date) throws -> Int
    /// Deletes those of `ids` that still have no link and no claim made at or after `cutoff`; returns the
    /// digests of the rows deleted, whose files the caller then removes.
    func deleteUnreferencedAttachments(_ ids: [Int64], claimedBefore cutoff: Date) throws -> [String]
}
