import ArgumentParser
import Foundation

/// The option names one command accepts, read from the library's JSON description of it (`_dumpHelp()`, the
/// same document `--experimental-dump-help` prints), since its argument definitions are not public.
package struct OptionNames {
    /// Every long name with its dashes (`--code`), in declaration order, each with whether it takes a value.
    package var long: [(name: String, takesValue: Bool)] = []
    /// Every short name with its dash (`-o`), each with whether it takes a value.
    package var short: [(name: String, takesValue: Bool)] = []

    /// Options the library accepts without their being declared: on any command, or on the root (the version
    /// and the completion script, which takes the shell's name).
    static let builtIns: [(name: String, takesValue: Bool)] = [
        ("--help", false), ("-h", false), ("--help-hidden", false), ("-help", false), ("--version", false),
        ("--experimental-dump-help", false), ("--generate-completion-script", true),
    ]

    /// The names `command` declares, plus the library's built-ins; empty if the description cannot be read.
    package init(of command: any ParsableCommand.Type) {
        let json = Data(command._dumpHelp().utf8)
        let arguments = (try? JSONDecoder().decode(Dump.self, from: json))?.command.arguments ?? []
        for argument in arguments where argument.kind != "positional" {
            let takesValue = argument.kind == "option"
            for name in argument.names ?? [] {
                switch name.kind {
                case "short": short.append(("-" + name.name, takesValue))
                case "longWithSingleDash": long.append(("-" + name.name, takesValue))
                default: long.append(("--" + name.name, takesValue))
                }
            }
        }
    }

    /// Whether `name` (as typed, without any `=value`) is one of the command's options or a built-in.
    package func knows(_ name: String) -> Bool {
        (Self.builtIns + long + short).contains { $0.name == name }
    }

    /// Whether the option `name` consumes the word after it as its value.
    package func takesValue(_ name: String) -> Bool {
        (Self.builtIns + long + short).first { $0.name == name }?.takesValue ?? false
    }

    /// The long names offered as suggestions.
    package var suggestions: [String] { long.map(\.name) }

    /// The part of the dump this reads.
    private struct Dump: Decodable {
        /// The command described.
        var command: Command
    }

    /// A command in the dump.
    private struct Command: Decodable {
        /// Its arguments, options and flags.
        var arguments: [Argument]?
    }

    /// An argument, option or flag in the dump.
    private struct Argument: Decodable {
        /// `positional`, `option` (takes a value) or `flag`.
        var kind: String
        /// Its names; none for a positional argument.
        var names: [Name]?
    }

    /// One name of an option or flag.
    private struct Name: Decodable {
        /// `long`, `short` or `longWithSingleDash`.
        var kind: String
        /// The name without dashes.
        var name: String
    }
}
