/// One audit entry.
package struct AuditEntryView: Codable, Sendable, Equatable {
    /// Sequence number.
    package var id: Int64
    /// When (ISO 8601).
    package var at: String
    /// Unix user.
    package var actor: String
    /// Method called.
    package var method: String
    /// What it acted on (an organization code, a member, an account).
    package var target: String
    /// A Chinese summary.
    package var summary: String

    /// Creates the view.
    package init(id: Int64, at: String, actor: String, method: String, target: String, summary: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.method = method
        self.target = target
        self.summary = summary
    }
}
