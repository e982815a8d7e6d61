import Core
import Logging
import ServiceLifecycle

/// Collects unreferenced attachments: once at start-up (a crash may have left files without rows) and then
/// every `interval`, as the daemon's own principal. Uploads nobody linked within `unlinkedAge` seconds, and
/// content whose last link is gone, are removed, row and file.
struct AttachmentCollectorService: Service {
    /// The core whose collector runs.
    let core: PartyCore
    /// Seconds after which an unlinked upload is collected.
    let unlinkedAge: Double
    /// Time between collections.
    let interval: Duration
    /// Where outcomes and failures are logged.
    let logger: Logger

    /// Collects now, then every `interval`, until the daemon shuts down.
    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                let collected = try await core.collectUnreferencedAttachments(olderThan: unlinkedAge)
                if collected != AttachmentCollection() {
                    logger.info(
                        "attachments collected",
                        metadata: [
                            "expiredUploads": "\(collected.expiredUploads)",
                            "removedContents": "\(collected.removedContents)",
                            "removedOrphanFiles": "\(collected.removedOrphanFiles)",
                        ]
                    )
                }
            } catch {
                logger.warning("attachment collection failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
