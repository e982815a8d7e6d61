import Foundation
import NIOCore
import Synchronization
import Wire

/// The bytes of unfinished request lines held for all connections that are charged for them. One peer's
/// connections are already bounded by their number times `maxRequestBytes`; this bounds everyone's together.
final class ByteBudget: Sendable {
    private let limit: Int
    private let used = Mutex(0)

    /// Creates a budget of `limit` bytes.
    init(limit: Int) { self.limit = limit }

    /// Takes `bytes` from the budget; false (and nothing taken) when that would pass the limit.
    func charge(_ bytes: Int) -> Bool {
        used.withLock { used in
            guard used + bytes <= limit else { return false }
            used += bytes
            return true
        }
    }

    /// Gives `bytes` back.
    func refund(_ bytes: Int) {
        used.withLock { $0 = max(0, $0 - bytes) }
    }

    /// Bytes currently held.
    var inUse: Int { used.withLock { $0 } }
}

/// Watches the bytes of the request line being received, ahead of the line decoder: a line must be complete
/// within the request timeout of its first byte (a peer that trickles is refused and closed), and its bytes are
/// charged to the shared ``ByteBudget`` until its newline arrives (a peer that would pass the budget is refused
/// and closed). Both refusals are one JSON-RPC error line.
final class RequestLineGuard: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let budget: ByteBudget?
    private let timeout: TimeAmount
    private let timeoutSeconds: Int
    /// Bytes received since the last newline (the unfinished line), all charged to the budget.
    private var pending = 0
    private var deadline: Scheduled<Void>?
    private var refused = false

    /// Creates the guard; `budget` is nil for peers that are not charged (root and the daemon's own user).
    init(budget: ByteBudget?, timeoutSeconds: Int) {
        self.budget = budget
        self.timeoutSeconds = timeoutSeconds
        timeout = .seconds(Int64(timeoutSeconds))
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        guard !refused else { return }
        let view = buffer.readableBytesView
        let lastNewline = view.lastIndex(of: UInt8(ascii: "\n"))
        let unfinished = lastNewline.map { view.endIndex - $0 - 1 } ?? pending + view.count
        if let budget {
            let grow = unfinished - pending
            if grow > 0, !budget.charge(grow) {
                refuse(
                    context: context,
                    RPCErrorObject(
                        code: RPCErrorCode.unavailable,
                        reason: "rpc.buffers_full",
                        message: "partyd 为未完成请求保留的内存已满，连接已关闭；请稍后重试"
                    )
                )
                return
            }
            if grow < 0 { budget.refund(-grow) }
        }
        // A line completed in this read: the next one, if begun, gets its own full time.
        if lastNewline != nil || pending == 0 {
            deadline?.cancel()
            deadline = nil
        }
        pending = unfinished
        if pending > 0, deadline == nil {
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: timeout) {
                let (handler, context) = loopBound.value
                handler.refuse(
                    context: context,
                    RPCErrorObject(
                        code: RPCErrorCode.invalidRequest,
                        reason: "rpc.request_timeout",
                        message: "请求在 \(handler.timeoutSeconds) 秒内未发送完整（缺少换行），连接已关闭"
                    )
                )
            }
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        release()
    }

    private func release() {
        deadline?.cancel()
        deadline = nil
        budget?.refund(pending)
        pending = 0
    }

    /// Sends one error line and closes; whatever else the peer sends is dropped.
    private func refuse(context: ChannelHandlerContext, _ error: RPCErrorObject) {
        guard !refused else { return }
        refused = true
        release()
        var line = ByteBuffer(bytes: (try? JSONEncoder().encode(RPCFailure(id: .null, error: error))) ?? Data())
        line.writeString("\n")
        context.writeAndFlush(wrapOutboundOut(line), promise: nil)
        context.close(promise: nil)
    }
}
