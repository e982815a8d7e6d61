import Core
import Domain
import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// The Unix-socket listener: accepts connections, identifies each peer with SO_PEERCRED and the accounts table,
/// admits it within the connection limits (refusing peers without an account), and serves each connection's
/// requests one after another on its own task, so that a slow or stalled client only ever holds up itself; a
/// request whose client leaves is cancelled. A `Service` of the daemon's service group.
package final class RPCListener: Service {
    /// Where to listen.
    package enum Endpoint: Sendable {
        /// Bind a new socket at this path.
        case path(String)
        /// Adopt a listening socket inherited through socket activation.
        case inherited(Int32, path: String)
    }

    private struct Connection: Sendable {
        let channel: NIOAsyncChannel<LineFrame, ByteBuffer>
        let principal: Principal
        let activity: ConnectionActivity
    }

    private let endpoint: Endpoint
    private let dispatcher: Dispatcher
    private let configuration: ListenerConfiguration
    private let logger: Logger
    private let connections: ConnectionRegistry
    private let unclaimed = UnclaimedConnections<Connection>()
    private let budget: ByteBudget
    private let principalOf: @Sendable (PeerCredentials) -> Principal
    private let onReady: @Sendable () -> Void

    /// Creates the listener; `onReady` runs once the socket accepts connections. `principal` says who a peer is;
    /// the daemon takes the kernel's word (the Unix user of SO_PEERCRED), and tests may name another principal so
    /// that the admission of users without root or without an account is exercised as an ordinary user.
    package init(
        endpoint: Endpoint,
        dispatcher: Dispatcher,
        configuration: ListenerConfiguration,
        logger: Logger,
        principal: @escaping @Sendable (PeerCredentials) -> Principal = { .unixUser(uid: $0.uid, name: $0.userName) },
        onReady: @escaping @Sendable () -> Void
    ) {
        self.endpoint = endpoint
        self.dispatcher = dispatcher
        self.configuration = configuration
        self.logger = logger
        principalOf = principal
        var limits = configuration.connectionLimits
        limits.total = Self.fittingDescriptors(limits.total, reserve: limits.reservedForAdministrators, logger: logger)
        connections = ConnectionRegistry(limits: limits)
        budget = ByteBudget(limit: configuration.maxBufferedBytes)
        self.onReady = onReady
    }

    /// Bytes of unfinished request lines held now for charged peers (tests watch the budget fill and empty).
    package var bufferedBytes: Int { budget.inUse }

    /// Accepts connections until graceful shutdown, then lets in-flight requests finish.
    package func run() async throws {
        let maxBytes = configuration.maxRequestBytes
        let idle = TimeAmount.seconds(Int64(configuration.idleTimeoutSeconds))
        let requestTimeout = configuration.requestTimeoutSeconds
        let principalOf = self.principalOf
        let budget = self.budget
        let ownUID = dispatcher.core.ownUID
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
        let unclaimed = self.unclaimed
        let initializer: @Sendable (any Channel) -> EventLoopFuture<Connection> = { channel in
            unclaimed.expect()
            return Self.peerCredentials(of: channel).flatMapThrowing { peer in
                let principal = principalOf(peer)
                let activity = ConnectionActivity()
                channel.closeFuture.whenComplete { _ in activity.close() }
                let sync = channel.pipeline.syncOperations
                // Silence both ways: the response of a long request restarts the clock as a request does.
                try sync.addHandler(IdleStateHandler(allTimeout: idle))
                try sync.addHandler(IdleCloser(activity: activity))
                let charged = !Self.isSystemAdministrator(principal, ownUID: ownUID)
                try sync.addHandler(RequestLineGuard(budget: charged ? budget : nil, timeoutSeconds: requestTimeout))
                try sync.addHandler(ByteToMessageHandler(LineFrameDecoder(maximumLength: maxBytes)))
                return Connection(
                    channel: try NIOAsyncChannel<LineFrame, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        // Requests are served one at a time: read little ahead, so that a peer that leaves is
                        // noticed (and its request cancelled) while its current request runs.
                        configuration: .init(backPressureStrategy: .init(lowWatermark: 1, highWatermark: 2))
                    ),
                    principal: principal,
                    activity: activity
                )
            }
            .map { connection in
                unclaimed.hold(connection, for: channel)
                return connection
            }
            .flatMapErrorThrowing { error in
                unclaimed.giveUp()
                throw error
            }
        }
        let server: NIOAsyncChannel<Connection, Never>
        let path: String
        switch endpoint {
        case .path(let socketPath):
            path = socketPath
            // Bound in a private staging directory, given its mode and group there, then renamed into place: the
            // socket never exists at its path with looser permissions than configured, and the process-wide umask
            // is never touched (another thread creating a file or spawning a process meanwhile would inherit it).
            let staging = try SocketFile.stagingPath(for: socketPath)
            defer { SocketFile.removeStaging(staging) }
            server = try await bootstrap.bind(unixDomainSocketPath: staging, childChannelInitializer: initializer)
            try SocketFile.applyPermissions(
                path: staging,
                mode: configuration.socketMode,
                group: configuration.socketGroup
            )
            try SocketFile.moveIntoPlace(staging, at: socketPath)
        case .inherited(let descriptor, let socketPath):
            path = socketPath
            server = try await bootstrap.bind(descriptor, childChannelInitializer: initializer)
        }
        logger.info("listening", metadata: ["socket": "\(path)"])
        onReady()
        let serverChannel = server.channel
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { inbound in
                    for try await connection in inbound {
                        unclaimed.claim(connection.channel.channel)
                        group.addTask { await self.serve(connection) }
                    }
                }
                // Children that finished initializing after the loop stopped were dropped by NIO: close them
                // through their async channels (waiting a bounded while for those still initializing).
                for _ in 0..<200 where unclaimed.isInitializing { try? await Task.sleep(for: .milliseconds(10)) }
                for connection in unclaimed.takeAll() {
                    group.addTask { try? await connection.channel.executeThenClose { _, _ in } }
                }
            }
        } onGracefulShutdown: {
            serverChannel.close(promise: nil)
            self.connections.drain()
        }
        if case .path(let socketPath) = endpoint { unlink(socketPath) }
        logger.info("listener stopped")
    }

    /// Admits the connection (identifying its peer from the accounts table unless it is root or the daemon's own
    /// user), then serves it, or refuses it with one error line and closes it.
    private func serve(_ connection: Connection) async {
        let channel = connection.channel.channel
        let principal = connection.principal
        let uid = Self.uid(of: principal)
        var administrator = Self.isSystemAdministrator(principal, ownUID: dispatcher.core.ownUID)
        var caller: Caller?
        if !administrator {
            if let refusal = connections.beginIdentification() {
                await refuse(connection, refusal.error, capped: true)
                return
            }
            do {
                let identified = try await dispatcher.core.identify(principal)
                administrator = identified.isSystemAdmin
                caller = identified
            } catch {
                connections.abandonIdentification()
                logger.error("cannot identify peer", metadata: ["uid": "\(uid)", "error": "\(error)"])
                await refuse(connection, RPCErrorMapping.internalError, capped: true)
                return
            }
        }
        let id: Int
        switch connections.add(channel, uid: uid, administrator: administrator, identified: caller != nil) {
        case .success(let admitted):
            id = admitted
        case .failure(.draining):
            // Closed through the async channel, never around it: a wrapper dropped with its writer unfinished
            // traps (NIOAsyncWriter's precondition), which took the daemon down while it was shutting down.
            try? await connection.channel.executeThenClose { _, _ in }
            return
        case .failure(.limit(let refusal)):
            logger.notice("connection refused", metadata: ["uid": "\(uid)", "limit": "\(refusal)"])
            await refuse(connection, refusal.error, capped: true)
            return
        }
        defer { connections.remove(id) }
        if let caller, caller.role == nil {
            // No account: the one answer is the refusal that names the user, then the connection closes.
            await refuse(connection, Self.noAccount(caller), capped: false)
            return
        }
        await answerRequests(connection, id: id)
    }

    private func answerRequests(_ connection: Connection, id: Int) async {
        let activity = connection.activity
        let principal = connection.principal
        let dispatcher = self.dispatcher
        do {
            try await connection.channel.executeThenClose { inbound, outbound in
                for try await frame in inbound {
                    switch frame {
                    case .tooLarge:
                        let error = RPCErrorObject(
                            code: RPCErrorCode.invalidRequest,
                            reason: "rpc.request_too_large",
                            message: "请求超过 \(configuration.maxRequestBytes) 字节上限，连接已关闭；大文件请分块发送"
                        )
                        try await outbound.write(Self.errorLine(.null, error))
                        return
                    case .line(let line):
                        guard line.readableBytes > 0 else { continue }
                        // Lines still queued from a peer that has gone are not run: nobody waits for them.
                        guard !activity.isClosed else { return }
                        _ = connections.setBusy(id, true)
                        if var reply = await activity.run({ await dispatcher.handle(line: line, as: principal) }),
                            !activity.isClosed
                        {
                            reply.writeString("\n")
                            try await outbound.write(reply)
                        }
                        guard connections.setBusy(id, false), !activity.isClosed else { return }
                    }
                }
            }
        } catch {
            // A peer that vanishes mid-request is routine: nothing it sent half-way was acted on.
            logger.debug("connection ended", metadata: ["error": "\(error)"])
        }
    }

    /// Sends one refusal and closes. The refusal answers the peer's first request (with its id) when that arrives
    /// within a short grace, so that a client waiting for its answer shows the reason; otherwise it goes out
    /// unasked, with id null. Connections that are not counted (`capped`: refused over a limit) wait for that only
    /// while few others do, so that a flood of refused connections cannot hold descriptors either.
    private func refuse(_ connection: Connection, _ error: RPCErrorObject, capped: Bool) async {
        let channel = connection.channel.channel
        let waits = !capped || connections.beginLingering()
        defer { if capped && waits { connections.endLingering() } }
        let once = Once()
        let grace = TimeAmount.seconds(Int64(min(configuration.requestTimeoutSeconds, 5)))
        let deadline = channel.eventLoop.scheduleTask(in: waits ? grace : .zero) {
            guard once.claim() else { return }
            channel.writeAndFlush(Self.errorLine(.null, error)).whenComplete { _ in channel.close(promise: nil) }
        }
        do {
            try await connection.channel.executeThenClose { inbound, outbound in
                for try await frame in inbound {
                    var id = RPCID.null
                    if case .line(let line) = frame {
                        guard line.readableBytes > 0 else { continue }
                        let head = try? JSONDecoder().decode(RPCRequestHead.self, from: Data(line.readableBytesView))
                        id = head?.id ?? .null
                    }
                    deadline.cancel()
                    if once.claim() { try await outbound.write(Self.errorLine(id, error)) }
                    return
                }
            }
        } catch {
            logger.debug("refused connection ended", metadata: ["error": "\(error)"])
        }
        deadline.cancel()
    }

    /// The refusal of a peer without an account: error 1000 `auth.no_account`, naming the user in Chinese.
    private static func noAccount(_ caller: Caller) -> RPCErrorObject {
        do {
            try Access.account.check(caller, targets: [])
        } catch {
            return RPCErrorMapping.object(for: error)
        }
        return RPCErrorMapping.internalError
    }

    private static func errorLine(_ id: RPCID, _ error: RPCErrorObject) -> ByteBuffer {
        var line = ByteBuffer(bytes: (try? MethodRegistry.encoder.encode(RPCFailure(id: id, error: error))) ?? Data())
        line.writeString("\n")
        return line
    }

    /// The uid a connection counts against (a principal other than a Unix user cannot come through the socket).
    private static func uid(of principal: Principal) -> UInt32 {
        if case .unixUser(let uid, _) = principal { return uid }
        return 0
    }

    /// Root, the daemon's own user and the daemon: administrators whatever the accounts table says.
    private static func isSystemAdministrator(_ principal: Principal, ownUID: UInt32) -> Bool {
        switch principal {
        case .unixUser(let uid, _): uid == 0 || uid == ownUID
        case .daemon: true
        case .member: false
        }
    }

    /// Keeps the total below the descriptor limit, raising the soft limit towards the hard one first, so that the
    /// database, the journal and the listening socket always have descriptors left.
    private static func fittingDescriptors(_ total: Int, reserve: Int, logger: Logger) -> Int {
        let spare = 64
        var limits = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0 else { return total }
        let wanted = rlim_t(total + spare)
        if limits.rlim_cur < wanted, limits.rlim_cur < limits.rlim_max {
            var raised = limits
            raised.rlim_cur = min(wanted, limits.rlim_max)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limits = raised }
        }
        let available = Int(clamping: limits.rlim_cur) - spare
        guard available < total else { return total }
        let fitted = max(available, reserve + 1)
        logger.warning(
            "maxConnections lowered to fit the descriptor limit",
            metadata: ["configured": "\(total)", "effective": "\(fitted)", "nofile": "\(limits.rlim_cur)"]
        )
        return fitted
    }

    /// Reads SO_PEERCRED; a socket that cannot report it is refused.
    private static func peerCredentials(of channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(StartupError("连接不支持 SO_PEERCRED"))
        }
        let future: EventLoopFuture<RawUcred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(SO_PEERCRED)
        )
        return future.map { PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid) }
    }
}

/// A flag that can be claimed once, from any thread: the refusal line goes out once, from the timer or from the
/// reader, whichever comes first.
private final class Once: Sendable {
    private let claimed = Mutex(false)

    func claim() -> Bool {
        claimed.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}
