import Foundation

/// A secret a channel holds (a signing key, a robot URL with its key, a password). It prints as `***` in
/// descriptions, debug output and mirrors, so no log line or error can show it.
package struct ChannelSecret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret itself, for the code that signs or connects.
    package let value: String

    /// Wraps `value`.
    package init(_ value: String) {
        self.value = value
    }

    /// Always `***`.
    package var description: String { "***" }
    /// Always `***`.
    package var debugDescription: String { "***" }
    /// A mirror with no children, so `dump` shows nothing either.
    package var customMirror: Mirror { Mirror(self, children: [:]) }
}

extension String {
    /// The text with every occurrence of the secrets replaced by `***`, for reasons quoted from a server's reply.
    func redacting(_ secrets: [ChannelSecret?]) -> String {
        var text = self
        for secret in secrets.compactMap(\.self) where !secret.value.isEmpty {
            text = text.replacingOccurrences(of: secret.value, with: "***")
        }
        return text
    }

    /// The longest prefix whose UTF-8 form fits in `limit` bytes, cut on a character boundary, with an ellipsis
    /// when something was cut.
    func truncatedUTF8(to limit: Int) -> String {
        guard utf8.count > limit else { return self }
        let ellipsis = "…"
        var budget = limit - ellipsis.utf8.count
        var end = startIndex
        for character in self {
            let size = character.utf8.count
            guard size <= budget else { break }
            budget -= size
            end = index(after: end)
        }
        return String(self[..<end]) + ellipsis
    }
}
