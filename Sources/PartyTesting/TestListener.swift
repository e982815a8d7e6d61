import Domain
import Foundation
import Logging
import Server
import Wire

/// A second socket listener on a ``TestDaemon``'s core, with its own limits, extra methods (a request that
/// blocks until cancelled, say) and, when wanted, the principal its peers are taken for: the listener's
/// admission of users without root, with an account or without one, runs as an ordinary user.
package final class TestListener: Sendable {
    /// The listener's socket.
    package let socketPath: String
    /// The dispatcher behind it (its heavy-request count shows abandoned work going away).
    package let dispatcher: Dispatcher
    /// The listener itself (its byte budget).
    package let listener: RPCListener
    private let task: Task<Void, any Error>

    private init(socketPath: String, dispatcher: Dispatcher, listener: RPCListener, task: Task<Void, any Error>) {
        self.socketPath = socketPath
        self.dispatcher = dispatcher
        self.listener = listener
        self.task = task
    }

    /// Starts a listener on `daemon`'s core and returns once it accepts connections. `configure` sets the limits
    /// (starting from the daemon's), `methods` adds to the daemon's registry, and `principal` names who each peer
    /// is (nil: the peer's own Unix user, as the daemon does).
    package static func start(
        on daemon: TestDaemon,
        configure: (inout ListenerConfiguration) -> Void = { _ in },
        methods: (inout MethodRegistry) -> Void = { _ in },
        principal: (@Sendable (PeerCredentials) -> Principal)? = nil
    ) async throws -> TestListener {
        var configuration = daemon.daemon.configuration.listener
        configuration.socketPath = daemon.directory.appending("t-\(UUID().uuidString.prefix(8)).sock")
        configure(&configuration)
        var registry = daemon.daemon.registry
        methods(&registry)
        let dispatcher = daemon.daemon.dispatcher.serving(registry, heavyLimits: configuration.heavyRequestLimits)
        var logger = Logger(label: "partyd-test-listener")
        logger.logLevel = .warning
        let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
        let listener = RPCListener(
            endpoint: .path(configuration.socketPath),
            dispatcher: dispatcher,
            configuration: configuration,
            logger: logger,
            principal: principal ?? { .unixUser(uid: $0.uid, name: $0.userName) },
            onReady: { readyContinuation.yield() }
        )
        let task = Task {
            defer { readyContinuation.finish() }
            try await listener.run()
        }
        var started = false
        for await _ in ready {
            started = true
            break
        }
        guard started else {
            try await task.value
            throw TestSupportError("listener stopped before it was ready")
        }
        return TestListener(
            socketPath: configuration.socketPath,
            dispatcher: dispatcher,
            listener: listener,
            task: task
        )
    }

    /// A new connection to the listener.
    package func client() async throws -> RPCClient {
        try await RPCClient.connect(socketPath: socketPath)
    }

    /// Stops the listener (cancelling what it still serves) and waits for it.
    package func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
