import NIOCore
import NIOEmbedded
import Testing
import Wire

/// The framing of the protocol: one JSON-RPC message per `\n`-terminated line, at most `maximumLength` bytes.
@Suite("LineFrameDecoder")
struct LineFrameDecoderTests {
    /// What the decoder emitted, in a form `#expect` can compare.
    enum Frame: Equatable, CustomStringConvertible {
        /// A line, decoded as UTF-8.
        case line(String)
        /// The line-too-long report.
        case tooLarge

        /// Shown by `#expect` when frames differ.
        var description: String {
            switch self {
            case .line(let text): "line(\(text.debugDescription))"
            case .tooLarge: "tooLarge"
            }
        }
    }

    /// A channel whose inbound bytes go through a decoder with `maximumLength`.
    static func channel(maximumLength: Int = 16) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(
            ByteToMessageHandler(LineFrameDecoder(maximumLength: maximumLength))
        )
        return channel
    }

    /// Feeds each string as one read, then returns every frame the decoder emitted so far.
    static func feed(_ channel: EmbeddedChannel, _ reads: [String]) throws -> [Frame] {
        for read in reads {
            try channel.writeInbound(channel.allocator.buffer(string: read))
        }
        return try frames(channel)
    }

    /// Drains the frames waiting on `channel`.
    static func frames(_ channel: EmbeddedChannel) throws -> [Frame] {
        var frames: [Frame] = []
        while let frame = try channel.readInbound(as: LineFrame.self) {
            switch frame {
            case .line(let buffer): frames.append(.line(String(buffer: buffer)))
            case .tooLarge: frames.append(.tooLarge)
            }
        }
        return frames
    }

    /// A line arrives without its newline.
    @Test func oneLine() throws {
        let channel = try Self.channel()
        #expect(try Self.feed(channel, ["{\"id\":1}\n"]) == [.line("{\"id\":1}")])
        #expect(try channel.finish().isClean)
    }

    /// A line split across reads is emitted once its newline arrives.
    @Test func splitAcrossReads() throws {
        let channel = try Self.channel()
        #expect(try Self.feed(channel, ["ab", "cd", "e"]) == [])
        #expect(try Self.feed(channel, ["f\ngh"]) == [.line("abcdef")])
        #expect(try Self.feed(channel, ["\n"]) == [.line("gh")])
        #expect(try channel.finish().isClean)
    }

    /// A multi-byte character split between reads is put back together.
    @Test func splitUTF8() throws {
        let channel = try Self.channel()
        let bytes = Array("党员\n".utf8)
        try channel.writeInbound(channel.allocator.buffer(bytes: bytes[0..<2]))
        try channel.writeInbound(channel.allocator.buffer(bytes: bytes[2...]))
        #expect(try Self.frames(channel) == [.line("党员")])
    }

    /// Several lines in one read become several frames, in order.
    @Test func severalInOneRead() throws {
        let channel = try Self.channel()
        #expect(try Self.feed(channel, ["a\nbb\nccc\nd"]) == [.line("a"), .line("bb"), .line("ccc")])
        #expect(try Self.feed(channel, ["\n"]) == [.line("d")])
    }

    /// CRLF: one trailing carriage return is removed, others are kept.
    @Test func carriageReturn() throws {
        let channel = try Self.channel()
        #expect(
            try Self.feed(channel, ["a\r\n", "b\r", "\n", "c\rd\n", "e\r\r\n"]) == [
                .line("a"), .line("b"), .line("c\rd"), .line("e\r"),
            ]
        )
    }

    /// Empty lines are frames too.
    @Test func emptyLines() throws {
        let channel = try Self.channel()
        #expect(try Self.feed(channel, ["\n\r\n\nx\n"]) == [.line(""), .line(""), .line(""), .line("x")])
    }

    /// A line of exactly the maximum length passes; the limit counts bytes, not characters.
    @Test func atTheLimit() throws {
        let channel = try Self.channel(maximumLength: 6)
        #expect(try Self.feed(channel, ["123456\n"]) == [.line("123456")])
        // Two Chinese characters are six bytes in UTF-8.
        #expect(try Self.feed(channel, ["党员\n"]) == [.line("党员")])
        // The carriage return counts before it is removed: five characters plus `\r` is six bytes.
        #expect(try Self.feed(channel, ["12345\r\n"]) == [.line("12345")])
        // Exactly the maximum without a newline yet: wait for more.
        #expect(try Self.feed(channel, ["abcdef"]) == [])
        #expect(try Self.feed(channel, ["\n"]) == [.line("abcdef")])
    }

    /// A complete line past the maximum yields tooLarge once, and everything after it is dropped.
    @Test func pastTheLimitWithNewline() throws {
        let channel = try Self.channel(maximumLength: 6)
        #expect(try Self.feed(channel, ["ok\n1234567\nnext\n"]) == [.line("ok"), .tooLarge])
        #expect(try Self.feed(channel, ["more\n", "and more\n"]) == [])
        #expect(try channel.finish().isClean)
    }

    /// A carriage return pushes a line of the maximum length past it.
    @Test func carriageReturnPastTheLimit() throws {
        let channel = try Self.channel(maximumLength: 6)
        #expect(try Self.feed(channel, ["123456\r\n"]) == [.tooLarge])
    }

    /// A partial line past the maximum yields tooLarge without waiting for its newline.
    @Test func pastTheLimitWithoutNewline() throws {
        let channel = try Self.channel(maximumLength: 6)
        #expect(try Self.feed(channel, ["1234"]) == [])
        #expect(try Self.feed(channel, ["567"]) == [.tooLarge])
        #expect(try Self.feed(channel, ["\nok\n"]) == [])
    }

    /// At end of input a partial line is dropped: a request counts only once its newline has arrived.
    @Test func eofWithPartialLine() throws {
        let channel = try Self.channel()
        #expect(try Self.feed(channel, ["done\npart"]) == [.line("done")])
        #expect(try channel.finish().isClean)
    }

    /// At end of input after an overflow nothing more is emitted.
    @Test func eofAfterOverflow() throws {
        let channel = try Self.channel(maximumLength: 2)
        #expect(try Self.feed(channel, ["abc"]) == [.tooLarge])
        #expect(try Self.feed(channel, ["x\n"]) == [])
        #expect(try channel.finish().isClean)
    }
}
