import NIOCore
import Synchronization

/// What one connection is doing: the request being answered, if any, and whether the peer has gone. The request
/// runs in its own task so that a peer that disconnects cancels it (GRDB stops a cancelled read), instead of
/// leaving an abandoned export to run to the end; the idle timer asks it whether a request is in progress.
final class ConnectionActivity: Sendable {
    private struct State {
        var current: Task<ByteBuffer?, Never>?
        var closed = false
    }

    private let state = Mutex(State())

    /// Whether a request of this connection is being answered.
    var isBusy: Bool { state.withLock { $0.current != nil } }

    /// Whether the connection has closed.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Runs one request's `work`; it is cancelled when the connection closes or the caller is cancelled
    /// (shutdown). Returns nil without running it when the connection has already closed.
    func run(_ work: @escaping @Sendable () async -> ByteBuffer?) async -> ByteBuffer? {
        let task = Task { await work() }
        let started = state.withLock { state in
            guard !state.closed else { return false }
            state.current = task
            return true
        }
        guard started else {
            task.cancel()
            return nil
        }
        let reply = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        state.withLock { $0.current = nil }
        return reply
    }

    /// Records that the connection closed and cancels the request in progress.
    func close() {
        let current = state.withLock { state in
            state.closed = true
            return state.current
        }
        current?.cancel()
    }
}
