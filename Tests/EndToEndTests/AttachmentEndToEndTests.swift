import Foundation
import PartyTesting
import Testing

/// `partyadmin attachment` against the built binaries: a multi-chunk file up and back down, byte for byte.
extension EndToEnd {
    @Suite("End to end: attachments")
    struct AttachmentEndToEndTests {
        @Test func uploadShowAndDownloadThroughTheConsole() throws {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            // 700 KB: three chunks each way. A PDF by content, whatever its name says.
            var bytes = Array("%PDF-1.7\n".utf8)
            while bytes.count < 700_000 { bytes.append(UInt8(truncatingIfNeeded: bytes.count &* 31 &+ 7)) }
            let source = daemon.directory.appending("会议材料.jpg")
            try Data(bytes).write(to: URL(fileURLWithPath: source))

            let uploaded = try daemon.admin(["attachment", "upload", source, "--name", "第三季度会议材料.pdf", "--json"])
            #expect(uploaded.status == 0, "\(uploaded.stderr)")
            let view = try JSONSerialization.jsonObject(with: Data(uploaded.stdout.utf8)) as? [String: Any]
            let id = try #require(view?["id"] as? Int)
            #expect(view?["kind"] as? String == "pdf")
            #expect(view?["size"] as? Int == bytes.count)

            let shown = try daemon.admin(["attachment", "show", String(id)])
            #expect(shown.status == 0 && shown.stdout.contains("第三季度会议材料.pdf") && shown.stdout.contains("PDF 文档"))

            let target = daemon.directory.appending("下载.pdf")
            let downloaded = try daemon.admin(["attachment", "download", String(id), "-o", target])
            #expect(downloaded.status == 0, "\(downloaded.stderr)")
            #expect(FileManager.default.contents(atPath: target) == Data(bytes))
            // Nothing but the file itself is left beside it.
            let names = try FileManager.default.contentsOfDirectory(atPath: daemon.directory.path)
            #expect(!names.contains { $0.hasPrefix(".下载.pdf") })

            // Unknown content is refused by the daemon with the accepted kinds; exit code 1.
            let random = daemon.directory.appending("随机.pdf")
            try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 13) }).write(to: URL(fileURLWithPath: random))
            let refused = try daemon.admin(["attachment", "upload", random])
            #expect(refused.status == 1 && refused.stderr.contains("无法识别的文件类型"))
            // A missing file is the console's own refusal.
            #expect(try daemon.admin(["attachment", "upload", daemon.directory.appending("无.pdf")]).status == 1)
            #expect(try daemon.admin(["attachment", "show", "999"]).status == 1)
            try daemon.stop()
        }
    }
}
