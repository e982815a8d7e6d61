import Logging
import ServiceLifecycle
import Store

/// The store as a service of the daemon: first in the group, so it stops last. Once every listener and worker
/// has finished, it folds the write-ahead log back into the database file, for a tidy data directory.
struct StoreService: Service {
    let store: SQLiteStore
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        store.checkpoint()
        logger.debug("store checkpointed")
    }
}
