import ArgumentParser

/// What to print for an error the library threw while parsing or running a command, and where: the
/// executables' `main` asks for one and only picks the exit codes.
package struct Diagnosis: Equatable {
    /// Where the text goes and what kind of exit follows.
    package enum Kind: Equatable {
        /// Help, a version or a completion script: standard output, success.
        case output
        /// A wrong command line: standard error, the executable's usage code.
        case usage
        /// Anything else the library reports: standard error, with the library's code.
        case failure(Int32)
    }

    /// What kind of outcome this is.
    package var kind: Kind
    /// The text to print (no trailing newline); empty when there is nothing to say.
    package var text: String

    /// The prefix of every error message, as the console's other errors have it.
    package static let errorPrefix = "错误："

    /// A usage error: the message, then the command's usage and where to read more.
    package init(problem: UsageProblem) {
        kind = .usage
        text = """
            \(Self.errorPrefix)\(problem.message)
            \(HelpText.translate("Usage: " + problem.usage))
              详细说明：\(problem.commandLine) --help
            """
    }

    /// Creates a diagnosis from its parts.
    package init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// Checks made before parsing: `help` followed by a command that does not exist.
    package static func beforeParsing(root: any ParsableCommand.Type, arguments: [String]) -> Diagnosis? {
        UsageCheck.helpTarget(root: root, arguments: arguments).map(Diagnosis.init(problem:))
    }

    /// The diagnosis for `error`, thrown by `root`'s parsing (`arguments` given) or by a command's `run()`
    /// (`arguments` nil).
    ///
    /// When parsing failed, an unknown command or option on the line is reported first; otherwise the
    /// library's own message is put into Chinese with its usage lines.
    package static func of(
        _ error: any Error,
        root: any ParsableCommand.Type,
        arguments: [String]?
    ) -> Diagnosis {
        let code = root.exitCode(for: error)
        if code == .success {
            let text = root.fullMessage(for: error)
            return Diagnosis(kind: .output, text: HelpText.isHelpScreen(text) ? HelpText.translate(text) : text)
        }
        if let arguments, let problem = UsageCheck.firstProblem(root: root, arguments: arguments) {
            return Diagnosis(problem: problem)
        }
        let message = root.message(for: error)
        let full = root.fullMessage(for: error)
        // The full text is the library's "Error: " + message, a newline, then its usage lines (if any).
        let englishHead = "Error: " + message
        var tail = full.hasPrefix(englishHead) ? String(full.dropFirst(englishHead.count)) : ""
        if tail.hasPrefix("\n") { tail.removeFirst() }
        var text = message.isEmpty ? "" : Self.errorPrefix + ParserMessages.translate(message)
        let lines = usageLines(tail, repeatsValues: message.hasPrefix("The value '"))
        if !lines.isEmpty {
            text += (text.isEmpty ? "" : "\n") + HelpText.translate(lines)
        }
        let isUsage = arguments != nil || code == .validationFailure
        return Diagnosis(kind: isUsage ? .usage : .failure(code.rawValue), text: text)
    }

    /// The library's lines under an error message: an optional `Help:` block (the option's help, which may
    /// run over several lines), then `Usage:` and the hint. A several-line help block is indented under its
    /// heading, or left out when the message already lists the accepted values (`repeatsValues`).
    private static func usageLines(_ tail: String, repeatsValues: Bool) -> String {
        var lines = tail.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let usageStart = lines.firstIndex { $0.hasPrefix("Usage: ") } ?? lines.count
        if usageStart > 1 {
            if repeatsValues {
                lines.removeSubrange(0..<usageStart)
            } else {
                for index in 1..<usageStart { lines[index] = "      " + lines[index] }
            }
        }
        return lines.joined(separator: "\n")
    }
}
