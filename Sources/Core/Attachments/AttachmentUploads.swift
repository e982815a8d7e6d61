import Crypto
import Domain
import Foundation
import Store

#if canImport(Glibc)
import Glibc
#endif

/// Attachment uploads in progress, and the file store they end in. A file arrives in numbered chunks, each
/// appended at once to an owner-only spool file and fed to a running SHA-256: an upload costs disk, never the
/// daemon's memory. Nothing is visible until `attachment.finish` succeeds; a session idle too long, aborted or
/// refused takes its spool file with it.
///
/// It also serializes, per digest, the two things that must not interleave: a finished upload moving its file
/// into place and recording it, and the collector deleting that same content (see ``reserve(_:)``).
package actor AttachmentUploads {
    /// Open sessions one principal may hold.
    package static let maxSessionsPerPrincipal = 4
    /// Open sessions across everyone.
    package static let maxSessions = 32
    /// Seconds a session may go without receiving data before it is dropped; empty chunks do not count.
    package static let idleLimit: TimeInterval = 15 * 60

    /// Where the bytes live.
    package nonisolated let blobs: BlobStore
    /// Size and count limits.
    package nonisolated let limits: AttachmentLimits
    /// The largest chunk accepted, in bytes before Base64.
    package nonisolated let maxChunkBytes: Int

    /// An upload in progress.
    private struct Session {
        let owner: Principal
        let name: String
        let declaredSize: Int
        let path: String
        let descriptor: Int32
        var received = 0
        var nextSequence = 0
        var hasher = SHA256()
        var touched: Date
    }

    /// An upload whose bytes have all arrived: its spool file stays until it is promoted or discarded.
    package struct Finished: Sendable {
        /// The spool file.
        package let path: String
        /// The name given at `attachment.begin`.
        package let name: String
        /// The size declared at `attachment.begin`.
        package let declaredSize: Int
        /// The bytes received.
        package let size: Int
        /// Their SHA-256, lowercase hexadecimal.
        package let sha256: String
    }

    private var sessions: [String: Session] = [:]
    private var reserved: Set<String> = []
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Creates the registry over `blobs` (whose spool it owns).
    package init(blobs: BlobStore, limits: AttachmentLimits = .standard, maxChunkBytes: Int = 256 * 1024) {
        self.blobs = blobs
        self.limits = limits
        self.maxChunkBytes = maxChunkBytes
    }

    /// Opens a session for `owner` to send a file of `size` bytes called `name` (already validated).
    func begin(owner: Principal, name: String, size: Int, now: Date) throws -> String {
        expire(now: now)
        try limits.checkDeclared(size)
        guard sessions.values.filter({ $0.owner == owner }).count < Self.maxSessionsPerPrincipal else {
            throw DomainError(
                .rule,
                reason: "attachment.too_many_uploads",
                message: "未完成的附件上传过多（最多 \(Self.maxSessionsPerPrincipal) 个），请先完成或等待其过期（空闲 15 分钟）"
            )
        }
        guard sessions.count < Self.maxSessions else {
            throw DomainError(
                .rule,
                reason: "attachment.busy",
                message: "partyd 上同时进行的附件上传已达上限（\(Self.maxSessions) 个），请稍后再试"
            )
        }
        let spool: (path: String, descriptor: Int32)
        do {
            spool = try blobs.createSpoolFile()
        } catch {
            throw Self.storageFailure(error)
        }
        let id = UUID().uuidString.lowercased()
        sessions[id] = Session(
            owner: owner,
            name: name,
            declaredSize: size,
            path: spool.path,
            descriptor: spool.descriptor,
            touched: now
        )
        return id
    }

    /// Appends chunk `sequence` to the spool file; returns the bytes received so far. A chunk that would pass
    /// the declared size ends the upload.
    func append(upload id: String, owner: Principal, sequence: Int, bytes: [UInt8], now: Date) throws -> Int {
        let session = try lookup(id, owner: owner, now: now)
        guard sequence == session.nextSequence else {
            throw DomainError.invalid(
                "sequence",
                "分段序号应为 \(session.nextSequence)，收到 \(sequence)",
                reason: "attachment.sequence"
            )
        }
        guard bytes.count <= maxChunkBytes else {
            throw DomainError.invalid(
                "data",
                "分段过大（\(bytes.count) 字节，上限 \(maxChunkBytes)）",
                reason: "attachment.chunk_too_large"
            )
        }
        guard session.received + bytes.count <= session.declaredSize else {
            drop(id)
            throw DomainError.invalid(
                "data",
                "收到的数据超过声明的文件大小（\(session.declaredSize) 字节），上传已取消",
                reason: "attachment.overrun"
            )
        }
        do {
            try BlobStore.append(bytes, to: session.descriptor)
        } catch {
            drop(id)
            throw Self.storageFailure(error)
        }
        sessions[id]?.hasher.update(data: bytes)
        sessions[id]?.received += bytes.count
        sessions[id]?.nextSequence += 1
        // Only data keeps a session alive: a client sending empty chunks cannot hold a slot forever.
        if !bytes.isEmpty { sessions[id]?.touched = now }
        return session.received + bytes.count
    }

    /// Ends the session `id` and hands over its spool file, which the caller promotes or ``discard(_:)``s.
    func take(upload id: String, owner: Principal, now: Date) throws -> Finished {
        let session = try lookup(id, owner: owner, now: now)
        sessions[id] = nil
        close(session.descriptor)
        return Finished(
            path: session.path,
            name: session.name,
            declaredSize: session.declaredSize,
            size: session.received,
            sha256: session.hasher.finalize().map { String(format: "%02x", $0) }.joined()
        )
    }

    /// Drops the session `id` and its spool file.
    func abort(upload id: String, owner: Principal, now: Date) throws {
        _ = try lookup(id, owner: owner, now: now)
        drop(id)
    }

    /// Removes a spool file that will not be stored.
    nonisolated func discard(_ path: String) {
        unlink(path)
    }

    /// Waits until no one else holds `digest`, then holds it until ``release(_:)``.
    func reserve(_ digest: String) async {
        while reserved.contains(digest) {
            await withCheckedContinuation { waiters[digest, default: []].append($0) }
        }
        reserved.insert(digest)
    }

    /// Holds `digest` if no one else does; returns whether it is now held (the collector skips busy content).
    func tryReserve(_ digest: String) -> Bool {
        reserved.insert(digest).inserted
    }

    /// Lets go of `digest` and wakes whoever waits for it.
    func release(_ digest: String) {
        reserved.remove(digest)
        for waiter in waiters.removeValue(forKey: digest) ?? [] { waiter.resume() }
    }

    private func lookup(_ id: String, owner: Principal, now: Date) throws -> Session {
        expire(now: now)
        guard let session = sessions[id], session.owner == owner else {
            throw DomainError.notFound("upload", "附件上传 \(id) 不存在或已过期（空闲超过 15 分钟）", reason: "attachment.no_upload")
        }
        return session
    }

    /// Drops the sessions idle for ``idleLimit`` or longer, with their spool files.
    func expireIdle(now: Date) {
        expire(now: now)
    }

    private func expire(now: Date) {
        for (id, session) in sessions where now.timeIntervalSince(session.touched) >= Self.idleLimit { drop(id) }
    }

    private func drop(_ id: String) {
        guard let session = sessions.removeValue(forKey: id) else { return }
        close(session.descriptor)
        unlink(session.path)
    }

    /// A file-store failure as the caller is told it.
    static func storageFailure(_ error: BlobError) -> DomainError {
        DomainError(.rule, reason: "attachment.storage", message: "\(error)，上传已取消")
    }
}
