import Foundation
import PartyTesting
import Testing

/// The sample files saved as Excel and WPS save “CSV (逗号分隔)” on Chinese Windows (GB18030), made by iconv,
/// imported through the built console: read as they are, and a byte that is no character is named with its line.
extension EndToEnd {
    @Suite("End to end: GB18030 (GBK) files")
    struct GB18030ImportEndToEndTests {
        /// `sample` from docs/samples converted to GB18030 by iconv into `directory`.
        static func gb18030(_ sample: String, into directory: TemporaryDirectory) throws -> String {
            let source = ReadmeEndToEndTests.root + "/docs/samples/" + sample
            let path = directory.appending(sample)
            let written = try CommandRunner.run(
                "/bin/sh",
                ["-c", "iconv -f UTF-8 -t GB18030 \"$0\" > \"$1\"", source, path]
            )
            try #require(written.status == 0, "\(written.stderr)")
            return path
        }

        @Test func gb18030SamplesImportAndABadByteIsNamedWithItsLine() throws {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            let orgs = try Self.gb18030("党组织采集表示例.csv", into: daemon.directory)
            let members = try Self.gb18030("名册示例.csv", into: daemon.directory)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: members))
            #expect(String(data: bytes, encoding: .utf8) == nil, "iconv gave UTF-8, not GB18030")
            let orgImport = try daemon.admin(["org", "import", orgs])
            #expect(orgImport.status == 0, "\(orgImport.stderr)")
            let memberImport = try daemon.admin(["member", "import", members])
            #expect(memberImport.status == 0, "\(memberImport.stderr)")
            let listed = try daemon.admin(["member", "list", "--org", "01", "--recursive", "--json"])
            #expect(listed.stdout.contains("王秀英") && listed.stdout.contains("李建国"))

            // Line 3 broken by a byte that starts no GB18030 character.
            var broken = bytes
            let lineBreaks = broken.indices.filter { broken[$0] == 0x0A }
            broken.insert(0xFF, at: lineBreaks[1] + 1)
            let bad = daemon.directory.appending("坏文件.csv")
            try broken.write(to: URL(fileURLWithPath: bad))
            let refused = try daemon.admin(["member", "import", bad, "--dry-run"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("第 3 行") && refused.stderr.contains("0xFF"), "\(refused.stderr)")
            try daemon.stop()
        }
    }
}
