import ArgumentParser

/// The mistakes worth reporting before whatever the library reports: a command that does not exist, and an
/// option the command does not have.
///
/// The library decodes a command's declared arguments before it looks at the words left over, so
/// `org add --cod 01` fails on the missing `--code` and never mentions the typo that caused it. These checks
/// run only once the library has refused a command line (or, for `help`, before it prints help for a command
/// that is not there), so they never refuse a line the library accepts.
package struct UsageProblem: Equatable {
    /// The Chinese message, without the `错误：` prefix.
    package var message: String
    /// The command whose usage to show under it, as typed from the root (`partyadmin org`).
    package var commandLine: String
    /// That command's usage line, from the library.
    package var usage: String
}

/// See ``UsageProblem``.
package enum UsageCheck {
    /// `help a b …` naming a command that does not exist. The library would print the nearest parent's help
    /// with success; a user who asked about `help foo` should learn that there is no `foo`.
    package static func helpTarget(root: any ParsableCommand.Type, arguments: [String]) -> UsageProblem? {
        guard arguments.first == "help" else { return nil }
        let names = arguments.dropFirst().prefix { !$0.hasPrefix("-") }
        // `help help` is the library's own command, which no subcommand list names.
        guard names.first != "help" else { return nil }
        let path = CommandPath(root: root, arguments: Array(names))
        guard path.consumed < names.count else { return nil }
        return unknownCommand(path: path, word: names[names.startIndex + path.consumed], root: root)
    }

    /// The first unknown command or option on a command line the library refused.
    package static func firstProblem(root: any ParsableCommand.Type, arguments: [String]) -> UsageProblem? {
        let path = CommandPath(root: root, arguments: arguments)
        let rest = arguments.dropFirst(path.consumed)
        if let word = rest.first, !word.hasPrefix("-"), !path.leaf.configuration.subcommands.isEmpty,
            path.leaf.configuration.defaultSubcommand == nil
        {
            return unknownCommand(path: path, word: word, root: root)
        }
        guard let option = unknownOption(in: Array(rest), of: path.leaf) else { return nil }
        let names = OptionNames(of: path.leaf)
        let typed = option.split(separator: "=", maxSplits: 1).first.map(String.init) ?? option
        let suggestion = typed.hasPrefix("--") ? Suggestions.nearest(to: typed, among: names.suggestions) : nil
        return UsageProblem(
            message: Suggestions.unknownOption(typed, suggestion: suggestion),
            commandLine: path.commandLine,
            usage: usage(of: path, root: root)
        )
    }

    /// The first word of `words` that looks like an option `command` does not have. The word after an option
    /// that takes a value is its value, whatever it looks like; `-` alone, negative numbers and everything
    /// after `--` are values too.
    static func unknownOption(in words: [String], of command: any ParsableCommand.Type) -> String? {
        let names = OptionNames(of: command)
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--" { return nil }
            guard word.hasPrefix("-"), word != "-", Double(word) == nil else { continue }
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            guard names.knows(name) else { return word }
            if names.takesValue(name), !word.contains("=") {
                index += 1
            }
        }
        return nil
    }

    /// `没有“org frob”这个命令`, with the nearest subcommand's full name offered.
    private static func unknownCommand(
        path: CommandPath,
        word: String,
        root: any ParsableCommand.Type
    ) -> UsageProblem {
        let prefix = path.relativeName.isEmpty ? "" : path.relativeName + " "
        let nearest = Suggestions.nearest(to: word, among: CommandPath.subcommandNames(of: path.leaf))
        return UsageProblem(
            message: Suggestions.unknownCommand(prefix + word, suggestion: nearest.map { prefix + $0 }),
            commandLine: path.commandLine,
            usage: usage(of: path, root: root)
        )
    }

    /// The library's usage line for the command at the end of `path`.
    private static func usage(of path: CommandPath, root: any ParsableCommand.Type) -> String {
        path.stack.count == 1 ? root.usageString() : root.usageString(for: path.leaf)
    }
}
