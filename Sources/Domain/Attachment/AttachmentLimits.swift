/// How large attachments may be and how many one record may carry. Configuration, with these defaults: photos
/// 5 MB, other files 20 MB, 10 per record.
package struct AttachmentLimits: Sendable, Equatable {
    /// The largest photo (JPEG, PNG, GIF, BMP, WebP), in bytes.
    package var photoMaxBytes: Int
    /// The largest file of any other kind, in bytes.
    package var fileMaxBytes: Int
    /// The most attachments one record (a notice, an activity) may carry.
    package var maxPerRecord: Int

    /// The defaults: 5 MB, 20 MB, 10.
    package static let standard = AttachmentLimits(photoMaxBytes: 5 << 20, fileMaxBytes: 20 << 20, maxPerRecord: 10)

    /// Creates the limits.
    package init(photoMaxBytes: Int, fileMaxBytes: Int, maxPerRecord: Int) {
        self.photoMaxBytes = photoMaxBytes
        self.fileMaxBytes = fileMaxBytes
        self.maxPerRecord = maxPerRecord
    }

    /// The largest file of any kind: what an upload may declare before its kind is known.
    package var largestFile: Int { max(photoMaxBytes, fileMaxBytes) }

    /// The largest file of `kind`.
    package func maxBytes(for kind: AttachmentKind) -> Int { kind.isPhoto ? photoMaxBytes : fileMaxBytes }

    /// Refuses a declared size that no kind allows (or that is not a size at all), before any byte is sent.
    package func checkDeclared(_ size: Int) throws(DomainError) {
        guard size > 0 else { throw DomainError.invalid("size", "文件为空", reason: "attachment.empty") }
        guard size <= largestFile else {
            throw DomainError(
                .rule,
                reason: "attachment.too_large",
                field: "size",
                message: "文件过大（\(Self.megabytes(size))），\(description)"
            )
        }
    }

    /// Refuses a file of `kind` larger than that kind's limit.
    package func check(_ size: Int, kind: AttachmentKind) throws(DomainError) {
        guard size <= maxBytes(for: kind) else {
            throw DomainError(
                .rule,
                reason: "attachment.too_large",
                field: "size",
                message: "\(kind.label)过大（\(Self.megabytes(size))），\(description)"
            )
        }
    }

    /// Refuses a record that would carry more than ``maxPerRecord`` attachments.
    package func checkCount(_ count: Int) throws(DomainError) {
        guard count <= maxPerRecord else {
            throw DomainError(
                .rule,
                reason: "attachment.too_many",
                field: "attachments",
                message: "附件过多：每条记录最多 \(maxPerRecord) 个附件，此次共 \(count) 个"
            )
        }
    }

    /// The limits in a sentence.
    package var description: String {
        "照片不超过 \(Self.megabytes(photoMaxBytes))，其他文件不超过 \(Self.megabytes(fileMaxBytes))"
    }

    /// `5 MB`, `1.3 MB`, `12 KB`: a size as people read it.
    package static func megabytes(_ bytes: Int) -> String {
        if bytes < 1 << 20 { return "\(max(1, (bytes + 1023) / 1024)) KB" }
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
