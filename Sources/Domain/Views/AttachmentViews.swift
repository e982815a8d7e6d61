/// An attachment as the protocol shows it: what the file is (by content), how large, its digest, and the
/// name it goes by where the caller sees it.
package struct AttachmentView: Codable, Sendable, Equatable {
    /// The attachment's number.
    package var id: Int64
    /// The display name: as linked to the record, or as the caller uploaded it.
    package var name: String
    /// The kind, decided from the content.
    package var kind: AttachmentKind
    /// The media type a browser is given.
    package var mimeType: String
    /// Bytes.
    package var size: Int
    /// The SHA-256 digest, 64 lowercase hexadecimal digits.
    package var sha256: String
    /// Its place in the record (通知, 会议记录, 签到表, 照片, 其他), when linked with one.
    package var tag: AttachmentTag?
    /// When the content was first stored (ISO 8601 with the zone's offset).
    package var createdAt: String
    /// Who first uploaded it.
    package var createdBy: String

    /// Creates the view.
    package init(
        id: Int64,
        name: String,
        kind: AttachmentKind,
        size: Int,
        sha256: String,
        tag: AttachmentTag? = nil,
        createdAt: String,
        createdBy: String
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        mimeType = kind.mimeType
        self.size = size
        self.sha256 = sha256
        self.tag = tag
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// An uploaded attachment to link to a record, as a request names it (for example in `notice.post`).
package struct AttachmentRef: Codable, Sendable, Equatable {
    /// The number `attachment.finish` returned.
    package var attachment: Int64
    /// The name to show in the record; defaults to the name it was uploaded with.
    package var name: String?
    /// 通知, 会议记录, 签到表, 照片 or 其他.
    package var tag: String?

    /// Creates the reference.
    package init(attachment: Int64, name: String? = nil, tag: String? = nil) {
        self.attachment = attachment
        self.name = name
        self.tag = tag
    }
}
