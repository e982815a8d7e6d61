import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// The asynchronous client of the daemon's Unix-socket protocol, used by the console, the tests and the
/// benchmarks alike. One client is one connection; calls may be issued concurrently and are answered in order.
package final class RPCClient: Sendable {
    /// The largest response line accepted (an export of a whole city can be tens of megabytes).
    package static let maximumResponseLength = 1 << 30

    private let channel: any Channel
    private let router: NIOLoopBound<ResponseRouter>
    private let nextID = Mutex<Int64>(0)

    private init(channel: any Channel, router: NIOLoopBound<ResponseRouter>) {
        self.channel = channel
        self.router = router
    }

    /// Connects to the daemon listening at `socketPath`.
    package static func connect(
        socketPath: String,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> RPCClient {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(LineFrameDecoder(maximumLength: maximumResponseLength))
                    )
                    try channel.pipeline.syncOperations.addHandler(ResponseRouter())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(unixDomainSocketPath: socketPath).get()
        } catch {
            throw RPCClientError.cannotConnect(socketPath: socketPath, reason: Self.explain(error, path: socketPath))
        }
        let router = try await channel.eventLoop.submit {
            NIOLoopBound(
                try channel.pipeline.syncOperations.handler(type: ResponseRouter.self),
                eventLoop: channel.eventLoop
            )
        }.get()
        return RPCClient(channel: channel, router: router)
    }

    /// Calls `method` and returns its result, or throws the daemon's ``RPCErrorObject`` or an ``RPCClientError``.
    package func call<M: RPCMethod>(_ method: M.Type, _ params: M.Params) async throws -> M.Result {
        let id = nextID.withLock { value in
            value += 1
            return value
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var line = try encoder.encode(RPCRequest(id: .number(id), method: M.name, params: params))
        line.append(UInt8(ascii: "\n"))
        let reply = try await exchange(Array(line))
        let response: RPCResponse<M.Result>
        do {
            response = try JSONDecoder().decode(RPCResponse<M.Result>.self, from: Data(reply.readableBytesView))
        } catch {
            throw RPCClientError.malformedResponse(String(describing: error))
        }
        if let error = response.error { throw error }
        guard response.id == .number(id), let result = response.result else {
            throw RPCClientError.malformedResponse("回复的 id \(response.id?.description ?? "无") 与请求 \(id) 不符")
        }
        return result
    }

    /// Calls a method that takes no parameters.
    package func call<M: RPCMethod>(_ method: M.Type) async throws -> M.Result where M.Params == NoParams {
        try await call(method, NoParams())
    }

    /// Sends bytes exactly as given (they should end with a newline) and returns the next response line.
    /// Meant for tests of malformed input.
    package func exchange(_ bytes: [UInt8]) async throws -> ByteBuffer {
        let channel = self.channel
        let router = self.router
        let promise = channel.eventLoop.makePromise(of: ByteBuffer.self)
        channel.eventLoop.execute {
            router.value.expectResponse(promise)
            channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).cascadeFailure(to: promise)
        }
        return try await promise.futureResult.get()
    }

    /// Sends bytes without waiting for any answer (tests of half-sent requests and notifications).
    package func send(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).get()
    }

    /// Waits until the daemon closes the connection (tests of refused frames and idle time-outs).
    package func waitForClose() async throws {
        try await channel.closeFuture.get()
    }

    /// Closes the connection.
    package func close() async {
        try? await channel.close().get()
    }

    private static func explain(_ error: any Error, path: String) -> String {
        if let ioError = error as? IOError {
            switch ioError.errnoCode {
            case ENOENT: return "套接字文件不存在"
            case ECONNREFUSED: return "没有进程在该套接字上监听（partyd 未运行？）"
            case EACCES: return "没有访问该套接字的权限（需加入套接字所属用户组）"
            default: return String(describing: ioError)
            }
        }
        return String(describing: error)
    }
}
