import Core
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// The optional HTTP listener for members' personal link pages: a Hummingbird application run as one more
/// service of the daemon's group, so it starts with the others and, on SIGTERM, stops accepting and finishes
/// the requests in flight. It tells the core's links where it is bound, and reports its port to tests.
package final class WebService: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>
    private let bound: BoundPort

    /// A listener on `host:port` (port 0: any free port) serving `core`'s member pages.
    package init(host: String, port: Int, core: PartyCore, logger: Logger) {
        let bound = BoundPort()
        self.bound = bound
        let links = core.links
        application = Application(
            router: MemberPageRoutes.router(core: core, logger: logger),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                links.listenerBound(at: "http://\(shown):\(port)")
                logger.info("HTTP listener ready", metadata: ["address": "\(shown):\(port)"])
                bound.set(port)
            },
            logger: logger
        )
    }

    /// Serves until the service group shuts down gracefully.
    package func run() async throws {
        do {
            try await application.run()
        } catch {
            bound.fail()
            throw error
        }
        bound.fail()
    }

    /// The port the listener is bound to, once it is (nil if it stopped before binding).
    package func port() async -> Int? { await bound.value() }
}

/// The bound port, awaited by whoever asks before the listener is ready.
private final class BoundPort: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Int?, Never>])
        case known(Int?)
    }
    private let state = Mutex(State.waiting([]))

    func set(_ port: Int) { resolve(port) }

    func fail() { resolve(nil) }

    private func resolve(_ port: Int?) {
        let waiting = state.withLock { state -> [CheckedContinuation<Int?, Never>] in
            guard case .waiting(let waiting) = state else { return [] }
            state = .known(port)
            return waiting
        }
        for continuation in waiting { continuation.resume(returning: port) }
    }

    func value() async -> Int? {
        await withCheckedContinuation { continuation in
            let known = state.withLock { state -> Int?? in
                switch state {
                case .known(let port): return .some(port)
                case .waiting(var waiting):
                    waiting.append(continuation)
                    state = .waiting(waiting)
                    return .none
                }
            }
            if let known { continuation.resume(returning: known) }
        }
    }
}
