import Core
import Logging
import Scheduler
import ServiceLifecycle

/// Runs the scheduler as a service of the daemon, after the store and before the listener.
struct SchedulerService: Service {
    let engine: SchedulerEngine
    let logger: Logger

    func run() async throws {
        let logger = self.logger
        await engine.run(
            isStopping: { Task.isShuttingDownGracefully || Task.isCancelled },
            sleep: { duration in try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) } },
            onError: { error in logger.warning("scheduler pass failed", metadata: ["error": "\(error)"]) },
            onWarning: { message in logger.warning("\(message)") }
        )
    }
}
