import Core
import Logging
import Notice
import ServiceLifecycle

/// Runs the delivery worker as a service: releases scheduled notices whose time has come, then a delivery round,
/// again at once whenever the last one found work, else after the poll interval. Started after the store and
/// stopped before it, so that attempts in flight are recorded (or left pending, to be retried) before the final
/// checkpoint.
struct DeliveryService: Service {
    let core: PartyCore
    let worker: DeliveryWorker
    let pollInterval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                let released = try await core.releaseScheduledNotices()
                if try await worker.deliverDue() > 0 || released > 0 { continue }
            } catch {
                logger.warning("delivery round failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
        }
    }
}
