import Domain
import Foundation
import Store

/// What one collection removed.
package struct AttachmentCollection: Sendable, Equatable {
    /// Upload claims that expired (whether or not their content was linked since).
    package var expiredUploads = 0
    /// Contents (row and file) that nothing referred to any more.
    package var removedContents = 0
    /// Files on disk without a row: left by a crash between a row's deletion and its file's.
    package var removedOrphanFiles = 0

    /// Nothing removed.
    package init() {}
}

extension PartyCore {
    /// Collects what nothing refers to: upload claims older than `age` seconds, then content with neither a
    /// link nor a fresh claim (uploads never linked, and content whose last link is gone), row first in one
    /// audited transaction and file after it, and finally any content file that has no row. Crash-safe: a crash
    /// after the transaction leaves files without rows, which the next collection removes. Content a finishing
    /// upload is storing at the same moment is left for the next round.
    package func collectUnreferencedAttachments(
        olderThan age: TimeInterval,
        by principal: Principal = .daemon
    ) async throws -> AttachmentCollection {
        let found = try await read(.attachmentCollect, by: principal) { op in
            let cutoff = op.time.instant.addingTimeInterval(-age)
            return (op.time.instant, cutoff, try op.tx.unreferencedAttachments(claimedBefore: cutoff))
        }
        // Uploads abandoned mid-way lose their spool files even if nobody calls the upload methods again.
        await attachments.expireIdle(now: found.0)
        let cutoff = found.1
        var reserved: [StoredAttachment] = []
        for attachment in found.2 where await attachments.tryReserve(attachment.sha256) { reserved.append(attachment) }
        let held = reserved
        var collection = AttachmentCollection()
        let deleted: [String]
        do {
            (collection.expiredUploads, deleted) = try await write(.attachmentCollect, by: principal) { op in
                let expired = try op.tx.removeAttachmentUploads(claimedBefore: cutoff)
                let deleted = try op.tx.deleteUnreferencedAttachments(held.map(\.id), claimedBefore: cutoff)
                guard expired > 0 || !deleted.isEmpty else { return .unchanged((expired, deleted)) }
                return Change(
                    (expired, deleted),
                    audit: op.audit(
                        target: "附件",
                        orgID: nil,
                        summary: "清理附件：过期的上传 \(expired) 个，删除无人引用的文件 \(deleted.count) 个"
                    )
                )
            }
        } catch {
            for attachment in held { await attachments.release(attachment.sha256) }
            throw error
        }
        for digest in deleted where (try? attachments.blobs.remove(digest)) != nil { collection.removedContents += 1 }
        for attachment in held { await attachments.release(attachment.sha256) }
        collection.removedOrphanFiles = try await removeOrphanFiles(by: principal)
        return collection
    }

    /// Removes content files that no row names; returns how many.
    private func removeOrphanFiles(by principal: Principal) async throws -> Int {
        let onDisk = attachments.blobs.storedDigests()
        guard !onDisk.isEmpty else { return 0 }
        let known = try await read(.attachmentCollect, by: principal) { op in try op.tx.storedDigests(among: onDisk) }
        var candidates: [String] = []
        for digest in onDisk where !known.contains(digest) {
            // A finishing upload holds its digest from before its file appears until its row is committed.
            if await attachments.tryReserve(digest) { candidates.append(digest) }
        }
        guard !candidates.isEmpty else { return 0 }
        let held = candidates
        // Asked again now that they are held: a row committed in between keeps its file.
        let stillKnown = try? await read(.attachmentCollect, by: principal) { op in
            try op.tx.storedDigests(among: held)
        }
        var removed = 0
        for digest in held {
            if let stillKnown, !stillKnown.contains(digest), (try? attachments.blobs.remove(digest)) != nil {
                removed += 1
            }
            await attachments.release(digest)
        }
        return removed
    }
}
