import Domain
import Foundation
import PartyTesting
import Server
import Testing
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// Files that hold personal data are owner-only whatever the umask, and a data directory that others can
/// enter or list is refused unless the configuration says otherwise.
@Suite("Personal data is never world-readable")
struct FilePermissionTests {
    static func mode(_ path: String) -> mode_t? {
        // Through FileManager: with Hummingbird linked, `stat` no longer resolves to Glibc's under
        // MemberImportVisibility.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? Int
        else { return nil }
        return mode_t(permissions)
    }

    @Test func databaseFilesAreOwnerOnly() async throws {
        try await withTestDaemon { daemon, client in
            _ = try await client.call(OrgAdd.self, .init(code: "A", name: "市委", kind: "党委"))
            let database = daemon.dataDir + "/partyd.sqlite"
            for file in [database, database + "-wal", database + "-shm", daemon.dataDir + "/partyd.lock"] {
                let mode = try #require(Self.mode(file), "\(file) missing")
                #expect(mode & 0o077 == 0, "\(file) has mode \(String(mode, radix: 8))")
            }
            #expect(Self.mode(daemon.dataDir).map { $0 & 0o007 } == 0)
        }
    }

    @Test func anExistingWorldReadableDatabaseIsClosedOnStart() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.appending("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chmod(data, 0o750)
        let database = data + "/partyd.sqlite"
        #expect(FileManager.default.createFile(atPath: database, contents: nil))
        chmod(database, 0o644)
        let daemon = try await TestDaemon.start(in: directory)
        #expect(Self.mode(database) == 0o600)
        try await daemon.stop()
    }

    @Test func aDataDirectoryOthersCanReadIsRefusedUnlessConfigured() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.appending("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chmod(data, 0o755)
        do {
            let daemon = try await TestDaemon.start(in: directory)
            try await daemon.stop()
            Issue.record("a data directory with mode 0755 was accepted")
        } catch let error as StartupError {
            #expect(error.description.contains("chmod o-rwx"))
            #expect(error.description.contains("dataDirOpenToOthers"))
        }
        let allowed = try await TestDaemon.start(in: directory) { $0.store.dataDirOpenToOthers = true }
        try await allowed.stop()
    }
}
