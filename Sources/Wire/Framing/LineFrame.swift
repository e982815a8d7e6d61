import NIOCore

/// One unit read off a connection: a complete line, or the news that a line grew past the limit.
package enum LineFrame: Sendable {
    /// A line without its terminating `\n` (a trailing `\r` is removed too).
    case line(ByteBuffer)
    /// A line exceeded the size limit; nothing more will be read from this connection.
    case tooLarge
}

/// Splits a byte stream into `\n`-terminated lines of at most `maximumLength` bytes.
///
/// Unlike a decoder that throws, an oversized line becomes a ``LineFrame/tooLarge`` frame so the server can
/// answer it with a proper error before closing; everything after it is discarded.
package struct LineFrameDecoder: ByteToMessageDecoder {
    /// The frames produced.
    package typealias InboundOut = LineFrame

    private let maximumLength: Int
    private var scannedBytes = 0
    private var overflowed = false

    /// Creates a decoder refusing lines longer than `maximumLength` bytes.
    package init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    /// Emits the next complete line, or `.tooLarge` once when the limit is passed.
    package mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if overflowed {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return .needMoreData
        }
        let view = buffer.readableBytesView
        // Resume scanning where the previous call stopped so a long line is not rescanned byte by byte.
        let start = view.index(view.startIndex, offsetBy: min(scannedBytes, view.count))
        if let newline = view[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - view.startIndex
            guard length <= maximumLength else { return overflow(context: context, buffer: &buffer) }
            var line = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            if line.readableBytesView.last == UInt8(ascii: "\r") {
                line = line.getSlice(at: line.readerIndex, length: line.readableBytes - 1)!
            }
            scannedBytes = 0
            context.fireChannelRead(wrapInboundOut(.line(line)))
            return .continue
        }
        scannedBytes = view.count
        if view.count > maximumLength { return overflow(context: context, buffer: &buffer) }
        return .needMoreData
    }

    /// At end of input a partial line is dropped: a request counts only once its newline has arrived.
    package mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue {}
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        return .needMoreData
    }

    private mutating func overflow(context: ChannelHandlerContext, buffer: inout ByteBuffer) -> DecodingState {
        overflowed = true
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        context.fireChannelRead(wrapInboundOut(.tooLarge))
        return .needMoreData
    }
}
