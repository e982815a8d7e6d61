/// One line of roster history.
package struct MemberHistoryView: Codable, Sendable, Equatable {
    /// The member's id.
    package var memberID: Int64
    /// The member's name.
    package var memberName: String
    /// When.
    package var at: String
    /// Who.
    package var actor: String
    /// The method.
    package var action: String
    /// What changed.
    package var summary: String
    /// Creates the line.
    package init(memberID: Int64, memberName: String, at: String, actor: String, action: String, summary: String) {
        self.memberID = memberID
        self.memberName = memberName
        self.at = at
        self.actor = actor
        self.action = action
        self.summary = summary
    }
}
