/// A message to post on an organization's board, as typed.
package struct BoardPostFields: Codable, Sendable, Equatable {
    /// What to say: 1 to 1000 characters, one or several lines.
    package var text: String
    /// The organization's code: the member's own branch (default) or one above it.
    package var org: String?

    /// Creates the fields.
    package init(text: String, org: String? = nil) {
        self.text = text
        self.org = org
    }
}

/// A board message as the protocol shows it. What a member is shown of other people's messages is narrowed by
/// the daemon: no author id, no administrators' names, and never the text of a deleted message.
package struct BoardMessageView: Codable, Sendable, Equatable {
    /// Its number.
    package var id: Int64
    /// The organization it is addressed to.
    package var orgCode: String
    /// That organization's name.
    package var orgName: String
    /// The author's member id (for administrators and for the author).
    package var authorID: Int64?
    /// The author's name.
    package var authorName: String
    /// What they wrote; absent once the message is deleted.
    package var text: String?
    /// When it was posted (ISO 8601 with the zone's offset).
    package var postedAt: String
    /// Pending, approved or deleted.
    package var state: BoardState
    /// Whether the organization's members see it and its reply.
    package var shown: Bool
    /// Who approved it (administrators only).
    package var approvedBy: String?
    /// When it was approved.
    package var approvedAt: String?
    /// The administrators' answer.
    package var reply: String?
    /// Who wrote the answer.
    package var repliedBy: String?
    /// When the answer was written or last changed.
    package var repliedAt: String?
    /// Who deleted it (administrators only).
    package var deletedBy: String?
    /// When it was deleted.
    package var deletedAt: String?
    /// Why it was deleted (administrators only).
    package var deleteReason: String?

    /// Creates the view.
    package init(
        id: Int64,
        orgCode: String,
        orgName: String,
        authorID: Int64?,
        authorName: String,
        text: String?,
        postedAt: String,
        state: BoardState,
        shown: Bool,
        approvedBy: String? = nil,
        approvedAt: String? = nil,
        reply: String? = nil,
        repliedBy: String? = nil,
        repliedAt: String? = nil,
        deletedBy: String? = nil,
        deletedAt: String? = nil,
        deleteReason: String? = nil
    ) {
        self.id = id
        self.orgCode = orgCode
        self.orgName = orgName
        self.authorID = authorID
        self.authorName = authorName
        self.text = text
        self.postedAt = postedAt
        self.state = state
        self.shown = shown
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.reply = reply
        self.repliedBy = repliedBy
        self.repliedAt = repliedAt
        self.deletedBy = deletedBy
        self.deletedAt = deletedAt
        self.deleteReason = deleteReason
    }
}
