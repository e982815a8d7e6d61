import NIOCore
import Synchronization

/// The open connections, so that a graceful shutdown can close the idle ones at once and the busy ones as
/// soon as their current request has been answered.
final class ConnectionRegistry: Sendable {
    private struct State {
        var nextID = 0
        var busy: [Int: Bool] = [:]
        var channels: [Int: any Channel] = [:]
        var draining = false
    }

    private let state = Mutex(State())

    /// Registers a connection; returns nil (and the caller closes it) when the daemon is already draining.
    func add(_ channel: any Channel) -> Int? {
        state.withLock { state in
            guard !state.draining else { return nil }
            state.nextID += 1
            state.busy[state.nextID] = false
            state.channels[state.nextID] = channel
            return state.nextID
        }
    }

    /// Forgets a closed connection.
    func remove(_ id: Int) {
        state.withLock { state in
            state.busy[id] = nil
            state.channels[id] = nil
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
