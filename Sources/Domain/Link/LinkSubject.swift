/// The one record a member's personal link lets its holder act on. Each kind of record a member can be sent
/// (a notice, an activity they are invited to) is a case, with the one-byte code the token carries and the word
/// the store keeps.
package enum LinkSubject: Sendable, Hashable {
    /// A notice addressed to the member.
    case notice(Int64)
    /// An activity the member is invited to.
    case activity(Int64)

    /// The kind of record, as a token's byte and the store's word.
    package enum Kind: UInt8, Sendable, CaseIterable {
        /// A notice.
        case notice = 1
        /// An activity.
        case activity = 2

        /// The word the store keeps (`member_link_use.subject_kind`).
        package var word: String {
            switch self {
            case .notice: "notice"
            case .activity: "activity"
            }
        }
    }

    /// The subject of kind `kind` and record `id`, or nil for a kind this version does not know.
    package init?(kind code: UInt8, id: Int64) {
        switch Kind(rawValue: code) {
        case .notice: self = .notice(id)
        case .activity: self = .activity(id)
        case nil: return nil
        }
    }

    /// The record's kind.
    package var kind: Kind {
        switch self {
        case .notice: .notice
        case .activity: .activity
        }
    }

    /// The record's id.
    package var recordID: Int64 {
        switch self {
        case .notice(let id), .activity(let id): id
        }
    }
}
