import Foundation
import PartyTesting
import Testing

/// The README's console example, run line by line as a new user would paste it, against a fresh daemon: every
/// command must succeed.
extension EndToEnd {
    @Suite("End to end: the README's example")
    struct ReadmeEndToEndTests {
        /// The repository's root, where the README and its sample files are.
        static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path

        /// The command lines between the README's example markers, without the two that set up the shell.
        static func exampleLines() throws -> [String] {
            let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
            guard let begin = readme.range(of: "<!-- readme-example:begin"),
                let end = readme.range(of: "<!-- readme-example:end -->", range: begin.upperBound..<readme.endIndex)
            else { throw TestSupportError("README.md has no readme-example markers") }
            return readme[begin.upperBound..<end.lowerBound].split(separator: "\n").map(String.init).filter {
                $0.hasPrefix("$B/")
            }
        }

        @Test func everyCommandSucceedsInOrderOnAFreshDaemon() async throws {
            let lines = try Self.exampleLines()
            #expect(lines.count >= 10)
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            let bin = (try Binaries.path("partyadmin") as NSString).deletingLastPathComponent
            for line in lines {
                // The shell reads the line as the user's would: quotes, comments, $B.
                let result = try CommandRunner.run(
                    "/bin/sh",
                    ["-c", "cd \"$ROOT\" && " + line],
                    environment: ["B": bin, "PARTYD_SOCKET": daemon.socketPath, "ROOT": Self.root]
                )
                #expect(result.status == 0, "\(line)\n\(result.stderr)")
            }
            try daemon.stop()
        }
    }
}
