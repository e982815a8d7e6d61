import NIOCore

/// Closes a connection when ``IdleStateHandler`` reports that it has been silent too long, unless a request of
/// it is still being answered: a long export is not silence, and closing it would throw the work away.
final class IdleCloser: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private let activity: ConnectionActivity

    /// Creates the handler for the connection whose requests `activity` tracks.
    init(activity: ConnectionActivity) { self.activity = activity }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            if !activity.isBusy { context.close(promise: nil) }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
