/// A change refused by a constraint of the schema itself, after the rules let it through (a race the rules
/// could not see, or a rule still missing). Backend-neutral so that handlers never see SQLite's error types.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    /// Which constraint refused.
    package enum Kind: Sendable {
        /// A unique key.
        case duplicate
        /// A foreign key.
        case reference
        /// A CHECK or NOT NULL constraint.
        case check
    }

    /// Which constraint refused.
    package let kind: Kind
    /// The backend's own words, for the log.
    package let detail: String

    /// Creates the error.
    package init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// The backend's words.
    package var description: String { detail }
}
