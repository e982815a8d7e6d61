import ArgumentParser

/// The values an option accepts, in one order, each with its English alias if it has one: the single source
/// of the option's help, its shell completion and the message for a value that is not one of them, so that
/// these can never list different values or the same values in another order.
struct Choices: Sendable {
    /// One accepted value.
    struct Entry: Sendable, Equatable {
        /// The Chinese name, as partyd stores and shows it.
        var name: String
        /// The English alias accepted in its place, if any.
        var alias: String?

        /// `党委（committee）`, or the name alone: a pair written without spaces, so that no line break can fall
        /// inside it.
        var label: String { alias.map { "\(name)（\($0)）" } ?? name }
    }

    /// The display width a line of values may take in help: the help column of an 80-column terminal, which
    /// starts at column 26, with some room to spare.
    static let lineWidth = 50

    /// The values, in the order every listing shows them.
    var entries: [Entry]

    /// Values without aliases.
    init(_ names: [String]) {
        entries = names.map { Entry(name: $0) }
    }

    /// Values with their aliases.
    init(_ pairs: [(name: String, alias: String)]) {
        entries = pairs.map { Entry(name: $0.name, alias: $0.alias) }
    }

    /// Every value as it is listed, in order.
    var labels: [String] { entries.map(\.label) }

    /// The values on one line: `党委（committee）、党总支（general-branch）…`.
    var listing: String { labels.joined(separator: "、") }

    /// The values packed into lines no wider than ``lineWidth``, breaking only between values.
    var lines: [String] {
        var lines: [String] = []
        var line = ""
        for label in labels {
            let candidate = line.isEmpty ? label : line + "、" + label
            if !line.isEmpty && DisplayWidth.of(candidate) > Self.lineWidth {
                lines.append(line + "、")
                line = label
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Help for the option: ``helpText(_:)`` with the value's name.
    func help(_ lead: String, valueName: String) -> ArgumentHelp {
        ArgumentHelp(helpText(lead), valueName: valueName)
    }

    /// `lead` on the first line and the values below it; a short list stays on the lead's line.
    func helpText(_ lead: String) -> String {
        let lines = self.lines
        if lines.count == 1 && DisplayWidth.of(lead + lines[0]) <= Self.lineWidth {
            return lead + "：" + lines[0]
        }
        return ([lead + "："] + lines).joined(separator: "\n")
    }

    /// Shell completion: the Chinese names, then the aliases.
    var completion: CompletionKind {
        .list(entries.map(\.name) + entries.compactMap(\.alias))
    }

    /// What ArgumentParser shows after `--kind <kind> 的值“x”无效：` when a value is refused.
    struct Refusal: Error, CustomStringConvertible {
        /// The accepted values, in order.
        var listing: String
        /// `可选值为 …`.
        var description: String { "可选值为 " + listing }
    }

    /// The refusal that lists these values.
    var refusal: Refusal { Refusal(listing: listing) }
}
