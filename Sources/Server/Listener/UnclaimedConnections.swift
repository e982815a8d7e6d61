import NIOCore
import Synchronization

/// Connections that the child channel initializer has built but the accept loop has not yet taken.
///
/// NIO's async server channel drops a child whose initialization finishes after the accept loop has stopped (or
/// that is still buffered when it stops); a dropped `NIOAsyncChannel` whose writer was never finished traps
/// (swift-nio#2637). Every child is held here from the moment it exists until the accept loop claims it, so that
/// at shutdown the listener can close the unclaimed ones properly instead.
final class UnclaimedConnections<Connection: Sendable>: Sendable {
    private struct State {
        var initializing = 0
        var held: [ObjectIdentifier: Connection] = [:]
    }

    private let state = Mutex(State())

    /// A child's initialization has begun.
    func expect() { state.withLock { $0.initializing += 1 } }

    /// A child's initialization failed: there is nothing to hold.
    func giveUp() { state.withLock { $0.initializing -= 1 } }

    /// A child's initialization finished with `connection` for `channel`.
    func hold(_ connection: Connection, for channel: any Channel) {
        state.withLock {
            $0.initializing -= 1
            $0.held[ObjectIdentifier(channel)] = connection
        }
    }

    /// The accept loop took the connection of `channel`.
    func claim(_ channel: any Channel) { _ = state.withLock { $0.held.removeValue(forKey: ObjectIdentifier(channel)) } }

    /// Whether children are still being initialized.
    var isInitializing: Bool { state.withLock { $0.initializing > 0 } }

    /// Every connection not claimed, forgotten here.
    func takeAll() -> [Connection] {
        state.withLock { state in
            defer { state.held = [:] }
            return Array(state.held.values)
        }
    }
}
