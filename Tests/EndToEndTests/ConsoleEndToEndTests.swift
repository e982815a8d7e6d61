import Domain
import Foundation
import PartyTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `partyd` and `partyadmin` binaries as a person would.
extension EndToEnd {
    @Suite("End to end: partyd and partyadmin binaries", .serialized)
    struct ConsoleEndToEndTests {
        @Test func mainFlowAndExitCodes() throws {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            #expect(try daemon.admin(["org", "add", "--code", "A", "--name", "宁波市委", "--kind", "党委"]).status == 0)
            #expect(
                try daemon.admin(["org", "add", "--code", "A1", "--name", "第一党支部", "--kind", "branch", "--parent", "A"])
                    .status == 0
            )
            let tree = try daemon.admin(["org", "tree", "--json"])
            #expect(tree.status == 0)
            let json = try JSONSerialization.jsonObject(with: Data(tree.stdout.utf8)) as? [String: Any]
            let nodes = json?["nodes"] as? [[String: Any]]
            #expect(nodes?.compactMap { $0["code"] as? String } == ["A", "A1"])
            let human = try daemon.admin(["org", "tree"])
            #expect(human.stdout.contains("宁波市委"))
            // The daemon refuses: exit 1 with the Chinese reason on stderr.
            let refused = try daemon.admin([
                "org", "add", "--code", "X", "--name", "错", "--kind", "党委", "--parent", "A1",
            ])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("党支部之下只能设立党小组"))
            // Usage error: exit 3.
            #expect(try daemon.admin(["org", "add", "--code", "X"]).status == 3)
            // No daemon on that socket: exit 2, naming the socket.
            let unreachable = try CommandRunner.run(
                try Binaries.path("partyadmin"),
                ["status", "--socket", daemon.directory.appending("none.sock")]
            )
            #expect(unreachable.status == 2)
            #expect(unreachable.stderr.contains("none.sock"))
            #expect(try daemon.admin(["status"]).status == 0)
            try daemon.stop()
        }

        @Test func killNineLosesNothingAcknowledged() throws {
            let first = try DaemonProcess()
            defer { first.directory.remove() }
            #expect(try first.admin(["org", "add", "--code", "K", "--name", "市委", "--kind", "党委"]).status == 0)
            for i in 0..<20 {
                let added = try first.admin([
                    "org", "add", "--code", "K\(i)", "--name", "支部\(i)", "--kind", "党支部", "--parent", "K",
                ])
                #expect(added.status == 0)
            }
            try first.stop(signal: SIGKILL)
            // The stale socket file is still there; the new daemon must clean it up and start.
            let second = try DaemonProcess(directory: first.directory)
            let shown = try second.admin(["org", "show", "K", "--json"])
            let json = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
            #expect(json?["subtreeOrgCount"] as? Int == 21)
            try second.stop()
        }

        @Test func secondInstanceIsRefused() throws {
            let first = try DaemonProcess()
            defer { first.directory.remove() }
            let second = try CommandRunner.run(
                try Binaries.path("partyd"),
                ["--data-dir", first.dataDir, "--socket", first.directory.appending("other.sock")],
                timeout: 30
            )
            #expect(second.status == 1)
            #expect(second.stderr.contains("已被另一个 partyd 进程"))
            let sameSocket = try CommandRunner.run(
                try Binaries.path("partyd"),
                ["--data-dir", first.directory.appending("data2"), "--socket", first.socketPath],
                timeout: 30
            )
            #expect(sameSocket.status == 1)
            #expect(sameSocket.stderr.contains("已有 partyd"))
            #expect(try first.admin(["status"]).status == 0)
            try first.stop()
        }

        /// Runs the console as other Unix users (`daemon`, uid 1, and `nobody`) through setpriv; needs root.
        @Test(.enabled(if: getuid() == 0, "needs root to run the console as other users"))
        func scopedAdministratorStaysInsideSubtree() throws {
            let daemon = try DaemonProcess(extraArguments: ["--socket-group", "daemon"])
            defer { daemon.directory.remove() }
            for args in [
                ["org", "add", "--code", "S", "--name", "市委", "--kind", "党委"],
                ["org", "add", "--code", "S1", "--name", "甲区委", "--kind", "党委", "--parent", "S"],
                ["org", "add", "--code", "S2", "--name", "乙区委", "--kind", "党委", "--parent", "S"],
                ["user", "add", "--unix-user", "daemon", "--role", "org-admin", "--org", "S1"],
            ] {
                let result = try daemon.admin(args)
                #expect(result.status == 0, "\(args): \(result.stderr)")
            }
            let asDaemon: (uid: UInt32, gid: UInt32) = (1, 1)
            let inside = try daemon.admin(
                ["org", "add", "--code", "S1a", "--name", "甲一支部", "--kind", "党支部", "--parent", "S1"],
                asUser: asDaemon
            )
            #expect(inside.status == 0, "\(inside.stderr)")
            let outside = try daemon.admin(
                ["org", "add", "--code", "S2a", "--name", "乙一支部", "--kind", "党支部", "--parent", "S2"],
                asUser: asDaemon
            )
            #expect(outside.status == 1)
            #expect(outside.stderr.contains("不在您的管理范围内"))
            #expect(try daemon.admin(["org", "show", "S2"], asUser: asDaemon).status == 1)
            #expect(try daemon.admin(["user", "list"], asUser: asDaemon).status == 1)
            let topLevel = try daemon.admin(
                ["org", "add", "--code", "T", "--name", "另立", "--kind", "党委"],
                asUser: asDaemon
            )
            #expect(topLevel.status == 1)
            #expect(topLevel.stderr.contains("顶级"))
            let tree = try daemon.admin(["org", "tree", "--json"], asUser: asDaemon)
            #expect(tree.status == 0)
            #expect(!tree.stdout.contains("\"S2\""), "an org-admin's tree starts at their own organization")
            // A user with socket access but no account.
            let stranger = try daemon.admin(["org", "tree"], asUser: (65534, 1))
            #expect(stranger.status == 1)
            #expect(stranger.stderr.contains("没有 partyd 账户"))
            // The socket is 0660 and belongs to the configured group.
            var info = stat()
            #expect(stat(daemon.socketPath, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o660)
            #expect(info.st_gid == 1)
            try daemon.stop()
        }
    }
}
