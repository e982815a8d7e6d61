import CCurl
import Synchronization

/// A libcurl easy handle. A handle keeps its connection cache across `curl_easy_reset`, which is how transfers to
/// the same host reuse their connection.
final class EasyHandle: @unchecked Sendable {
    // @unchecked: the pool hands a handle to one transfer at a time (under its mutex), and only that transfer's
    // thread touches `raw` until it gives the handle back.
    /// The `CURL *`.
    let raw: UnsafeMutableRawPointer

    /// Creates a handle, or nil when libcurl cannot.
    init?() {
        _ = curlGlobalInitialization
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
    }

    deinit {
        curl_easy_cleanup(raw)
    }
}

/// libcurl's global state is set up once, before the first handle, as `curl_global_init` requires.
private let curlGlobalInitialization: Void = {
    _ = curl_global_init(Int(CURL_GLOBAL_ALL))
}()

/// At most `limit` easy handles, each lent to one transfer at a time: this is the bound on concurrent transfers.
/// Callers beyond the bound wait in order, and leave the queue when their task is cancelled.
final class CurlHandlePool: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<EasyHandle, any Error>
    }

    private struct State {
        var idle: [EasyHandle] = []
        var created = 0
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private enum Decision {
        case take(EasyHandle)
        case create
        case wait
        case cancelled
    }

    private let limit: Int
    private let state = Mutex(State())

    /// A pool lending at most `limit` handles at once.
    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// A handle for one transfer; suspends while `limit` transfers run. Throws `CancellationError` when the task is
    /// cancelled while waiting, or `TransferError` when libcurl cannot create a handle.
    func acquire() async throws -> EasyHandle {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<EasyHandle, any Error>) in
                let decision = state.withLock { state -> Decision in
                    // Checked under the lock: either the cancellation handler already ran (and the flag is set
                    // here) or it runs later and finds this waiter.
                    if Task.isCancelled { return .cancelled }
                    if let handle = state.idle.popLast() { return .take(handle) }
                    if state.created < limit {
                        state.created += 1
                        return .create
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return .wait
                }
                switch decision {
                case .take(let handle):
                    continuation.resume(returning: handle)
                case .create:
                    if let handle = EasyHandle() {
                        continuation.resume(returning: handle)
                    } else {
                        state.withLock { $0.created -= 1 }
                        continuation.resume(
                            throwing: TransferError(kind: .other, curlCode: Int(CURLE_FAILED_INIT.rawValue))
                        )
                    }
                case .cancelled:
                    continuation.resume(throwing: CancellationError())
                case .wait:
                    break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Gives a handle back: to the longest waiter if any, else to the idle list.
    func release(_ handle: EasyHandle) {
        let waiter = state.withLock { state -> Waiter? in
            if state.waiters.isEmpty {
                state.idle.append(handle)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.continuation.resume(returning: handle)
    }
}
