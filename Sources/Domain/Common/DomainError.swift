/// A refusal by a domain rule: what kind of refusal it is, a stable machine-readable reason,
/// the offending field when there is one, and a message in Chinese for the person at the console.
///
/// The kind decides the numeric error code at the RPC boundary; the reason is what scripts match on.
package struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad class of a refusal; each maps to one stable JSON-RPC error code.
    package enum Kind: String, Sendable, Codable, CaseIterable {
        /// A value is malformed or out of range (bad date, bad code, empty name).
        case invalid
        /// The thing named does not exist.
        case notFound
        /// The change would collide with something that exists (duplicate code or identity number).
        case conflict
        /// A rule of the domain forbids the change (nesting, moving into a descendant, read-only record).
        case rule
        /// The organization still holds members or children.
        case notEmpty
        /// The caller is known but the target lies outside what their role may see or change.
        case forbidden
        /// The caller has no account.
        case unauthenticated
    }

    /// The broad class of the refusal.
    package let kind: Kind
    /// A stable dotted identifier such as `org.nesting`, for scripts.
    package let reason: String
    /// The parameter or column at fault, when one is.
    package let field: String?
    /// The explanation shown to the user, in Simplified Chinese.
    package let message: String

    /// Creates a refusal.
    package init(_ kind: Kind, reason: String, field: String? = nil, message: String) {
        self.kind = kind
        self.reason = reason
        self.field = field
        self.message = message
    }

    /// The Chinese message, so that `print(error)` shows what the user needs.
    package var description: String { message }
}

extension DomainError {
    /// A malformed or out-of-range value in `field`.
    package static func invalid(_ field: String, _ message: String, reason: String = "invalid_value") -> DomainError {
        DomainError(.invalid, reason: reason, field: field, message: message)
    }

    /// A missing record named by `field`.
    package static func notFound(_ field: String?, _ message: String, reason: String) -> DomainError {
        DomainError(.notFound, reason: reason, field: field, message: message)
    }
}
