import Foundation
import PartyTesting
import Testing

/// `partyadmin reminder` against the built `partyd`, as an administrator types it.
extension EndToEnd {
    @Suite("End to end: partyadmin reminder", .serialized)
    struct ReminderConsoleEndToEndTests {
        @Test func rulesListAndRefusals() throws {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            #expect(try daemon.admin(["org", "add", "--code", "A", "--name", "宁波市委", "--kind", "党委"]).status == 0)

            let rules = try daemon.admin(["reminder", "rules"])
            #expect(rules.status == 0, "\(rules.stderr)")
            #expect(rules.stdout.contains("没有提醒规则。") || rules.stdout.contains("最近检查"))
            let rulesJSON = try daemon.admin(["reminder", "rules", "--json"])
            let ruleObject = try JSONSerialization.jsonObject(with: Data(rulesJSON.stdout.utf8)) as? [String: Any]
            let listedRules = try #require(ruleObject?["rules"] as? [[String: Any]])
            #expect(listedRules.allSatisfy { ($0["name"] as? String)?.isEmpty == false && $0["settings"] != nil })

            let list = try daemon.admin(["reminder", "list", "--org", "A", "--due-within", "30d"])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.contains("没有到期的事项。") || list.stdout.contains("到期日"))
            let listJSON = try daemon.admin(["reminder", "list", "--due-within", "7", "--json"])
            let listObject = try JSONSerialization.jsonObject(with: Data(listJSON.stdout.utf8)) as? [String: Any]
            #expect(listObject?["reminders"] is [Any])

            // A malformed number of days is the command line's fault; one out of range is the daemon's.
            let malformed = try daemon.admin(["reminder", "list", "--due-within", "2w"])
            #expect(malformed.status == 3)
            #expect(malformed.stderr.contains("--due-within 应为天数"))
            let tooFar = try daemon.admin(["reminder", "list", "--due-within", "400"])
            #expect(tooFar.status == 1)
            #expect(tooFar.stderr.contains("0-366"))

            let unknown = try daemon.admin(["reminder", "run", "no-such-rule"])
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("没有“no-such-rule”这条提醒规则"))
            let missing = try daemon.admin(["reminder", "snooze", "999", "--until", "2099-01-01"])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("提醒 999 不存在"))
            let history = try daemon.admin(["reminder", "history", "--limit", "5"])
            #expect(history.status == 0, "\(history.stderr)")
            try daemon.stop()
        }
    }
}
