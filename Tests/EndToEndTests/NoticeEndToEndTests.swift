import Foundation
import PartyTesting
import Testing

/// `partyadmin notice` against the built binaries: post from a file, list, show, receipts.
extension EndToEnd {
    @Suite("End to end: notices")
    struct NoticeEndToEndTests {
        @Test func postListShowAndReceipts() throws {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            #expect(try daemon.admin(["org", "add", "--code", "A", "--name", "市委", "--kind", "党委"]).status == 0)
            #expect(
                try daemon.admin(["org", "add", "--code", "A1", "--name", "一支部", "--kind", "党支部", "--parent", "A"])
                    .status == 0
            )
            let added = try daemon.admin([
                "member", "add", "--org", "A1", "--name", "张三", "--gender", "男", "--birth", "1980-01-01",
                "--id-number", "#",
            ])
            #expect(added.status == 0, "\(added.stderr)")
            let body = daemon.directory.appending("通知.txt")
            try Data("各支部：\n请按时参加。\n".utf8).write(to: URL(fileURLWithPath: body))
            let posted = try daemon.admin([
                "notice", "post", "--org", "A", "--subtree", "--kind", "通知公告", "--title", "关于召开党员大会的通知",
                "--body-file", body, "--ack-required", "--ack-deadline", "2099-12-31",
            ])
            #expect(posted.status == 0, "\(posted.stderr)")
            #expect(posted.stdout.contains("已发布通知 1") && posted.stdout.contains("1 人"))
            let list = try daemon.admin(["notice", "list"])
            #expect(list.stdout.contains("关于召开党员大会的通知"))
            let shown = try daemon.admin(["notice", "show", "1", "--json"])
            let json = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
            #expect(json?["body"] as? String == "各支部：\n请按时参加。\n")
            let receipts = try daemon.admin(["notice", "receipts", "1"])
            #expect(receipts.stdout.contains("尚未确认：1 人") && receipts.stdout.contains("张三"))
            // Usage errors stay usage errors: exit 3.
            #expect(try daemon.admin(["notice", "post", "--org", "A", "--kind", "通知公告", "--title", "t"]).status == 3)
            try daemon.stop()
        }
    }
}
