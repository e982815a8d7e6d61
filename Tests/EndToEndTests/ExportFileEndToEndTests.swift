import Foundation
import PartyTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `member export --output` writes personal data: the file is owner-only whatever the umask, and an existing
/// file loses what others could do with it.
extension EndToEnd {
    @Suite("End to end: exported rosters are owner-only")
    struct ExportFileEndToEndTests {
        @Test func exportedFilesAreNotWorldReadable() throws {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            #expect(try daemon.admin(["org", "add", "--code", "A", "--name", "支部", "--kind", "党支部"]).status == 0)
            let fresh = daemon.directory.appending("new.csv")
            #expect(try daemon.admin(["member", "export", "--org", "A", "--output", fresh]).status == 0)
            let existing = daemon.directory.appending("old.csv")
            #expect(FileManager.default.createFile(atPath: existing, contents: Data("旧".utf8)))
            chmod(existing, 0o644)
            #expect(try daemon.admin(["member", "export", "--org", "A", "--output", existing]).status == 0)
            // Through FileManager: with Hummingbird linked, `stat` can resolve to CDispatch's copy, which
            // MemberImportVisibility then refuses in a clean build.
            for (file, expected) in [(fresh, 0o600), (existing, 0o640)] {
                let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
                #expect(mode == expected, "\(file): \(String(mode ?? 0, radix: 8))")
            }
            try daemon.stop()
        }
    }
}
