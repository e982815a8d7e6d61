import CommandLineText
import Testing

/// The Chinese for each of swift-argument-parser's message templates, and the suggestions.
@Suite("Parser messages")
struct ParserMessagesTests {
    /// Each template the library uses for a wrong command line, as `message(for:)` returns it.
    @Test(arguments: [
        ("Missing expected argument '--code <code>'", "缺少必需的参数 --code <code>"),
        ("Missing one of: '--a', '--b'", "缺少参数，须给出其中之一：“--a”、“--b”"),
        ("Missing value for '--depth <n>'", "--depth <n> 缺少值"),
        ("Unknown option '--cod'. Did you mean '--code'?", "未知选项“--cod”。是否要用“--code”？"),
        ("Unknown option '-x'", "未知选项“-x”"),
        ("Unexpected argument 'frob'", "多余的参数“frob”"),
        ("2 unexpected arguments: 'a', 'b'", "多余的参数：“a”、“b”"),
        ("The value 'abc' is invalid for '--depth <n>'", "--depth <n> 的值“abc”无效"),
        ("The value 'x' is invalid for '<code>': 太长", "<code> 的值“x”无效：太长"),
        (
            "The value 'x' is invalid for '--as <as>'. Please provide one of 'a', 'b' or 'c'.",
            "--as <as> 的值“x”无效，应为：“a”、“b”、“c”"
        ),
        ("The option '--json' does not take any value, but '1' was specified.", "选项 --json 不接受值，却给出了“1”"),
        ("Value to be set with flag '--show' had already been set with flag '--hide'", "--hide 与 --show 只能给出其一"),
        ("Missing required subcommand.", "缺少命令"),
        ("--depth 不能为负数", "--depth 不能为负数"),
    ])
    func translate(english: String, chinese: String) {
        #expect(ParserMessages.translate(english) == chinese)
    }

    /// A value list of six or more comes as a bulleted list.
    @Test func bulletedValues() {
        let english = "The value 'x' is invalid for '--k <k>'. Please provide one of the following:\n  - a\n  - b"
        #expect(ParserMessages.translate(english) == "--k <k> 的值“x”无效，应为：a、b")
    }

    /// The nearest name within a third of its length, or none.
    @Test func nearest() {
        let options = ["--code", "--name", "--kind", "--parent", "--socket", "--json"]
        #expect(Suggestions.nearest(to: "--cod", among: options) == "--code")
        #expect(Suggestions.nearest(to: "--parnet", among: options) == "--parent")
        #expect(Suggestions.nearest(to: "--zzzzzz", among: options) == nil)
        #expect(Suggestions.nearest(to: "shw", among: ["add", "show", "tree"]) == "show")
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("", "abc") == 3)
    }

    /// Help headings, built-in flags and the closing hints.
    @Test func helpText() {
        let english = """
            OVERVIEW: 党组织管理。

            USAGE: partyadmin org <subcommand>

            OPTIONS:
              -h, --help              Show help information.

            SUBCOMMANDS:
              add                     新建党组织。

              See 'partyadmin help org <subcommand>' for detailed help.
            """
        let chinese = """
            概述：党组织管理。

            用法：partyadmin org <命令>

            选项：
              -h, --help              显示帮助信息。

            命令：
              add                     新建党组织。

              各命令的详细说明：partyadmin help org <命令>
            """
        #expect(HelpText.translate(english) == chinese)
        #expect(HelpText.isHelpScreen(english))
        #expect(!HelpText.isHelpScreen("0.1.0"))
    }
}
