import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// The Unix-socket listener: accepts connections, identifies each peer with SO_PEERCRED, and serves each
/// connection's requests one after another on its own task, so that a slow or stalled client only ever holds up
/// itself. A `Service` of the daemon's service group.
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
        let peer: PeerCredentials
    }

    private let endpoint: Endpoint
    private let dispatcher: Dispatcher
    private let configuration: ListenerConfiguration
    private let logger: Logger
    private let connections = ConnectionRegistry()
    private let onReady: @Sendable () -> Void

    /// Creates the listener; `onReady` runs once the socket accepts connections.
    package init(
        endpoint: Endpoint,
        dispatcher: Dispatcher,
        configuration: ListenerConfiguration,
        logger: Logger,
        onReady: @escaping @Sendable () -> Void
    ) {
        self.endpoint = endpoint
        self.dispatcher = dispatcher
        self.configuration = configuration
        self.logger = logger
        self.onReady = onReady
    }

    /// Accepts connections until graceful shutdown, then lets in-flight requests finish.
    package func run() async throws {
        let maxBytes = configuration.maxRequestBytes
        let idle = TimeAmount.seconds(Int64(configuration.idleTimeoutSeconds))
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<Connection> = { channel in
            Self.peerCredentials(of: channel).flatMapThrowing { peer in
                let sync = channel.pipeline.syncOperations
                try sync.addHandler(IdleStateHandler(readTimeout: idle))
                try sync.addHandler(IdleCloser())
                try sync.addHandler(ByteToMessageHandler(LineFrameDecoder(maximumLength: maxBytes)))
                return Connection(
                    channel: try NIOAsyncChannel<LineFrame, ByteBuffer>(wrappingChannelSynchronously: channel),
                    peer: peer
                )
            }
        }
        let server: NIOAsyncChannel<Connection, Never>
        let path: String
        switch endpoint {
        case .path(let socketPath):
            path = socketPath
            server = try await Self.withUmask(0o177) {
                try await bootstrap.bind(unixDomainSocketPath: socketPath, childChannelInitializer: initializer)
            }
            try SocketFile.applyPermissions(
                path: socketPath,
                mode: configuration.socketMode,
                group: configuration.socketGroup
            )
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
                        group.addTask { await self.serve(connection) }
                    }
                }
            }
        } onGracefulShutdown: {
            serverChannel.close(promise: nil)
            self.connections.drain()
        }
        if case .path(let socketPath) = endpoint { unlink(socketPath) }
        logger.info("listener stopped")
    }

    private func serve(_ connection: Connection) async {
        guard let id = connections.add(connection.channel.channel) else {
            try? await connection.channel.channel.close()
            return
        }
        defer { connections.remove(id) }
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
                        var reply = ByteBuffer(
                            bytes: (try? JSONEncoder().encode(RPCFailure(id: .null, error: error))) ?? Data()
                        )
                        reply.writeString("\n")
                        try await outbound.write(reply)
                        return
                    case .line(let line):
                        guard line.readableBytes > 0 else { continue }
                        _ = connections.setBusy(id, true)
                        if var reply = await dispatcher.handle(line: line, peer: connection.peer) {
                            reply.writeString("\n")
                            try await outbound.write(reply)
                        }
                        guard connections.setBusy(id, false) else { return }
                    }
                }
            }
        } catch {
            // A peer that vanishes mid-request is routine: nothing it sent half-way was acted on.
            logger.debug("connection ended", metadata: ["error": "\(error)"])
        }
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

    /// Binds with a restrictive umask so the socket never exists with looser permissions than configured.
    private static func withUmask<T>(_ mask: mode_t, _ body: () async throws -> T) async rethrows -> T {
        let previous = umask(mask)
        defer { umask(previous) }
        return try await body()
    }
}
