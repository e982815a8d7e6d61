import Domain
import Foundation
import Store

/// A piece of a stored attachment, as `attachment.download` returns it.
package struct AttachmentChunk: Sendable, Equatable {
    /// The attachment.
    package var attachment: StoredAttachment
    /// Where the piece starts.
    package var offset: Int
    /// The bytes (none at the end of the file).
    package var bytes: [UInt8]
}

/// Uploading attachments in chunks and reading them back. An upload is held by ``AttachmentUploads`` until
/// `attachment.finish` checks it (the client's SHA-256, the kind decided from the content, that kind's size
/// limit), moves the file into the content-addressed store and records it, in one audited transaction.
extension PartyCore {
    /// `attachment.begin`: opens an upload of a file of `size` bytes to be called `name` (path components
    /// dropped); a size no kind allows is refused before any byte is sent. Returns the upload's id and the
    /// largest chunk accepted.
    package func beginAttachmentUpload(
        name: String,
        size: Int,
        by principal: Principal
    ) async throws -> (upload: String, maxChunkBytes: Int) {
        let now = try await authorizeAttachmentUpload(by: principal)
        let name = try AttachmentRules.displayName(name)
        let id = try await attachments.begin(owner: principal, name: name, size: size, now: now)
        return (id, attachments.maxChunkBytes)
    }

    /// `attachment.chunk`: appends chunk `sequence` (Base64 `data`) to upload `upload`; returns the bytes
    /// received so far.
    package func appendAttachmentChunk(
        _ upload: String,
        sequence: Int,
        data: String,
        by principal: Principal
    ) async throws -> Int {
        let now = try await authorizeAttachmentUpload(by: principal)
        guard let bytes = Data(base64Encoded: data) else {
            throw DomainError.invalid("data", "分段数据不是有效的 Base64 编码", reason: "attachment.invalid_data")
        }
        return try await attachments.append(
            upload: upload,
            owner: principal,
            sequence: sequence,
            bytes: Array(bytes),
            now: now
        )
    }

    /// `attachment.abort`: drops upload `upload` and its spooled bytes.
    package func abortAttachmentUpload(_ upload: String, by principal: Principal) async throws {
        let now = try await authorizeAttachmentUpload(by: principal)
        try await attachments.abort(upload: upload, owner: principal, now: now)
    }

    /// `attachment.finish`: ends upload `upload`, whose bytes must all have arrived and hash to `sha256`;
    /// decides the kind from the content, checks that kind's size limit, stores the file under its digest (once,
    /// however often it is uploaded) and records it as the caller's upload. Any refusal removes the spooled
    /// bytes and leaves nothing behind.
    package func finishAttachmentUpload(
        _ upload: String,
        sha256: String,
        by principal: Principal
    ) async throws -> AttachmentView {
        let now = try await authorizeAttachmentUpload(by: principal)
        let expected = sha256.trimmedWhitespace.lowercased()
        guard AttachmentRules.isDigest(expected) else {
            throw DomainError.invalid("sha256", "sha256 应为 64 位十六进制数字", reason: "attachment.invalid_digest")
        }
        let finished = try await attachments.take(upload: upload, owner: principal, now: now)
        let kind: AttachmentKind
        do {
            kind = try checkFinished(finished, expected: expected)
        } catch {
            attachments.discard(finished.path)
            throw error
        }
        let digest = finished.sha256
        await attachments.reserve(digest)
        do {
            let storedNew: Bool
            do {
                storedNew = try attachments.blobs.promote(spool: finished.path, as: digest)
            } catch {
                throw AttachmentUploads.storageFailure(error)
            }
            do {
                let view = try await recordUpload(finished, kind: kind, by: principal)
                await attachments.release(digest)
                return view
            } catch {
                // A file stored for a row that was never written is taken back at once (the collector would
                // find it too).
                if storedNew { try? attachments.blobs.remove(digest) }
                throw error
            }
        } catch {
            attachments.discard(finished.path)
            await attachments.release(digest)
            throw error
        }
    }

    /// `attachment.show`: an attachment the caller uploaded or sees through a record it is linked to.
    package func attachment(_ id: Int64, by principal: Principal) async throws -> AttachmentView {
        let zone = timeZone
        return try await read(.attachmentShow, by: principal) { op in
            let (attachment, name, tag) = try AttachmentAccess.require(id, op.caller, in: op.tx)
            return AttachmentAccess.view(attachment, name: name, tag: tag, zone: zone)
        }
    }

