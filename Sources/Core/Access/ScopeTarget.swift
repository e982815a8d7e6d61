/// Something a request names whose place in the tree decides who may touch it.
package enum ScopeTarget: Sendable, Equatable {
    /// An organization by code; `field` is the parameter that named it.
    case organization(code: String, field: String)
    /// A member by id or identity number; the member's branch is the position checked.
    case member(reference: String, field: String)
    /// A notice by number; the publishing organization's position is checked.
    case notice(id: Int64, field: String)
    /// An activity by number; the holding organization's position is checked.
    case activity(id: Int64, field: String)
    /// A channel by number; its organization's position is checked.
    case channel(id: Int64, field: String)
    /// An outbox row by number; its channel's organization's position is checked (removed channels too).
    case delivery(id: Int64, field: String)
    /// A board message by number; the position of the organization it is addressed to is checked.
    case boardMessage(id: Int64, field: String)
    /// A timed job by number; its organization's position is checked.
    case scheduledJob(id: Int64, field: String)
    /// A reminder by number; its organization's position is checked (the system's own are system administrators').
    case reminder(id: Int64, field: String)
    /// The top of the forest, above every organization: naming it (creating a top-level organization) is
    /// within no subtree, so only system administrators pass.
    case forestTop(field: String)
}
