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
                "--body-file", body, "--ack-required", "--ack-deadline", "2099-12-31", "--attach", body,
            ])
            #expect(posted.status == 0, "\(posted.stderr)")
            #expect(posted.stdout.contains("已发布通知 1") && posted.stdout.contains("1 人"))
            #expect(posted.stdout.contains("附件") && posted.stdout.contains("通知.txt"))
            let list = try daemon.admin(["notice", "list"])
            #expect(list.stdout.contains("关于召开党员大会的通知"))
            let shown = try daemon.admin(["notice", "show", "1", "--json"])
            let json = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
            #expect(json?["body"] as? String == "各支部：\n请按时参加。\n")
            let receipts = try daemon.admin(["notice", "receipts", "1"])
            #expect(receipts.stdout.contains("尚未确认：1 人") && receipts.stdout.contains("张三"))
            // The attachment comes back byte for byte.
            let fetched = daemon.directory.appending("取回.txt")
            let download = try daemon.admin(["attachment", "download", "1", "--output", fetched])
            #expect(download.status == 0, "\(download.stderr)")
            #expect(FileManager.default.contents(atPath: fetched) == Data("各支部：\n请按时参加。\n".utf8))
            let missing = try daemon.admin([
                "notice", "post", "--org", "A", "--kind", "通知公告", "--title", "t", "--body", "b", "--attach",
                "/nonexistent",
            ])
            #expect(missing.status != 0 && missing.stderr.contains("不存在"))
            // Usage errors stay usage errors: exit 3.
            #expect(try daemon.admin(["notice", "post", "--org", "A", "--kind", "通知公告", "--title", "t"]).status == 3)
            try daemon.stop()
        }

        @Test func scheduleEditCancelRetractAndNamedMembers() throws {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            #expect(try daemon.admin(["org", "add", "--code", "A", "--name", "一支部", "--kind", "党支部"]).status == 0)
            #expect(
                try daemon.admin([
                    "member", "add", "--org", "A", "--name", "张三", "--gender", "男", "--birth", "1980-01-01",
                    "--id-number", "#",
                ]).status == 0
            )
            // The daemon runs on the real clock here: a time a month ahead, written as people type it.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            let day = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(30 * 86400))
            let at = String(format: "%04d-%02d-%02d 09:00", day.year ?? 0, day.month ?? 0, day.day ?? 0)
            let scheduled = try daemon.admin([
                "notice", "schedule", "--at", at, "--org", "A", "--kind", "通知公告", "--title",
                "年终总结安排", "--body", "请准备材料。",
            ])
            #expect(scheduled.status == 0, "\(scheduled.stderr)")
            #expect(scheduled.stdout.contains("已定时通知 1") && scheduled.stdout.contains(at))
            let edited = try daemon.admin(["notice", "edit", "1", "--title", "年终总结安排（修订）"])
            #expect(edited.status == 0 && edited.stdout.contains("待发布"), "\(edited.stderr)")
            #expect(try daemon.admin(["notice", "cancel", "1"]).stdout.contains("已取消定时通知 1"))
            let late = try daemon.admin(["notice", "edit", "1", "--title", "x"])
            #expect(late.status != 0 && late.stderr.contains("已取消"))

            let named = try daemon.admin([
                "notice", "post", "--org", "A", "--member", "1", "--kind", "工作动态", "--title", "个别提醒", "--body",
                "请补交材料。",
            ])
            #expect(
                named.status == 0 && named.stdout.contains("指定党员") && named.stdout.contains("1 人"),
                "\(named.stderr)"
            )
            let retracted = try daemon.admin(["notice", "retract", "2", "--reason", "已当面告知"])
            #expect(retracted.status == 0 && retracted.stdout.contains("已撤回通知 2"), "\(retracted.stderr)")
            let list = try daemon.admin(["notice", "list"])
            #expect(list.stdout.contains("已取消") && list.stdout.contains("已撤回"))
            let when = try daemon.admin([
                "notice", "post", "--at", "明天", "--org", "A", "--kind", "通知", "--title", "t", "--body", "b",
            ])
            #expect(when.status != 0 && when.stderr.contains("YYYY-MM-DD HH:MM"))
            try daemon.stop()
        }
    }
}
