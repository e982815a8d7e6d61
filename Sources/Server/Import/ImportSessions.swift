import Domain
import Foundation
import Wire

/// Uploads in progress. A CSV file is larger than one request, so it arrives in numbered chunks; the session
/// remembers them until the commit, for the caller that opened it only, and is forgotten when idle too long.
actor ImportSessions {
    /// The largest chunk of text accepted; JSON escaping can at worst sextuple it, still under the 1 MiB frame.
    static let maxChunkBytes = 128 * 1024
    /// The largest file accepted (a city's roster is about 60 MB).
    static let maxFileBytes = 512 * 1024 * 1024
    /// Open sessions one user may hold.
    static let maxSessionsPerUser = 4
    /// Seconds a session may stay untouched before it is dropped.
    static let idleLimit: TimeInterval = 15 * 60

    struct Session {
        let owner: Principal
        let kind: ImportKind
        let dryRun: Bool
        var bytes: [UInt8] = []
        var nextSequence = 0
        var touched: Date
    }

    private var sessions: [String: Session] = [:]

    /// Opens a session for `owner`.
    func begin(owner: Principal, kind: ImportKind, dryRun: Bool, now: Date) throws -> String {
        expire(now: now)
        guard sessions.values.filter({ $0.owner == owner }).count < Self.maxSessionsPerUser else {
            throw DomainError(
                .rule,
                reason: "import.too_many_sessions",
                field: nil,
                message: "未完成的导入过多（最多 \(Self.maxSessionsPerUser) 个），请稍后再试"
            )
        }
        let id = UUID().uuidString.lowercased()
        sessions[id] = Session(owner: owner, kind: kind, dryRun: dryRun, touched: now)
        return id
    }

    /// Appends chunk `sequence`; returns the bytes received so far.
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
        guard session.bytes.count + chunk.count <= Self.maxFileBytes else {
            sessions[id] = nil
            throw DomainError.invalid(
                "text",
                "导入文件超过 \(Self.maxFileBytes / 1024 / 1024) MB 上限，已取消",
                reason: "import.too_large"
            )
        }
        // Mutate in place: copying the session out and back would copy the whole upload on every chunk.
        sessions[id]!.bytes.append(contentsOf: chunk)
        sessions[id]!.nextSequence += 1
        sessions[id]!.touched = now
        return sessions[id]!.bytes.count
    }

    /// Removes and returns the session for its commit.
    func take(session id: String, owner: Principal, now: Date) throws -> Session {
        let session = try lookup(id, owner: owner, now: now)
        sessions[id] = nil
        return session
    }

    private func lookup(_ id: String, owner: Principal, now: Date) throws -> Session {
        expire(now: now)
        guard let session = sessions[id], session.owner == owner else {
            throw DomainError.notFound("session", "导入会话 \(id) 不存在或已过期（空闲超过 15 分钟）", reason: "import.no_session")
        }
        return session
    }

    private func expire(now: Date) {
        sessions = sessions.filter { now.timeIntervalSince($0.value.touched) < Self.idleLimit }
    }
}
