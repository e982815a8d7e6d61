/// Which members a listing wants, as the caller gave it: text values are parsed by the operation, absent ones
/// take their defaults (the caller's scope, the roll, 100 rows from the first).
package struct MemberListing: Codable, Sendable, Equatable {
    /// The organization's code; defaults to the caller's scope (everything for an admin).
    package var org: String?
    /// Include the whole subtree.
    package var recursive: Bool?
    /// 正式党员 or 预备党员.
    package var category: String?
    /// 困难党员, 流动党员 or 失联.
    package var flag: String?
    /// A name fragment or an identity number.
    package var search: String?
    /// History (left the roll) instead of members on the roll.
    package var history: Bool?
    /// At most this many (default 100, at most 10000; 0 = count only).
    package var limit: Int?
    /// Skip this many.
    package var offset: Int?
    /// Creates the parameters.
    package init(
        org: String? = nil,
        recursive: Bool? = nil,
        category: String? = nil,
        flag: String? = nil,
        search: String? = nil,
        history: Bool? = nil,
        limit: Int? = nil,
        offset: Int? = nil
    ) {
        self.org = org
        self.recursive = recursive
        self.category = category
        self.flag = flag
        self.search = search
        self.history = history
        self.limit = limit
        self.offset = offset
    }
}
