import Testing

/// What the built executables print for a wrong command line: Chinese, prefixed with `错误：`, followed by the
/// command's usage, with exit code 3. One at a time: each test spawns processes.
@Suite("Usage errors of the built executables", .serialized)
struct UsageErrorTests {
    /// The library's English must not leak into anything a user reads.
    static let english = ["Error:", "Usage:", "Help:", "See '", "Missing", "Unexpected", "Unknown", "invalid"]

    /// Checks the common shape: exit 3, nothing on standard output, `错误：message` first, then the usage.
    func expectUsageError(_ outcome: BuiltBinary.Outcome, _ message: String, usage: String) {
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "错误：" + message, "\(outcome.stderr)")
        #expect(lines.contains { $0.hasPrefix("用法：" + usage) }, "\(outcome.stderr)")
        for word in Self.english {
            #expect(!outcome.stderr.contains(word), "\(word) in \(outcome.stderr)")
        }
    }

    /// A missing required option names it with its value.
    @Test func missingArgument() throws {
        let outcome = try BuiltBinary.partyadmin.run("org", "add", "--name", "第一党支部", "--kind", "党支部")
        expectUsageError(outcome, "缺少必需的参数 --code <code>", usage: "partyadmin org add")
        #expect(outcome.stderr.contains("详细说明：partyadmin org add --help"))
    }

    /// A word the command does not take.
    @Test func unexpectedArgument() throws {
        let outcome = try BuiltBinary.partyadmin.run("org", "show", "01", "frob")
        expectUsageError(outcome, "多余的参数“frob”", usage: "partyadmin org show")
    }

    /// A value of the wrong type.
    @Test func invalidValue() throws {
        let outcome = try BuiltBinary.partyadmin.run("org", "tree", "--depth", "abc")
        expectUsageError(outcome, "--depth <n> 的值“abc”无效", usage: "partyadmin org tree")
    }

    /// A command's own check keeps its Chinese and gains the prefix.
    @Test func validationError() throws {
        let outcome = try BuiltBinary.partyadmin.run("org", "tree", "--depth", "-1")
        expectUsageError(outcome, "--depth 不能为负数", usage: "partyadmin org tree")
    }

    /// A mistyped option is reported before the option it failed to give, with the nearest one offered.
    @Test func unknownOptionWithSuggestion() throws {
        let outcome = try BuiltBinary.partyadmin.run("org", "add", "--cod", "01", "--name", "党委", "--kind", "党委")
        expectUsageError(outcome, "未知选项“--cod”。是否要用“--code”？", usage: "partyadmin org add")
        let far = try BuiltBinary.partyadmin.run("org", "tree", "--zzzzzz")
        expectUsageError(far, "未知选项“--zzzzzz”", usage: "partyadmin org tree")
    }

    /// A kind that does not exist: the kinds with their aliases, in the order the help lists them.
    @Test func invalidKind() throws {
        let outcome = try BuiltBinary.partyadmin.run("org", "add", "--code", "01", "--name", "x", "--kind", "党员")
        let listing =
            "党委（committee）、党总支（general-branch）、党支部（branch）、联合党支部（joint-branch）、"
            + "党小组（group）、党组（leading-group）、党工委（working-committee）"
        expectUsageError(outcome, "--kind <kind> 的值“党员”无效：可选值为 " + listing, usage: "partyadmin org add")
    }

    /// A command that does not exist, at the top and inside a group, with the nearest offered.
    @Test func unknownCommand() throws {
        let top = try BuiltBinary.partyadmin.run("frob")
        expectUsageError(top, "没有“frob”这个命令", usage: "partyadmin")
        let inGroup = try BuiltBinary.partyadmin.run("org", "shw", "01")
        expectUsageError(inGroup, "没有“org shw”这个命令。是否要用“org show”？", usage: "partyadmin org")
    }

    /// `help` about a command that does not exist says so and fails; about one that exists, prints its help.
    @Test func helpForUnknownCommand() throws {
        expectUsageError(try BuiltBinary.partyadmin.run("help", "foo"), "没有“foo”这个命令", usage: "partyadmin")
        expectUsageError(
            try BuiltBinary.partyadmin.run("help", "org", "foo"),
            "没有“org foo”这个命令",
            usage: "partyadmin org"
        )
        let known = try BuiltBinary.partyadmin.run("help", "org", "add")
        #expect(known.status == 0)
        #expect(known.stdout.contains("用法：partyadmin org add"))
    }

    /// partyd's own command line fails the same way, with partyadmin's code.
    @Test func partydUnknownOption() throws {
        let outcome = try BuiltBinary.partyd.run("--bogus")
        expectUsageError(outcome, "未知选项“--bogus”", usage: "partyd")
        let near = try BuiltBinary.partyd.run("--socket-grop", "x")
        expectUsageError(near, "未知选项“--socket-grop”。是否要用“--socket-group”？", usage: "partyd")
    }
}
