import Foundation
import PartyTesting
import Testing

/// A revoked organization's record says it is not counted, rather than “组织总数 0 个”.
extension EndToEnd {
    @Suite("End to end: a revoked organization's record")
    struct RevokedOrgEndToEndTests {
        @Test func aRevokedOrganizationIsNotCountedAsZero() throws {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            #expect(try daemon.admin(["org", "add", "--code", "A", "--name", "市委", "--kind", "党委"]).status == 0)
            let add = try daemon.admin([
                "org", "add", "--code", "A1", "--name", "一支部", "--kind", "党支部", "--parent", "A",
            ])
            #expect(add.status == 0)
            let revoke = try daemon.admin(["org", "revoke", "A1", "--date", "2024-01-01", "--reason", "撤并"])
            #expect(revoke.status == 0, "\(revoke.stderr)")
            let shown = try daemon.admin(["org", "show", "A1"])
            #expect(shown.stdout.contains("不计（本组织已撤销）") && !shown.stdout.contains("0 个（含本组织"))
            try daemon.stop()
        }
    }
}
