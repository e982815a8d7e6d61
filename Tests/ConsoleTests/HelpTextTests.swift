import Foundation
import Testing

/// The help screens of the built executables: Chinese headings and built-in flags, alias pairs unbroken.
@Suite("Help of the built executables", .serialized)
struct HelpTextTests {
    /// The library's English words that must not appear in a help screen.
    static let english = [
        "OVERVIEW", "USAGE", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS", "Show help information", "Show the version",
        "See '", "<subcommand>", "(default",
    ]

    /// Checks a help screen: success, on standard output, with Chinese headings only.
    func expectChineseHelp(_ outcome: BuiltBinary.Outcome, headings: [String]) {
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("概述："), "\(outcome.stdout)")
        for heading in ["用法："] + headings {
            #expect(outcome.stdout.contains("\n" + heading), "\(heading) missing from \(outcome.stdout)")
        }
        #expect(outcome.stdout.contains("显示帮助信息。"))
        for word in Self.english {
            #expect(!outcome.stdout.contains(word), "\(word) in \(outcome.stdout)")
        }
    }

    /// The root's help: its commands, the version flag and the hint about `help`.
    @Test func partyadminRoot() throws {
        let outcome = try BuiltBinary.partyadmin.run("--help")
        expectChineseHelp(outcome, headings: ["选项：", "命令："])
        #expect(outcome.stdout.contains("显示版本号。"))
        #expect(outcome.stdout.contains("各命令的详细说明：partyadmin help <命令>"))
        // Without arguments the root prints the same help.
        #expect(try BuiltBinary.partyadmin.run().stdout == outcome.stdout)
    }

    /// A leaf's help, whose `--kind` lists every kind with its alias, no pair split across lines.
    @Test func partyadminLeaf() throws {
        let outcome = try BuiltBinary.partyadmin.run("org", "add", "--help")
        expectChineseHelp(outcome, headings: ["选项："])
        let kinds = [
            "党委（committee）", "党总支（general-branch）", "党支部（branch）", "联合党支部（joint-branch）",
            "党小组（group）", "党组（leading-group）", "党工委（working-committee）",
        ]
        var position = outcome.stdout.startIndex
        for kind in kinds {
            let found = outcome.stdout.range(of: kind, range: position..<outcome.stdout.endIndex)
            #expect(found != nil, "\(kind) missing or out of order in \(outcome.stdout)")
            position = found?.upperBound ?? position
        }
        let positional = try BuiltBinary.partyadmin.run("org", "show", "--help")
        expectChineseHelp(positional, headings: ["参数：", "选项："])
    }

    /// `help help`: the library's own command, in Chinese too.
    @Test func helpCommand() throws {
        let outcome = try BuiltBinary.partyadmin.run("help", "help")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("概述：显示命令的帮助信息。"))
        #expect(outcome.stdout.contains("用法：partyadmin help [<命令> ...]"))
    }

    /// partyd's help.
    @Test func partyd() throws {
        expectChineseHelp(try BuiltBinary.partyd.run("--help"), headings: ["选项："])
    }

    /// The version and completion scripts are printed as the library makes them.
    @Test func versionAndCompletion() throws {
        let version = try BuiltBinary.partyadmin.run("--version")
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
        let script = try BuiltBinary.partyadmin.run("--generate-completion-script", "bash")
        #expect(script.status == 0)
        #expect(script.stdout.contains("partyadmin"))
    }
}
