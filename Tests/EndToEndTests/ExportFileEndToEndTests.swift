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
            for (file, expected) in [(fresh, mode_t(0o600)), (existing, mode_t(0o640))] {
                var info = stat()
                #expect(stat(file, &info) == 0)
                #expect(info.st_mode & 0o777 == expected, "\(file): \(String(info.st_mode & 0o777, radix: 8))")
            }
            try daemon.stop()
        }
    }
}
