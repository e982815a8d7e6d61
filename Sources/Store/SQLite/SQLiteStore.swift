import Domain
import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// The SQLite implementation of ``PartyStore``: one database file in WAL mode, migrated on open.
///
/// Writes go through GRDB's single writer, so a transaction's reads and the decision taken on them cannot be
/// overtaken by another write. `synchronous = FULL` makes every acknowledged commit durable even across a power
/// loss, not only across `kill -9`.
package final class SQLiteStore: PartyStore {
    private let pool: DatabasePool

    /// The database file's path.
    package let path: String

    /// Opens (creating and migrating when needed) the database at `path`.
    package init(path: String) throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        self.path = path
        try Self.restrictPermissions(of: path)
        pool = try DatabasePool(path: path, configuration: config)
        // Set on the writer after the pool is open: GRDB's WAL set-up runs after `prepareDatabase` and sets
        // NORMAL, under which a commit is safe from kill -9 but not from a power loss until the next checkpoint.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try Migrations.migrator.migrate(pool)
    }

    /// The writer's `synchronous` setting (2 is FULL), for the test that keeps it so.
    package func writerSynchronousLevel() async throws -> Int {
        try await pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// Makes the database and its `-wal` and `-shm` files owner-only, whatever the umask: they hold a city's
    /// names, identity numbers and phone numbers. A missing database is created 0600 before SQLite opens it, and
    /// SQLite gives the write-ahead log and shared-memory files the database file's permissions.
    static func restrictPermissions(of path: String) throws {
        let created = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard created >= 0 else { throw StoreFileError(path: path, code: errno) }
        close(created)
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            let mode = info.st_mode & 0o7777
            if mode & 0o077 != 0, chmod(file, mode & 0o700) != 0 { throw StoreFileError(path: file, code: errno) }
        }
    }

    /// Runs `body` in a read-only snapshot.
    package func read<T: Sendable>(_ body: @Sendable @escaping (any StoreReader) throws -> T) async throws -> T {
        try await pool.read { db in try body(SQLiteAccess(db)) }
    }

    /// Runs `body` in one write transaction and records its change's audit entry and history lines in it.
    package func write<T: Sendable>(
        by actor: Principal,
        at instant: Date,
        _ body: @Sendable @escaping (any StoreWriter) throws -> Change<T>
    ) async throws -> T {
        do {
            return try await pool.write { db in
                let access = SQLiteAccess(db, now: instant)
                let before = db.totalChangesCount
                let change = try body(access)
                guard let audit = change.audit else {
                    // A change without its audit entry must not commit: throwing rolls the transaction back.
                    guard db.totalChangesCount == before else { throw UnauditedChange() }
                    return change.result
                }
                try access.record(change, audit: audit, by: actor)
                return change.result
            }
        } catch let error as DatabaseError {
            throw Self.translate(error)
        }
    }

    /// Maps constraint violations to ``StoreError``; other database errors pass through unchanged.
    static func translate(_ error: DatabaseError) -> any Error {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            StoreError(kind: .duplicate, detail: error.message ?? "unique")
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            StoreError(kind: .reference, detail: error.message ?? "foreign key")
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL:
            StoreError(kind: .check, detail: error.message ?? "check")
        default:
            error
        }
    }

    /// The CREATE statements of the current schema, in creation order, as the migrations leave it: for tools
    /// (the benchmark's sqlite3 floor) that need an identical empty database without copying the migrations.
    package static func schemaStatements() throws -> [String] {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        return try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT sql FROM sqlite_master
                    WHERE sql IS NOT NULL AND name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%' ORDER BY rowid
                    """
            )
        }
    }

    /// Folds the write-ahead log back into the database file and empties it, for a tidy data directory after
    /// a clean shutdown. Failure is harmless: SQLite replays the log at the next open.
    package func checkpoint() {
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// The identifiers of the migrations applied, oldest first (for status and tests).
    package func appliedMigrations() throws -> [String] {
        try pool.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

}

/// A database file that could not be created or protected.
struct StoreFileError: Error, CustomStringConvertible {
    let path: String
    let code: Int32
    var description: String { "无法设置数据库文件 \(path) 的权限：\(String(cString: strerror(code)))" }
}
