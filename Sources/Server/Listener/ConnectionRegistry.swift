import NIOCore
import Synchronization

/// The open connections: how many each uid holds (the admission decision), and which are busy, so that a
/// graceful shutdown can close the idle ones at once and the busy ones as soon as their current request has
/// been answered.
final class ConnectionRegistry: Sendable {
    private struct State {
        var nextID = 0
        var busy: [Int: Bool] = [:]
        var channels: [Int: any Channel] = [:]
        var uids: [Int: UInt32] = [:]
        var admission: ConnectionAdmission
        var draining = false
        var lingering = 0
    }

    /// Why a connection cannot be registered.
    enum Refusal: Error {
        /// The daemon is draining: close without a word, as a stopped daemon would.
        case draining
        /// Over a limit: answer with its error line, then close.
        case limit(ConnectionRefusal)
    }

    private let state: Mutex<State>

    /// Creates the registry with the connection limits in force.
    init(limits: ConnectionLimits) {
        state = Mutex(State(admission: ConnectionAdmission(limits: limits)))
    }

    /// Counts a connection whose peer is about to be looked up in the accounts table.
    func beginIdentification() -> ConnectionRefusal? {
        state.withLock { $0.admission.beginIdentification() }
    }

    /// Ends an identification that failed without admitting the connection.
    func abandonIdentification() {
        state.withLock { $0.admission.abandonIdentification() }
    }

    /// Admits and registers a connection of `uid`; returns its id, or why it must be closed.
    func add(
        _ channel: any Channel,
        uid: UInt32,
        administrator: Bool,
        identified: Bool
    ) -> Result<Int, Refusal> {
        state.withLock { state in
            guard !state.draining else {
                if identified { state.admission.abandonIdentification() }
                return .failure(.draining)
            }
            if let refusal = state.admission.admit(uid: uid, administrator: administrator, identified: identified) {
                return .failure(.limit(refusal))
            }
            state.nextID += 1
            state.busy[state.nextID] = false
            state.channels[state.nextID] = channel
            state.uids[state.nextID] = uid
            return .success(state.nextID)
        }
    }

    /// Counts a refused connection that waits briefly for its first request, to answer it; false when enough
    /// already wait, and this one is to be answered and closed at once.
    func beginLingering() -> Bool {
        state.withLock { state in
            guard state.lingering < state.admission.limits.identifying else { return false }
            state.lingering += 1
            return true
        }
    }

    /// Ends a wait begun by ``beginLingering()``.
    func endLingering() {
        state.withLock { $0.lingering = max(0, $0.lingering - 1) }
    }

    /// Forgets a closed connection and frees its place.
    func remove(_ id: Int) {
        state.withLock { state in
            state.busy[id] = nil
            state.channels[id] = nil
            if let uid = state.uids.removeValue(forKey: id) { state.admission.release(uid: uid) }
        }
    }

    /// Marks a connection as serving a request, or idle again; returns false when it should now close
    /// (the daemon is draining and the request is done).
    func setBusy(_ id: Int, _ busy: Bool) -> Bool {
        state.withLock { state in
            state.busy[id] = busy
            return busy || !state.draining
        }
    }

    /// Starts draining: closes every idle connection now; busy ones close after their response.
    func drain() {
        let idle = state.withLock { state -> [any Channel] in
            state.draining = true
            return state.channels.filter { state.busy[$0.key] == false }.map(\.value)
        }
        for channel in idle { channel.close(promise: nil) }
    }
}
