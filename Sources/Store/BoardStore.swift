import Domain

/// A board message with what listing it needs besides: its author's name and its organization's code and name,
/// read in the same statement.
package struct BoardEntry: Sendable, Equatable {
    /// The message.
    package var message: BoardMessage
    /// The author's name as the roster has it now.
    package var authorName: String
    /// The organization's code.
    package var orgCode: String
    /// The organization's name.
    package var orgName: String

    /// Creates the entry.
    package init(message: BoardMessage, authorName: String, orgCode: String, orgName: String) {
        self.message = message
        self.authorName = authorName
        self.orgCode = orgCode
        self.orgName = orgName
    }
}

/// A page of board messages: newest first, numbered below `before`, at most `limit`, in `states`.
package struct BoardPage: Sendable, Equatable {
    /// The states wanted.
    package var states: Set<BoardState>
    /// Only messages numbered below this (paging).
    package var before: Int64?
    /// At most this many.
    package var limit: Int

    /// Creates the page.
    package init(states: Set<BoardState>, before: Int64?, limit: Int) {
        self.states = states
        self.before = before
        self.limit = limit
    }
}

/// Board reads inside a transaction.
package protocol BoardReader {
    /// The message with `id`, whatever its state.
    func boardMessage(id: Int64) throws -> BoardEntry?
    /// Messages addressed to organizations in the subtree at `root` (or everywhere).
    func boardMessages(under root: OrgPath?, page: BoardPage) throws -> [BoardEntry]
    /// What a member may see: messages approved and shown addressed to one of `orgIDs`, and their own messages
    /// addressed to one of `orgIDs` (deleted ones never).
    func boardMessages(visibleTo memberID: Int64, in orgIDs: [Int64], page: BoardPage) throws -> [BoardEntry]
    /// A member's own messages, in every state.
    func boardMessages(author memberID: Int64, before: Int64?, limit: Int) throws -> [BoardEntry]
    /// How many of a member's messages wait for review.
    func pendingBoardMessageCount(author memberID: Int64) throws -> Int
}

/// Board changes inside a write transaction.
package protocol BoardWriter {
    /// Inserts a new message and returns it with its id.
    func insertBoardMessage(_ message: BoardMessage) throws -> BoardMessage
    /// Saves a message's state, showing, approval, reply and deletion (its text, author and organization never
    /// change).
    func updateBoardMessage(_ message: BoardMessage) throws
}
