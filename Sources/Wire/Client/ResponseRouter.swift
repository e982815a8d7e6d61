import NIOCore

/// Hands each response line to the call waiting for it. The daemon answers the requests of one connection in
/// the order they were sent, so the waiting calls form a queue.
final class ResponseRouter: ChannelInboundHandler {
    typealias InboundIn = LineFrame

    private var waiting = CircularBuffer<EventLoopPromise<ByteBuffer>>()
    private var closed = false

    /// Registers the next expected response; must run on the channel's event loop, just before the write.
    func expectResponse(_ promise: EventLoopPromise<ByteBuffer>) {
        if closed {
            promise.fail(RPCClientError.connectionClosed)
        } else {
            waiting.append(promise)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .line(let line):
            guard !line.readableBytesView.isEmpty else { return }
            if let promise = waiting.popFirst() {
                promise.succeed(line)
            }
        case .tooLarge:
            failAll(RPCClientError.malformedResponse("回复超过客户端上限"))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(RPCClientError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(error)
        context.close(promise: nil)
    }

    private func failAll(_ error: any Error) {
        closed = true
        while let promise = waiting.popFirst() {
            promise.fail(error)
        }
    }
}
