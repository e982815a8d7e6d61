import Domain
import Foundation

/// Which member records a listing wants.
package struct MemberQuery: Sendable, Equatable {
    /// The organization listed.
    package var orgID: Int64?
    /// With `orgID`: include every organization of its subtree, given by this path.
    package var subtree: OrgPath?
    /// Only this category.
    package var category: MemberCategory?
    /// Only members carrying this flag.
    package var flag: MemberFlag?
    /// A fragment of the name, or an exact identity number.
    package var search: String?
    /// On the roll (default) or history.
    package var history: Bool
    /// At most this many.
    package var limit: Int
    /// Skip this many (paging).
    package var offset: Int

    /// Creates a query.
    package init(
        orgID: Int64? = nil,
        subtree: OrgPath? = nil,
        category: MemberCategory? = nil,
        flag: MemberFlag? = nil,
        search: String? = nil,
        history: Bool = false,
        limit: Int = 100,
        offset: Int = 0
    ) {
        self.orgID = orgID
        self.subtree = subtree
        self.category = category
        self.flag = flag
        self.search = search
        self.history = history
        self.limit = limit
        self.offset = offset
    }
}

/// One line of a member's or an organization's roster history.
package struct MemberHistoryEntry: Sendable, Equatable {
    /// The member.
    package var memberID: Int64
    /// The member's name.
    package var memberName: String
    /// When (UTC instant).
    package var at: Date
    /// Who.
    package var actor: String
    /// The method.
    package var action: String
    /// What changed.
    package var summary: String
}

/// Member reads inside a transaction.
package protocol MemberReader {
    /// The member by internal id (digits) or identity number.
    func member(reference: String) throws -> Member?
    /// The member holding an identity number (never matches "#").
    func member(idNumber: String) throws -> Member?
    /// Members matching a query, ordered by organization then name.
    func members(_ query: MemberQuery) throws -> [Member]
    /// How many members match a query (ignoring limit and offset).
    func countMembers(_ query: MemberQuery) throws -> Int
    /// Roster history of the organizations in `subtree` (or of one member), newest first.
    func memberHistory(subtree: OrgPath?, memberID: Int64?, limit: Int) throws -> [MemberHistoryEntry]
    /// Which of these identity numbers are already taken, and by whom.
    func existingIDNumbers(_ numbers: [String]) throws -> [String: Member]
}

/// Member changes inside a write transaction.
package protocol MemberWriter {
    /// Inserts a member (its id is assigned) and returns it.
    func insertMember(_ member: Member) throws -> Member
    /// Saves every field of an existing member.
    func updateMember(_ member: Member) throws
}
