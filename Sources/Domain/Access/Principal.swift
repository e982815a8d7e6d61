/// Who acts, before the accounts table says what they may do: the socket's peer, a member following a signed
/// link from the HTTP page, or the daemon itself doing scheduled work. Every operation takes one, and the audit
/// records its kind and id.
package enum Principal: Sendable, Hashable {
    /// A local Unix user, identified by the kernel (SO_PEERCRED) on the socket.
    case unixUser(uid: UInt32, name: String)
    /// A member acting through a personal link whose signature the HTTP listener has verified.
    case member(id: Int64)
    /// partyd acting on its own (reminders, deliveries): nobody is at the socket.
    case daemon

    /// The audit's actor kind: `unix`, `member` or `daemon`.
    package var kind: String {
        switch self {
        case .unixUser: "unix"
        case .member: "member"
        case .daemon: "daemon"
        }
    }

    /// The audit's actor id within its kind: the uid, the member's id, or `partyd`.
    package var id: String {
        switch self {
        case .unixUser(let uid, _): String(uid)
        case .member(let id): String(id)
        case .daemon: "partyd"
        }
    }

    /// How the actor is named in history lines and messages: the Unix user name, `党员#id`, or `partyd`.
    package var displayName: String {
        switch self {
        case .unixUser(_, let name): name
        case .member(let id): "党员#\(id)"
        case .daemon: "partyd"
        }
    }
}
