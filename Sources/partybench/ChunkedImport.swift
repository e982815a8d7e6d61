import Wire

/// How long one chunked import took, split into the upload and the commit (validation and writing).
struct ImportTiming {
    /// Data rows the daemon wrote.
    var rows: Int
    /// Chunks sent.
    var chunks: Int
    /// Bytes of UTF-8 text sent.
    var bytes: Int
    /// Seconds for `import.begin` and every `import.chunk`.
    var upload: Double
    /// Seconds for `import.commit`.
    var commit: Double
    /// The whole import, begin to commit.
    var total: Double { upload + commit }
}

/// Imports a CSV file the way `partyadmin` does: `import.begin`, then the text in chunks of at most the
/// daemon's `maxChunkBytes` UTF-8 bytes cut on character boundaries, then `import.commit`.
enum ChunkedImport {
    /// Uploads and commits `text` as `kind`; throws the daemon's refusal unchanged.
    static func run(_ text: String, kind: ImportKind, client: RPCClient) async throws -> ImportTiming {
        let bytes = Array(text.utf8)
        let start = ContinuousClock.now
        let session = try await client.call(ImportBegin.self, .init(kind: kind))
        var sequence = 0
        var offset = 0
        while offset < bytes.count {
            let end = cut(bytes, from: offset, limit: session.maxChunkBytes)
            let chunk = String(decoding: bytes[offset..<end], as: UTF8.self)
            _ = try await client.call(
                ImportChunk.self,
                .init(session: session.session, sequence: sequence, text: chunk)
            )
            sequence += 1
            offset = end
        }
        let uploaded = ContinuousClock.now
        let result = try await client.call(ImportCommit.self, .init(session: session.session))
        let committed = ContinuousClock.now
        return ImportTiming(
            rows: result.written,
            chunks: sequence,
            bytes: bytes.count,
            upload: (uploaded - start).seconds,
            commit: (committed - uploaded).seconds
        )
    }

    /// The end of the chunk starting at `offset`: at most `limit` bytes on, moved back so that it does not
    /// split a character (UTF-8 continuation bytes are 0b10xxxxxx).
    static func cut(_ bytes: [UInt8], from offset: Int, limit: Int) -> Int {
        var end = min(bytes.count, offset + max(4, limit))
        while end < bytes.count, end > offset + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        // Keep a CRLF line end together: it is one Swift character.
        if end < bytes.count, end > offset + 1, bytes[end] == 0x0A, bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }
}
