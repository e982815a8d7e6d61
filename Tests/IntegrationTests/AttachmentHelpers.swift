import Crypto
import Foundation
import PartyTesting
import Wire

/// Anything that calls the daemon's methods: a socket client or a principal's client.
protocol MethodCaller: Sendable {
    func call<M: RPCMethod>(_ method: M.Type, _ params: M.Params) async throws -> M.Result
}

extension RPCClient: MethodCaller {}
extension PrincipalClient: MethodCaller {}

/// Lowercase hexadecimal SHA-256 of `bytes`.
func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
}

/// `count` bytes that start as a PDF does and continue with a deterministic pattern (no two chunks alike).
func pdfBytes(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    var bytes = Array("%PDF-1.7\n".utf8)
    while bytes.count < count {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        bytes.append(UInt8(truncatingIfNeeded: state))
    }
    return Array(bytes.prefix(count))
}

/// A PNG signature followed by `count - 8` filler bytes: a photo by content.
func pngBytes(_ count: Int) -> [UInt8] {
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0x42, count: max(0, count - 8))
}

/// Sends `bytes` through `attachment.begin` / `chunk` / `finish`. `declared` overrides the size announced,
/// `digest` the SHA-256 sent at the end, and `sendOnly` stops after that many bytes (a truncated upload).
func uploadAttachment(
    _ client: some MethodCaller,
    _ bytes: [UInt8],
    name: String = "材料.pdf",
    declared: Int? = nil,
    digest: String? = nil,
    sendOnly: Int? = nil
) async throws -> AttachmentView {
    let begun = try await client.call(
        AttachmentBegin.self,
        .init(name: name, size: declared ?? bytes.count)
    )
    let toSend = bytes.prefix(sendOnly ?? bytes.count)
    var offset = 0
    var sequence = 0
    while offset < toSend.count {
        let end = min(offset + begun.maxChunkBytes, toSend.count)
        let data = Data(toSend[offset..<end]).base64EncodedString()
        _ = try await client.call(
            AttachmentChunkMethod.self,
            .init(upload: begun.upload, sequence: sequence, data: data)
        )
        offset = end
        sequence += 1
    }
    return try await client.call(
        AttachmentFinish.self,
        .init(upload: begun.upload, sha256: digest ?? sha256Hex(bytes))
    )
}

/// Reads attachment `id` back in chunks of `length` bytes and returns its bytes and the digest reported.
func downloadAttachment(
    _ client: some MethodCaller,
    _ id: Int64,
    length: Int? = nil
) async throws -> (bytes: [UInt8], sha256: String) {
    var bytes: [UInt8] = []
    while true {
        let piece = try await client.call(
            AttachmentDownload.self,
            .init(attachment: id, offset: bytes.count, length: length)
        )
        guard let data = Data(base64Encoded: piece.data) else { throw TestSupportError("bad Base64") }
        bytes += data
        if data.isEmpty || bytes.count >= piece.size { return (bytes, piece.sha256) }
    }
}

/// The files of the attachment store under `dataDir`: content files (by digest) and spool files.
func attachmentFiles(_ dataDir: String) -> (contents: [String], spool: [String]) {
    let root = (dataDir as NSString).appendingPathComponent("attachments")
    let manager = FileManager.default
    let spool = (try? manager.contentsOfDirectory(atPath: root + "/spool")) ?? []
    var contents: [String] = []
    for path in manager.enumerator(atPath: root)?.compactMap({ $0 as? String }) ?? []
    where !path.hasPrefix("spool") && (path as NSString).lastPathComponent.count == 64 {
        contents.append((path as NSString).lastPathComponent)
    }
    return (contents.sorted(), spool)
}
