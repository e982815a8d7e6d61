import Core
import Foundation
import Logging
import Server
import Wire

/// A real daemon running in-process on a temporary data directory and socket, for integration tests that talk
/// to it through the real ``RPCClient``. Readiness is signalled by the listener, never guessed by sleeping.
package final class TestDaemon: Sendable {
    /// The temporary directory holding the data directory and the socket.
    package let directory: TemporaryDirectory
    /// The daemon.
    package let daemon: PartyDaemon
    private let task: Task<Void, any Error>

    /// The socket path.
    package var socketPath: String { daemon.socketPath }
    /// The data directory.
    package var dataDir: String { daemon.configuration.store.dataDir }

    private init(directory: TemporaryDirectory, daemon: PartyDaemon, task: Task<Void, any Error>) {
        self.directory = directory
        self.daemon = daemon
        self.task = task
    }

    /// Starts a daemon in a new temporary directory (or `directory`, to restart on existing data) and returns
    /// once it accepts connections. `configure` may adjust the configuration (idle timeout, limits).
    package static func start(
        in directory: TemporaryDirectory? = nil,
        clock: any WallClock = SystemClock(),
        configure: (inout DaemonConfiguration) -> Void = { _ in }
    ) async throws -> TestDaemon {
        let directory = try directory ?? TemporaryDirectory()
        var configuration = DaemonConfiguration(
            dataDir: directory.appending("data"),
            socketPath: directory.appending("s.sock")
        )
        configure(&configuration)
        var logger = Logger(label: "partyd-test")
        logger.logLevel = .warning
        let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
        let daemon = try PartyDaemon(
            configuration: configuration,
            logger: logger,
            clock: clock,
            signals: [],
            environment: [:]
        ) {
            readyContinuation.yield()
        }
        let task = Task {
            defer { readyContinuation.finish() }
            try await daemon.run()
        }
        var started = false
        for await _ in ready {
            started = true
            break
        }
        guard started else {
            try await task.value
            throw TestSupportError("daemon stopped before it was ready")
        }
        return TestDaemon(directory: directory, daemon: daemon, task: task)
    }

    /// A new connection to the daemon.
    package func client() async throws -> RPCClient {
        try await RPCClient.connect(socketPath: socketPath)
    }

    /// Shuts the daemon down gracefully and waits for it; the directory stays for a restart.
    package func stop() async throws {
        await daemon.shutdown()
        try await task.value
    }

    /// Shuts down and removes the temporary directory.
    package func stopAndRemove() async throws {
        try await stop()
        directory.remove()
    }
}

/// Runs `body` against a fresh in-process daemon and a connected client, then shuts both down.
package func withTestDaemon<T: Sendable>(
    clock: any WallClock = SystemClock(),
    configure: (inout DaemonConfiguration) -> Void = { _ in },
    _ body: (TestDaemon, RPCClient) async throws -> T
) async throws -> T {
    let daemon = try await TestDaemon.start(clock: clock, configure: configure)
    let client: RPCClient
    do {
        client = try await daemon.client()
    } catch {
        try? await daemon.stopAndRemove()
        throw error
    }
    do {
        let result = try await body(daemon, client)
        await client.close()
        try await daemon.stopAndRemove()
        return result
    } catch {
        await client.close()
        try? await daemon.stopAndRemove()
        throw error
    }
}
