import Core
import Domain

/// Records delivery attempts by group commit: a send's outcome waits for a commit, and whichever send finds no
/// commit running writes its own outcome together with every one that arrived meanwhile, in one transaction. A
/// burst of thousands of sends costs a few commits, not thousands, and no outcome waits on a timer.
actor AttemptRecorder {
    /// One attempt to record: the outbox row, what came of it, and a number in 0..<1 that spreads its retry.
    typealias Attempt = (id: Int64, attempt: DeliveryAttempt, jitter: Double)

    private let core: PartyCore
    private let policy: DeliveryPolicy
    private var waiting: [(Attempt, CheckedContinuation<Void, any Error>)] = []
    private var committing = false

    init(core: PartyCore, policy: DeliveryPolicy) {
        self.core = core
        self.policy = policy
    }

    /// Returns once `attempt` is committed (or throws if its commit failed, leaving the row pending).
    func record(_ attempt: Attempt) async throws {
        if committing {
            try await withCheckedThrowingContinuation { waiting.append((attempt, $0)) }
            return
        }
        committing = true
        var batch = [attempt]
        var waiters: [CheckedContinuation<Void, any Error>] = []
        var ownFailure: (any Error)?
        while true {
            do {
                _ = try await core.recordDeliveries(batch, policy: policy)
                for waiter in waiters { waiter.resume() }
            } catch {
                for waiter in waiters { waiter.resume(throwing: error) }
                if ownFailure == nil, waiters.count < batch.count { ownFailure = error }
            }
            guard !waiting.isEmpty else { break }
            batch = waiting.map(\.0)
            waiters = waiting.map(\.1)
            waiting = []
        }
        committing = false
        if let ownFailure { throw ownFailure }
    }
}
