import Foundation
import PartyTesting
import Testing

/// `partyadmin activity` and `points` against the built binaries: plan, record with a minutes file and leave,
/// attach, list and download a file, publish as news, compliance, points.
extension EndToEnd {
    @Suite("End to end: activities")
    struct ActivityEndToEndTests {
        /// `YYYY-MM-DD 09:00` in Shanghai, `days` from now.
        static func morning(_ days: Int) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            let day = calendar.dateComponents(
                [.year, .month, .day],
                from: Date().addingTimeInterval(Double(days) * 86400)
            )
            return String(format: "%04d-%02d-%02d 09:00", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        }

        @Test func planRecordAttachPublishAndInspect() throws {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            #expect(try daemon.admin(["org", "add", "--code", "A", "--name", "一支部", "--kind", "党支部"]).status == 0)
            for name in ["张三", "李四"] {
                let added = try daemon.admin([
                    "member", "add", "--org", "A", "--name", name, "--gender", "男", "--birth", "1980-01-01",
                    "--id-number", "#",
                ])
                #expect(added.status == 0, "\(added.stderr)")
            }
            let planned = try daemon.admin([
                "activity", "plan", "--org", "A", "--kind", "主题党日", "--title", "主题党日活动", "--at",
                Self.morning(-1), "--place", "会议室", "--host", "王书记",
            ])
            #expect(planned.status == 0, "\(planned.stderr)")
            #expect(planned.stdout.contains("已计划活动 1") && planned.stdout.contains("已通知 2 人"))
            let minutes = daemon.directory.appending("记录.txt")
            try Data("学习了党章。\n".utf8).write(to: URL(fileURLWithPath: minutes))
            let recorded = try daemon.admin([
                "activity", "record", "1", "--held-at", Self.morning(-1), "--minutes-file", minutes, "--present", "1",
                "--leave", "2:出差", "--attach", minutes,
            ])
            #expect(recorded.status == 0, "\(recorded.stderr)")
            #expect(recorded.stdout.contains("应到 2 人，实到 1 人"))
            let caption = daemon.directory.appending("说明.txt")
            try Data("合影说明。\n".utf8).write(to: URL(fileURLWithPath: caption))
            let attached = try daemon.admin([
                "activity", "attach", "1", caption, "--tag", "photo", "--name", "照片说明.txt",
            ])
            #expect(attached.status == 0, "\(attached.stderr)")
            let files = try daemon.admin(["activity", "attachments", "1"])
            #expect(files.stdout.contains("会议记录") && files.stdout.contains("照片说明.txt"))
            let fetched = daemon.directory.appending("取回.txt")
            let download = try daemon.admin(["activity", "download", "1", "1", "--output", fetched])
            #expect(download.status == 0, "\(download.stderr)")
            #expect(FileManager.default.contents(atPath: fetched) == Data("学习了党章。\n".utf8))
            #expect(try daemon.admin(["activity", "download", "1", "99"]).status != 0)

            let shown = try daemon.admin(["activity", "show", "1", "--history", "--json"])
            let json = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
            #expect(json?["state"] as? String == "held" && json?["minutes"] as? String == "学习了党章。\n")
            let published = try daemon.admin(["activity", "publish", "1", "--feed"])
            #expect(published.status == 0 && published.stdout.contains("工作动态为通知 2"), "\(published.stderr)")
            let list = try daemon.admin(["activity", "list"])
            #expect(list.stdout.contains("主题党日活动") && list.stdout.contains("已发布"))
            let compliance = try daemon.admin(["activity", "compliance", "--org", "A", "--period", "2026", "--all"])
            #expect(compliance.status == 0 && compliance.stdout.contains("支委会"), "\(compliance.stderr)")
            let points = try daemon.admin(["points", "list", "--org", "A"])
            #expect(points.status == 0 && points.stdout.contains("张三"), "\(points.stderr)")
            let bad = try daemon.admin(["activity", "cancel", "1", "--reason", "x"])
            #expect(bad.status == 1 && bad.stderr.contains("已记录召开"))
            #expect(try daemon.admin(["activity", "record", "1", "--held-at", "x", "--leave", "无原因"]).status == 3)
            try daemon.stop()
        }
    }
}