    /// `attachment.download`: up to `length` bytes (at most the chunk size, which is the default) of an
    /// attachment the caller may see, from `offset`.
    package func downloadAttachment(
        _ id: Int64,
        offset: Int,
        length: Int?,
        by principal: Principal
    ) async throws -> AttachmentChunk {
        let maxChunk = attachments.maxChunkBytes
        let length = length ?? maxChunk
        guard (1...maxChunk).contains(length) else {
            throw DomainError.invalid("length", "length 应在 1-\(maxChunk) 之间", reason: "attachment.invalid_range")
        }
        let attachment = try await read(.attachmentDownload, by: principal) { op in
            try AttachmentAccess.require(id, op.caller, in: op.tx).attachment
        }
        guard (0...attachment.size).contains(offset) else {
            throw DomainError.invalid(
                "offset",
                "offset 应在 0-\(attachment.size) 之间（文件共 \(attachment.size) 字节）",
                reason: "attachment.invalid_range"
            )
        }
        let bytes: [UInt8]
        do {
            bytes = try attachments.blobs.read(
                at: attachments.blobs.path(of: attachment.sha256),
                offset: offset,
                length: min(length, attachment.size - offset)
            )
        } catch {
            // Collected between the check and the read: it is gone, as for anyone else.
            throw AttachmentAccess.concealed(id)
        }
        return AttachmentChunk(attachment: attachment, offset: offset, bytes: bytes)
    }

    /// Whether `principal` may upload attachments (only writers may); returns the instant, for the upload's
    /// idle timer.
    func authorizeAttachmentUpload(by principal: Principal) async throws -> Date {
        try await read(.attachmentUpload, by: principal) { op in op.time.instant }
    }

    /// The kind of a finished upload, once it is complete, matches `expected` and is within its kind's limit.
    private func checkFinished(_ finished: AttachmentUploads.Finished, expected: String) throws -> AttachmentKind {
        guard finished.size == finished.declaredSize else {
            throw DomainError.invalid(
                "upload",
                "上传不完整：声明 \(finished.declaredSize) 字节，只收到 \(finished.size) 字节，上传已取消",
                reason: "attachment.incomplete"
            )
        }
        guard finished.sha256 == expected else {
            throw DomainError.invalid(
                "sha256",
                "校验失败：收到的文件 SHA-256 为 \(finished.sha256)，与给出的 \(expected) 不符，上传已取消",
                reason: "attachment.digest_mismatch"
            )
        }
        let blobs = attachments.blobs
        let head: [UInt8]
        let tail: [UInt8]
        do {
            head = try blobs.read(at: finished.path, offset: 0, length: AttachmentSniffer.headLength)
            let tailStart = max(0, finished.size - AttachmentSniffer.tailLength)
            tail = try blobs.read(at: finished.path, offset: tailStart, length: AttachmentSniffer.tailLength)
        } catch {
            throw AttachmentUploads.storageFailure(error)
        }
        let kind = try AttachmentSniffer.sniff(head: head, tail: tail, size: finished.size)
        try attachments.limits.check(finished.size, kind: kind)
        return kind
    }

    /// Records the stored file and the caller's claim on it, audited.
    private func recordUpload(
        _ finished: AttachmentUploads.Finished,
        kind: AttachmentKind,
        by principal: Principal
    ) async throws -> AttachmentView {
        let zone = timeZone
        return try await write(.attachmentFinish, by: principal) { op in
            let (attachment, isNew) = try op.tx.recordAttachmentUpload(
                sha256: finished.sha256,
                size: finished.size,
                kind: kind,
                name: finished.name,
                by: principal
            )
            let size = AttachmentLimits.megabytes(attachment.size)
            return Change(
                AttachmentAccess.view(attachment, name: finished.name, tag: nil, zone: zone),
                audit: op.audit(
                    target: "附件 \(attachment.id)",
                    orgID: nil,
                    summary: "上传附件“\(finished.name)”（\(attachment.kind.label)，\(size)）"
                        + (isNew ? "" : "，内容与已存文件相同，未重复保存")
                )
            )
        }
    }
}
