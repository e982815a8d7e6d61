import Domain
import Foundation
import PartyTesting
import Testing
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` while a large roster import is being written: after restart either every row is there or none.
///
/// A kill after a fixed sleep may land before the commit starts or after it ends, and then proves nothing. So the
/// test watches the daemon's database from outside and kills it only while the commit's write transaction is
/// open and has already put pages in the write-ahead log: what recovery must then throw away.
extension EndToEnd {
    @Suite("End to end: crash during import")
    struct ImportCrashEndToEndTests {
        /// Rows in the roster: enough that writing them takes a good part of a second, so the test finds the
        /// transaction open, and that the written pages overflow SQLite's page cache into the WAL before commit.
        static let rows = 20_000

        /// How far the WAL must grow inside the transaction before the kill: 1 MiB of uncommitted pages, a good
        /// share of the roughly 7 MB the commit writes, so the kill lands mid-transaction and not at its edge.
        static let walGrowth = 1 << 20

        /// A roster of `count` members with valid, distinct identity numbers, all in branch `E1`.
        static func roster(count: Int) -> String {
            var lines = ["姓名,性别,出生日期,身份证号,人员类别,所在党组织代码"]
            for index in 0..<count {
                let day = 1 + index % 28
                let birth = "1970-01-\(day < 10 ? "0" : "")\(day)"
                let sequence = String(index % 1000)
                let padded = String(repeating: "0", count: 3 - sequence.count) + sequence
                let area = String(110_000 + index / 1000)
                let first17 = area + birth.replacingOccurrences(of: "-", with: "") + padded
                let check = IdentityNumber.checkCharacter(for: first17)!
                let gender = (index % 1000) % 2 == 1 ? "男" : "女"
                lines.append("党员\(index),\(gender),\(birth),\(first17)\(check),正式党员,E1")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// Streams `text` into a new import session and returns the session, ready for `import.commit`.
        static func upload(_ client: RPCClient, _ text: String, kind: ImportKind) async throws -> String {
            let begin = try await client.call(ImportBegin.self, .init(kind: kind))
            var sequence = 0
            var chunk = ""
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                chunk += line + "\n"
                if chunk.utf8.count > begin.maxChunkBytes / 2 {
                    _ = try await client.call(
                        ImportChunk.self,
                        .init(session: begin.session, sequence: sequence, text: chunk)
                    )
                    sequence += 1
                    chunk = ""
                }
            }
            _ = try await client.call(ImportChunk.self, .init(session: begin.session, sequence: sequence, text: chunk))
            return begin.session
        }

        /// A daemon with the branch `E1` under `E` and the roster uploaded, not yet committed.
        static func prepared(_ text: String) async throws -> (DaemonProcess, RPCClient, session: String) {
            let daemon = try DaemonProcess()
            let client = try await RPCClient.connect(socketPath: daemon.socketPath)
            _ = try await client.call(OrgAdd.self, .init(code: "E", name: "党委", kind: "党委"))
            _ = try await client.call(OrgAdd.self, .init(code: "E1", name: "支部", kind: "党支部", parent: "E"))
            let session = try await upload(client, text, kind: .members)
            return (daemon, client, session)
        }

        /// Restarts partyd on `directory` and counts the members on the roll under `E`.
        static func membersAfterRestart(_ directory: TemporaryDirectory) async throws -> Int {
            let daemon = try DaemonProcess(directory: directory)
            let client = try await RPCClient.connect(socketPath: daemon.socketPath)
            let total = try await client.call(MemberList.self, .init(org: "E", recursive: true, limit: 0)).total
            await client.close()
            try daemon.stop()
            return total
        }

        /// Killed while the commit's transaction is open, with uncommitted pages already in the WAL: the client
        /// gets no answer and the database keeps none of the rows.
        @Test func killInsideTheCommitLeavesNothing() async throws {
            let (daemon, client, session) = try await Self.prepared(Self.roster(count: Self.rows))
            defer { daemon.directory.remove() }
            let database = SQLiteFiles(dataDir: daemon.dataDir)
            #expect(database.writeLockHolder() == nil, "nothing may be writing before the commit")
            let walAtStart = database.walSize()

            let commit = Task { try await client.call(ImportCommit.self, .init(session: session)) }
            // Bounded polling: the transaction must open, and then grow the WAL, within these deadlines.
            let opened = try await poll(every: .milliseconds(1), for: .seconds(60)) {
                database.writeLockHolder() == daemon.pid
            }
            #expect(opened, "the commit's write transaction never opened")
            var grew = false
            if opened {
                grew = try await poll(every: .microseconds(200), for: .seconds(30)) {
                    database.walSize() >= walAtStart + Self.walGrowth || database.writeLockHolder() != daemon.pid
                }
            }
            // Checked last, immediately before the kill: the transaction is still open and has written.
            let inside =
                grew && database.walSize() >= walAtStart + Self.walGrowth && database.writeLockHolder() == daemon.pid
            try daemon.stop(signal: SIGKILL)
            #expect(inside, "the kill did not land while the transaction was open and had written pages")

            switch await commit.result {
            case .success(let result):
                Issue.record("the commit was acknowledged (\(result.written) rows) although partyd was killed in it")
            case .failure(let error):
                #expect(!(error is RPCErrorObject), "partyd answered instead of dying: \(error)")
            }
            let total = try await Self.membersAfterRestart(daemon.directory)
            #expect(total == 0, "a kill inside the commit left \(total) of \(Self.rows) rows")
        }

        /// Killed once the commit has been acknowledged: every row survives.
        @Test func acknowledgedCommitSurvivesKillNine() async throws {
            let (daemon, client, session) = try await Self.prepared(Self.roster(count: Self.rows))
            defer { daemon.directory.remove() }
            let result = try await client.call(ImportCommit.self, .init(session: session))
            #expect(result.written == Self.rows)
            try daemon.stop(signal: SIGKILL)
            let total = try await Self.membersAfterRestart(daemon.directory)
            #expect(total == Self.rows, "an acknowledged import must survive kill -9, found \(total) rows")
        }

        /// Calls `condition` every `interval` until it holds (true) or `limit` has passed (false).
        func poll(
            every interval: Duration,
            for limit: Duration,
            until condition: () -> Bool
        ) async throws -> Bool {
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: limit)
            while clock.now < deadline {
                if condition() { return true }
                try await Task.sleep(for: interval)
            }
            return condition()
        }
    }
}

/// The daemon's SQLite files, observed from the test process without taking any lock.
///
/// In WAL mode a writing connection holds an exclusive POSIX lock on one byte of the `-shm` file (offset 120,
/// SQLite's WAL_WRITE_LOCK) from its first write until commit or rollback. `F_GETLK` asks the kernel who holds
/// it without acquiring it, so the check cannot delay or block the daemon.
struct SQLiteFiles {
    /// `<dataDir>/partyd.sqlite`.
    let databasePath: String

    /// The files of the daemon using `dataDir`.
    init(dataDir: String) {
        databasePath = (dataDir as NSString).appendingPathComponent("partyd.sqlite")
    }

    /// The process holding the WAL write lock, or nil when no write transaction is open.
    func writeLockHolder() -> pid_t? {
        let fd = open(databasePath + "-shm", O_RDONLY)
        guard fd >= 0 else { return nil }
        // Closing releases this process's locks on the file; it holds none, so this changes nothing.
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 120
        lock.l_len = 1
        guard fcntl(fd, F_GETLK, &lock) == 0, lock.l_type != Int16(F_UNLCK) else { return nil }
        return lock.l_pid
    }

    /// The size of the write-ahead log in bytes (0 when absent).
    func walSize() -> Int {
        // Through FileManager: with Hummingbird linked, `stat` no longer resolves to Glibc's under
        // MemberImportVisibility.
        let attributes = try? FileManager.default.attributesOfItem(atPath: databasePath + "-wal")
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }
}
