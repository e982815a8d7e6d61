import Domain
import Wire

/// How many connections the listener keeps open, in all and per Unix user. Every open connection holds a
/// descriptor and up to a request line of memory, so these are what stands between one user and the daemon's
/// descriptors; the reserve is what lets root connect however many connections the others hold.
package struct ConnectionLimits: Sendable, Equatable {
    /// Connections open at once, administrators' included.
    package var total: Int
    /// How many of `total` only administrators may use.
    package var reservedForAdministrators: Int
    /// Connections per uid without the admin role.
    package var perUser: Int
    /// Connections per administrator uid.
    package var perAdministrator: Int
    /// Connections whose peer is still being looked up in the accounts table; beyond this, peers that need a
    /// lookup (everyone but root and the daemon's own user) are refused without one, so that a flood of
    /// connections cannot queue unbounded reads ahead of the real work.
    package var identifying: Int

    /// Creates the limits; `identifying` defaults to the administrators' reserve (at least 8).
    package init(
        total: Int,
        reservedForAdministrators: Int,
        perUser: Int,
        perAdministrator: Int,
        identifying: Int? = nil
    ) {
        self.total = total
        self.reservedForAdministrators = reservedForAdministrators
        self.perUser = perUser
        self.perAdministrator = perAdministrator
        self.identifying = identifying ?? max(8, reservedForAdministrators)
    }
}

/// Why the listener turned a connection away. Each becomes one JSON-RPC error line with a stable reason.
package enum ConnectionRefusal: Sendable, Equatable {
    /// The peer's uid already holds its limit of connections.
    case perUser(uid: UInt32, limit: Int)
    /// The daemon holds all the connections it may (for this kind of peer).
    case total
    /// Too many connections are waiting to be identified.
    case identifying

    /// The error line's object: `rpc.too_many_connections`, code 3000, a Chinese message.
    package var error: RPCErrorObject {
        let message: String
        switch self {
        case .perUser(let uid, let limit):
            message = "uid \(uid) 已有 \(limit) 个连接，达到每个用户的上限，连接已关闭；请关闭不用的连接后重试"
        case .total, .identifying:
            message = "partyd 的连接数已达上限，连接已关闭；请稍后重试"
        }
        return RPCErrorObject(code: RPCErrorCode.unavailable, reason: "rpc.too_many_connections", message: message)
    }
}

/// The connection-count decision, as a pure value: how many connections each uid holds and how many are open
/// or being identified, and whether one more may come in. The listener keeps one behind a lock; tests drive it
/// directly, as any principal, without sockets or root.
package struct ConnectionAdmission: Sendable {
    /// The limits in force.
    package let limits: ConnectionLimits
    /// Open connections per uid.
    package private(set) var perUID: [UInt32: Int] = [:]
    /// Open (admitted) connections.
    package private(set) var open = 0
    /// Connections waiting for their peer's identification.
    package private(set) var identifying = 0

    /// Starts with nothing open.
    package init(limits: ConnectionLimits) { self.limits = limits }

    /// A connection whose peer must be looked up before it can be admitted; on nil it counts as identifying
    /// until ``admit(uid:administrator:identified:)`` or ``abandonIdentification()``.
    package mutating func beginIdentification() -> ConnectionRefusal? {
        // Identifying connections hold descriptors too: they count against the part of the total others may use.
        guard identifying < limits.identifying else { return .identifying }
        guard open + identifying < limits.total else { return .total }
        identifying += 1
        return nil
    }

    /// Ends an identification that failed (the lookup threw): the connection is closed without admission.
    package mutating func abandonIdentification() {
        identifying = max(0, identifying - 1)
    }

    /// Admits a connection of `uid` (an administrator or not), or says why not. `identified` says that
    /// ``beginIdentification()`` counted it, so that count ends here whatever the decision.
    package mutating func admit(uid: UInt32, administrator: Bool, identified: Bool = false) -> ConnectionRefusal? {
        if identified { abandonIdentification() }
        let limit = administrator ? limits.perAdministrator : limits.perUser
        let held = perUID[uid, default: 0]
        guard held < limit else { return .perUser(uid: uid, limit: limit) }
        // Others stop short of the reserve; identifying connections count, as they hold descriptors.
        let ceiling = administrator ? limits.total : limits.total - limits.reservedForAdministrators
        guard open + identifying < ceiling else { return .total }
        perUID[uid] = held + 1
        open += 1
        return nil
    }

    /// Forgets an admitted connection of `uid` that has closed.
    package mutating func release(uid: UInt32) {
        guard let held = perUID[uid] else { return }
        perUID[uid] = held > 1 ? held - 1 : nil
        open = max(0, open - 1)
    }
}

/// How many heavy requests (exports, long lists, history, imports) may run at once.
package struct HeavyRequestLimits: Sendable, Equatable {
    /// Heavy requests running at once for principals without the admin role.
    package var total: Int
    /// Heavy requests running at once per principal.
    package var perPrincipal: Int

    /// Creates the limits.
    package init(total: Int = 4, perPrincipal: Int = 2) {
        self.total = total
        self.perPrincipal = perPrincipal
    }
}

/// The heavy-request decision as a pure value: how many heavy requests each principal runs, and whether one
/// more may start. Administrators count only against their own per-principal limit, so that root's lists are
/// never refused because others keep the daemon busy.
package struct HeavyRequestQuota: Sendable {
    /// The limits in force.
    package let limits: HeavyRequestLimits
    /// Heavy requests running per principal.
    package private(set) var running: [Principal: Int] = [:]
    /// Heavy requests of principals without the admin role running in all.
    package private(set) var others = 0

    /// Starts with nothing running.
    package init(limits: HeavyRequestLimits) { self.limits = limits }

    /// Starts a heavy request of `principal`, or returns the refusal (`rpc.busy`) to answer at once.
    package mutating func begin(_ principal: Principal, administrator: Bool) -> RPCErrorObject? {
        let mine = running[principal, default: 0]
        guard mine < limits.perPrincipal else {
            return Self.busy("您已有 \(mine) 个耗时请求（导出、列表、历史、导入）正在执行，请等其完成后重试")
        }
        guard administrator || others < limits.total else {
            return Self.busy("partyd 正忙于其他耗时请求（导出、列表、历史、导入），请稍后重试")
        }
        running[principal] = mine + 1
        if !administrator { others += 1 }
        return nil
    }

    /// Ends a heavy request started by ``begin(_:administrator:)`` with the same arguments.
    package mutating func end(_ principal: Principal, administrator: Bool) {
        let mine = running[principal, default: 0]
        running[principal] = mine > 1 ? mine - 1 : nil
        if !administrator { others = max(0, others - 1) }
    }

    private static func busy(_ message: String) -> RPCErrorObject {
        RPCErrorObject(code: RPCErrorCode.unavailable, reason: "rpc.busy", message: message)
    }
}
