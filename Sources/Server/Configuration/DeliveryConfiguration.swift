import Configuration
import Foundation

/// How the outbox is delivered.
package struct DeliveryConfiguration: ModuleConfiguration {
    /// Seconds between looks at the outbox when nothing was due. Key `partyd.deliveryPollSeconds`,
    /// env `PARTYD_DELIVERY_POLL_SECONDS`, default 2.
    package var pollSeconds: Int
    /// Attempts before a retryable failure becomes final. Key `partyd.deliveryMaxAttempts`,
    /// env `PARTYD_DELIVERY_MAX_ATTEMPTS`, default 8.
    package var maxAttempts: Int
    /// Transfers at once, across all channels. Key `partyd.deliveryConcurrency`, env `PARTYD_DELIVERY_CONCURRENCY`,
    /// default 8.
    package var concurrency: Int
    /// Seconds one transfer may take. Key `partyd.deliveryTimeout`, env `PARTYD_DELIVERY_TIMEOUT`, default 20.
    package var timeoutSeconds: Int
    /// Whether the daemon's own background rounds run: the delivery worker and the scheduler's timed jobs. Not a
    /// configuration key: in-process tests turn it off to drive every round themselves
    /// (`DeliveryWorker.deliverDue()`, `PartyCore.runDueJobs()`) with a test clock.
    package var workerRuns = true

    /// Creates the settings.
    package init(pollSeconds: Int = 2, maxAttempts: Int = 8, concurrency: Int = 8, timeoutSeconds: Int = 20) {
        self.pollSeconds = pollSeconds
        self.maxAttempts = maxAttempts
        self.concurrency = concurrency
        self.timeoutSeconds = timeoutSeconds
    }

    /// Reads and checks the delivery keys.
    package init(reader config: ConfigReader) throws(ConfigurationError) {
        let poll = config.int(forKey: "deliveryPollSeconds", default: 2)
        let attempts = config.int(forKey: "deliveryMaxAttempts", default: 8)
        let concurrency = config.int(forKey: "deliveryConcurrency", default: 8)
        let timeout = config.int(forKey: "deliveryTimeout", default: 20)
        guard poll > 0, (1...100).contains(attempts), (1...256).contains(concurrency), timeout > 0 else {
            throw ConfigurationError(
                "deliveryPollSeconds 须大于 0，deliveryMaxAttempts 须在 1-100 之间，deliveryConcurrency 须在 1-256 之间，deliveryTimeout 须大于 0"
            )
        }
        self.init(pollSeconds: poll, maxAttempts: attempts, concurrency: concurrency, timeoutSeconds: timeout)
    }
}
