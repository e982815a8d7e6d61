import Foundation
import PartyTesting
import Testing

/// A member's link in a real browser: the built `partyd` with `--http`, a notice asking for acknowledgement,
/// and Debian's headless Chromium (through chromium-driver and Selenium, `Tests/Browser/member_page.py`) opening
/// the link, tapping 确认收到 and seeing the confirmed state; `partyadmin` then shows the acknowledgement recorded
/// exactly once, through the link. `make deps` installs the browser, its driver and Selenium.
extension EndToEnd {
    @Suite("End to end: the member's page in a browser")
    struct BrowserEndToEndTests {
        /// The package's root, from this file's place in it.
        static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path

        /// The Python with Selenium: `PARTY_BROWSER_PYTHON`, else the virtual environment `make deps` makes.
        static var python: String {
            ProcessInfo.processInfo.environment["PARTY_BROWSER_PYTHON"] ?? root + "/.build/browser-venv/bin/python"
        }

        @Test func aMemberConfirmsThroughTheirLinkExactlyOnce() throws {
            #expect(
                FileManager.default.isExecutableFile(atPath: Self.python),
                "Selenium 未安装：请运行 make deps（或设置 PARTY_BROWSER_PYTHON）"
            )
            #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"), "请安装 chromium-driver")
            let daemon = try DaemonProcess(extraArguments: ["--http", "127.0.0.1:0"])
            defer { daemon.directory.remove() }
            for arguments in [
                ["org", "add", "--code", "A", "--name", "一支部", "--kind", "党支部"],
                [
                    "member", "add", "--org", "A", "--name", "张三", "--gender", "男", "--birth", "1980-01-01",
                    "--id-number", "#",
                ],
                [
                    "notice", "post", "--org", "A", "--kind", "通知公告", "--title", "关于召开党员大会的通知",
                    "--body", "请于周五下午准时参加。", "--ack-required",
                ],
            ] {
                let result = try daemon.admin(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
            let url = try link(daemon)
            #expect(url.hasPrefix("http://127.0.0.1:"))

            let work = daemon.directory.appending("browser")
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            let opened = try browse("open", url, work)
            #expect(opened.status == 0, "\(opened.stdout)\(opened.stderr)")
            #expect(opened.stdout.contains("关于召开党员大会的通知"))
            #expect(try receipts(daemon)["read"] as? Int == 0, "opening the link changes nothing")

            let confirmed = try browse("confirm", url, work)
            #expect(confirmed.status == 0, "\(confirmed.stdout)\(confirmed.stderr)")
            #expect(confirmed.stdout.contains("\"confirmed\": true"))

            let after = try receipts(daemon)
            #expect(after["acknowledged"] as? Int == 1 && after["read"] as? Int == 1)
            let channels = after["channels"] as? [[String: Any]] ?? []
            #expect(channels.count == 1)
            #expect(channels.first?["channel"] as? String == "link")
            #expect(channels.first?["acknowledged"] as? Int == 1)
            let audit = try daemon.admin(["audit", "list", "--json"])
            let entries =
                (try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])?[
                    "entries"
                ] as? [[String: Any]]
            let byLink = (entries ?? []).filter { ($0["summary"] as? String)?.contains("通过个人链接") == true }
            #expect(byLink.count == 1, "recorded exactly once: \(audit.stdout)")
            #expect(try daemon.stop() == 0)
        }

        @Test func anInviteeConfirmsTheirActivityExactlyOnce() throws {
            let daemon = try DaemonProcess(extraArguments: ["--http", "127.0.0.1:0"])
            defer { daemon.directory.remove() }
            // The daemon runs on the real clock: the activity is a week ahead, written as people type it.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            let day = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(7 * 86400))
            let at = String(format: "%04d-%02d-%02d 14:30", day.year ?? 0, day.month ?? 0, day.day ?? 0)
            for arguments in [
                ["org", "add", "--code", "A", "--name", "一支部", "--kind", "党支部"],
                [
                    "member", "add", "--org", "A", "--name", "张三", "--gender", "男", "--birth", "1980-01-01",
                    "--id-number", "#",
                ],
                ["activity", "plan", "--org", "A", "--kind", "主题党日", "--title", "重温入党誓词", "--at", at, "--invite", "1"],
            ] {
                let result = try daemon.admin(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
            let url = try link(daemon, ["activity", "links", "1", "--json"])
            let work = daemon.directory.appending("browser")
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            let opened = try browse("open", url, work, button: ["确认参加", "已报名"])
            #expect(opened.status == 0 && opened.stdout.contains("重温入党誓词"), "\(opened.stdout)\(opened.stderr)")
            let confirmed = try browse("confirm", url, work, button: ["确认参加", "已报名"])
            #expect(confirmed.status == 0, "\(confirmed.stdout)\(confirmed.stderr)")
            #expect(confirmed.stdout.contains("\"confirmed\": true"))
            let shown = try daemon.admin(["activity", "show", "1", "--json"])
            let activity = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
            let attendance = activity?["attendance"] as? [[String: Any]]
            #expect(attendance?.first?["status"] as? String == "signed_up")
            #expect(attendance?.first?["channel"] as? String == "link")
            let audit = try daemon.admin(["audit", "list", "--json"])
            let entries =
                (try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])?["entries"]
                as? [[String: Any]]
            let byLink = (entries ?? []).filter { ($0["method"] as? String) == "me.confirm" }
            #expect(byLink.count == 1, "recorded exactly once: \(audit.stdout)")
            #expect(try daemon.stop() == 0)
        }

        /// 张三's link from `partyadmin notice links` (or `command`), once the listener is bound (bounded retries).
        func link(_ daemon: DaemonProcess, _ command: [String] = ["notice", "links", "1", "--json"]) throws -> String {
            for _ in 0..<100 {
                let result = try daemon.admin(command)
                if result.status == 0,
                    let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                    let links = list["links"] as? [[String: Any]], let url = links.first?["url"] as? String
                {
                    return url
                }
                #expect(result.stderr.contains("未启用 HTTP 服务"), "\(result.stderr)")
                usleep(50_000)
            }
            throw TestSupportError("no link: the HTTP listener never became ready")
        }

        /// `partyadmin notice receipts 1 --json`.
        func receipts(_ daemon: DaemonProcess) throws -> [String: Any] {
            let result = try daemon.admin(["notice", "receipts", "1", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        }

        /// Runs one step of the browser script, everything it writes kept under `work`; `button` and `done` name
        /// the form's button and the text that shows it was taken (a notice's by default).
        func browse(_ step: String, _ url: String, _ work: String, button: [String] = []) throws -> CommandResult {
            let first = try run(step, url, work, button: button)
            // Nothing on standard output: the browser died (seen once in ten runs on a loaded two-core machine),
            // before or after the tap; one more try, which reports a tap already taken (the callers check that it
            // was recorded exactly once).
            guard first.status != 0, first.stdout.isEmpty else { return first }
            return try run(step, url, work, button: button)
        }

        private func run(_ step: String, _ url: String, _ work: String, button: [String]) throws -> CommandResult {
            try CommandRunner.run(
                Self.python,
                [Self.root + "/Tests/Browser/member_page.py", step, url, work] + button,
                environment: [
                    "HOME": work, "TMPDIR": work, "XDG_CONFIG_HOME": work + "/config",
                    "XDG_CACHE_HOME": work + "/cache",
                    "SE_OFFLINE": "true",
                ],
                timeout: 120
            )
        }
    }
}
