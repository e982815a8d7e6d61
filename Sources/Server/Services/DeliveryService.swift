import Core
import Logging
import Notice
import ServiceLifecycle

/// Runs the delivery worker as a service, and beside it the release of scheduled notices whose time has come
/// (which wakes the worker when one goes out). Started after the store and stopped before it, so that attempts in
/// flight are recorded (or left pending, to be retried) before the final checkpoint.
struct DeliveryService: Service {
    let core: PartyCore
    let worker: DeliveryWorker
    let pollInterval: Duration
    let logger: Logger
    /// Whether the worker runs here (tests that drive rounds themselves turn it off).
    var workerRuns = true

    func run() async throws {
        let pollInterval = self.pollInterval
        let logger = self.logger
        let pause: @Sendable () async -> Void = {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
        }
        let workerRuns = self.workerRuns
        await withDiscardingTaskGroup { group in
            if workerRuns {
                group.addTask {
                    await worker.run(
                        isStopping: { Task.isShuttingDownGracefully || Task.isCancelled },
                        pause: pause,
                        onError: { error in logger.warning("delivery failed", metadata: ["error": "\(error)"]) }
                    )
                }
            }
            group.addTask {
                while !Task.isShuttingDownGracefully, !Task.isCancelled {
                    do {
                        if try await core.releaseScheduledNotices() > 0 {
                            worker.wake()
                            continue
                        }
                    } catch {
                        logger.warning("releasing scheduled notices failed", metadata: ["error": "\(error)"])
                    }
                    await pause()
                }
            }
        }
    }
}
