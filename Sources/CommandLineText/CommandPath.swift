import ArgumentParser

/// The commands a command line names, followed from the root through the subcommands' names (as the library
/// does), up to the first word that is not one of them.
package struct CommandPath {
    /// The root and each subcommand named, in order.
    package var stack: [any ParsableCommand.Type]
    /// How many leading words named the subcommands.
    package var consumed: Int

    /// Follows `arguments` from `root`, stopping at the first option or unknown word.
    package init(root: any ParsableCommand.Type, arguments: [String]) {
        stack = [root]
        consumed = 0
        for word in arguments {
            guard !word.hasPrefix("-"), let next = Self.subcommand(of: stack[stack.count - 1], named: word) else {
                break
            }
            stack.append(next)
            consumed += 1
        }
    }

    /// The last command named.
    package var leaf: any ParsableCommand.Type { stack[stack.count - 1] }

    /// The command names as typed on a command line, root included: `partyadmin org add`.
    package var commandLine: String { stack.map { $0._commandName }.joined(separator: " ") }

    /// The names below the root: `org add`.
    package var relativeName: String { stack.dropFirst().map { $0._commandName }.joined(separator: " ") }

    /// The subcommand of `command` called `name` (or one of its aliases), if any.
    package static func subcommand(
        of command: any ParsableCommand.Type,
        named name: String
    ) -> (any ParsableCommand.Type)? {
        command.configuration.subcommands.first { $0._commandName == name || $0.configuration.aliases.contains(name) }
    }

    /// The names of `command`'s subcommands, for suggestions.
    package static func subcommandNames(of command: any ParsableCommand.Type) -> [String] {
        command.configuration.subcommands.map { $0._commandName }
    }
}
