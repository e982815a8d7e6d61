import Foundation

/// Chinese for the English that swift-argument-parser puts around our Chinese help: section headings, the
/// built-in flags' descriptions, placeholders, and the usage lines it appends to errors.
///
/// The library renders help itself (`HelpGenerator`) and offers no hook for its fixed words, so the rendered
/// text is rewritten. Only whole headings at the start of a line and the library's exact phrases are replaced;
/// the commands' own text is Chinese already and passes through.
package enum HelpText {
    /// Whether `text` is a help screen (rather than a version string or a completion script, which also reach
    /// standard output through the same path and must stay as they are).
    package static func isHelpScreen(_ text: String) -> Bool {
        text.hasPrefix("OVERVIEW: ") || text.hasPrefix("USAGE: ")
    }

    /// Headings as the library writes them at the start of a line, and their Chinese.
    static let headings: [(english: String, chinese: String)] = [
        ("OVERVIEW: ", "概述："),
        ("USAGE: ", "用法："),
        ("ARGUMENTS:", "参数："),
        ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "命令："),
        ("Usage: ", "用法："),
        ("Help:  ", "说明："),
    ]

    /// The library's fixed phrases anywhere in a line, and their Chinese.
    static let phrases: [(english: String, chinese: String)] = [
        ("Show help information.", "显示帮助信息。"),
        ("Show the version.", "显示版本号。"),
        ("Dump help information as JSON.", "以 JSON 输出帮助信息。"),
        ("Show subcommand help information.", "显示命令的帮助信息。"),
        ("<subcommands>", "<命令>"),
        ("<subcommand>", "<命令>"),
        ("<options>", "<选项>"),
        ("(default as flag: ", "(作为开关时默认："),
        ("(default: ", "(默认："),
        ("(values: ", "(可选值："),
        ("; default: ", "；默认："),
        (" (default)", "（默认）"),
    ]

    /// A help screen, or the usage lines of an error, with the library's English replaced.
    package static func translate(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { translateLine(String($0)) }
            .joined(separator: "\n")
    }

    /// One line: a leading heading, a closing hint, then the phrases.
    private static func translateLine(_ line: String) -> String {
        var line = line
        for (english, chinese) in headings where line.hasPrefix(english) {
            line = chinese + line.dropFirst(english.count)
            break
        }
        if let hint = hint(line) {
            return hint
        }
        for (english, chinese) in phrases {
            line = line.replacingOccurrences(of: english, with: chinese)
        }
        return line
    }

    /// The closing lines `  See 'X <subcommand>' for detailed help.` (under a group's help) and
    /// `  See 'X --help' for more information.` (under an error's usage), in Chinese.
    private static func hint(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("See '") else { return nil }
        let body = trimmed.dropFirst("See '".count)
        guard let quote = body.lastIndex(of: "'") else { return nil }
        let command = body[..<quote].replacingOccurrences(of: "<subcommand>", with: "<命令>")
        if body[quote...].hasPrefix("' for detailed help") {
            return "  各命令的详细说明：\(command)"
        }
        return "  详细说明：\(command)"
    }
}
