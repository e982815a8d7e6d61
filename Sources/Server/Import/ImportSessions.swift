import Domain
import Foundation
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// Uploads in progress. A CSV file is larger than one request, so it arrives in numbered chunks, each written
/// at once to an owner-only file under the data directory: an upload costs disk, not the daemon's memory.
/// A session belongs to the principal that opened it, and is dropped (with its file) when idle too long.
actor ImportSessions {
    /// The largest chunk of text accepted; JSON escaping can at worst sextuple it, still under the 1 MiB frame.
    static let maxChunkBytes = 128 * 1024
    /// The largest file accepted (a city's roster is about 60 MB).
    static let maxFileBytes = 512 * 1024 * 1024
    /// Open sessions one principal may hold.
    static let maxSessionsPerPrincipal = 4
    /// Open sessions across everyone.
    static let maxSessions = 32
    /// Seconds a session may go without receiving data before it is dropped; empty chunks do not count.
    static let idleLimit: TimeInterval = 15 * 60

    /// An open upload.
    struct Session {
        let owner: Principal
        let kind: ImportKind
        let dryRun: Bool
        /// The spool file.
        let path: String
        /// Its descriptor, open for appending while chunks arrive.
        let descriptor: Int32
        var size = 0
        var nextSequence = 0
        /// When data last arrived.
        var touched: Date
    }

    /// A finished upload, handed to its commit: the file stays until ``discard(_:)``.
    struct Upload {
        let kind: ImportKind
        let dryRun: Bool
        let path: String
    }

    private let directory: String
    private var sessions: [String: Session] = [:]

    /// Uses `directory` (created 0700 when missing) for spool files, and removes any left by an earlier run:
    /// their sessions died with it.
    init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(
            atPath: directory,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        chmod(directory, 0o700)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            unlink((directory as NSString).appendingPathComponent(name))
        }
    }

    /// Opens a session for `owner`.
    func begin(owner: Principal, kind: ImportKind, dryRun: Bool, now: Date) throws -> String {
        expire(now: now)
        guard sessions.values.filter({ $0.owner == owner }).count < Self.maxSessionsPerPrincipal else {
            throw DomainError(
                .rule,
                reason: "import.too_many_sessions",
                field: nil,
                message: "未完成的导入过多（最多 \(Self.maxSessionsPerPrincipal) 个），请先完成或等待其过期（空闲 15 分钟）"
            )
        }
        guard sessions.count < Self.maxSessions else {
            throw DomainError(
                .rule,
                reason: "import.busy",
                field: nil,
                message: "partyd 上同时进行的导入已达上限（\(Self.maxSessions) 个），请稍后再试"
            )
        }
        let id = UUID().uuidString.lowercased()
        let path = (directory as NSString).appendingPathComponent("\(id).csv")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DomainError(
                .rule,
                reason: "import.spool",
                field: nil,
                message: "无法创建导入暂存文件：\(String(cString: strerror(errno)))"
            )
        }
        sessions[id] = Session(
            owner: owner,
            kind: kind,
            dryRun: dryRun,
            path: path,
            descriptor: descriptor,
            touched: now
        )
        return id
    }

    /// Appends chunk `sequence` to the spool file; returns the bytes received so far.
    func append(session id: String, owner: Principal, sequence: Int, text: String, now: Date) throws -> Int {
        let session = try lookup(id, owner: owner, now: now)
        guard sequence == session.nextSequence else {
            throw DomainError.invalid(
                "sequence",
                "分段序号应为 \(session.nextSequence)，收到 \(sequence)",
                reason: "import.sequence"
            )
        }
        let chunk = Array(text.utf8)
        guard chunk.count <= Self.maxChunkBytes else {
            throw DomainError.invalid(
                "text",
                "分段过大（\(chunk.count) 字节，上限 \(Self.maxChunkBytes)）",
                reason: "import.chunk_too_large"
            )
        }
        guard session.size + chunk.count <= Self.maxFileBytes else {
            drop(id)
            throw DomainError.invalid(
                "text",
                "导入文件超过 \(Self.maxFileBytes / 1024 / 1024) MB 上限，已取消",
                reason: "import.too_large"
            )
        }
        do {
            try Self.write(chunk, to: session.descriptor)
        } catch {
            drop(id)
            throw DomainError(.rule, reason: "import.spool", field: nil, message: "写入导入暂存文件失败（\(error)），已取消")
        }
        sessions[id]?.size += chunk.count
        sessions[id]?.nextSequence += 1
        // Only data keeps a session alive: a client sending empty chunks cannot hold a slot forever.
        if !chunk.isEmpty { sessions[id]?.touched = now }
        return session.size + chunk.count
    }

    /// Ends the upload of `id` for its commit; the caller reads the file and then ``discard(_:)``s it.
    func take(session id: String, owner: Principal, now: Date) throws -> Upload {
        let session = try lookup(id, owner: owner, now: now)
        sessions[id] = nil
        close(session.descriptor)
        return Upload(kind: session.kind, dryRun: session.dryRun, path: session.path)
    }

    /// Removes a committed upload's file.
    nonisolated func discard(_ upload: Upload) {
        unlink(upload.path)
    }

    private func lookup(_ id: String, owner: Principal, now: Date) throws -> Session {
        expire(now: now)
        guard let session = sessions[id], session.owner == owner else {
            throw DomainError.notFound("session", "导入会话 \(id) 不存在或已过期（空闲超过 15 分钟）", reason: "import.no_session")
        }
        return session
    }

    private func expire(now: Date) {
        for (id, session) in sessions where now.timeIntervalSince(session.touched) >= Self.idleLimit { drop(id) }
    }

    private func drop(_ id: String) {
        guard let session = sessions.removeValue(forKey: id) else { return }
        close(session.descriptor)
        unlink(session.path)
    }

    /// Writes all of `bytes`, retrying short writes and interruptions.
    private static func write(_ bytes: [UInt8], to descriptor: Int32) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SpoolError(code: errno)
            }
            written += count
        }
    }
}

/// A spool write that failed.
struct SpoolError: Error, CustomStringConvertible {
    let code: Int32
    var description: String { String(cString: strerror(code)) }
}
