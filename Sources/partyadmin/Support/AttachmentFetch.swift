import Crypto
import Foundation
import Wire

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fetches an attachment in chunks into a local file: written to a hidden temporary file beside the target,
/// checked against the SHA-256 the daemon reports, flushed, and only then renamed into place, so a broken
/// download never leaves a partial file under the name asked for.
enum AttachmentFetch {
    /// Downloads attachment `id` over `client` into `path`; returns the bytes written. Local failures are
    /// printed and thrown as ``ExitStatus/fileError``; daemon refusals pass through.
    static func fetch(_ id: Int64, to path: String, using client: RPCClient) async throws -> Int {
        let url = URL(fileURLWithPath: path)
        var template = Array("\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).XXXXXX".utf8) + [0]
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mkstemp($0.baseAddress!) }
        }
        guard descriptor >= 0 else { throw fail(path, String(cString: strerror(errno))) }
        let temporary = String(decoding: template.dropLast(), as: UTF8.self)
        var finished = false
        defer {
            if !finished {
                close(descriptor)
                unlink(temporary)
            }
        }
        var hasher = SHA256()
        var received = 0
        var expected = ""
        var progress: ProgressBar?
        while true {
            let piece = try await client.call(AttachmentDownload.self, .init(attachment: id, offset: received))
            if progress == nil {
                progress = ProgressBar(total: piece.size)
                expected = piece.sha256
            }
            guard let data = Data(base64Encoded: piece.data), piece.offset == received else {
                progress?.clear()
                throw fail(path, "partyd 返回的数据无效")
            }
            guard write(data, to: descriptor) else {
                progress?.clear()
                throw fail(path, String(cString: strerror(errno)))
            }
            hasher.update(data: data)
            received += data.count
            progress?.update(sent: received)
            if data.isEmpty || received >= piece.size { break }
        }
        progress?.clear()
        let actual = AttachmentUpload.hex(hasher.finalize())
        guard actual == expected else { throw fail(path, "下载内容的 SHA-256（\(actual)）与 partyd 给出的（\(expected)）不符") }
        guard fchmod(descriptor, 0o600) == 0, fsync(descriptor) == 0, close(descriptor) == 0 else {
            throw fail(path, String(cString: strerror(errno)))
        }
        finished = true
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw fail(path, reason)
        }
        return received
    }

    /// Writes all of `data`, retrying short writes and interruptions; false on failure (errno says why).
    private static func write(_ data: Data, to descriptor: Int32) -> Bool {
        var written = 0
        while written < data.count {
            let count = data[data.startIndex + written..<data.endIndex].withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress, $0.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += count
        }
        return true
    }

    /// Prints why `path` could not be written and returns the exit status to throw.
    private static func fail(_ path: String, _ reason: String) -> any Error {
        Printer.err("错误：无法写入 \(path)：\(reason)")
        return ExitStatus.fileError
    }
}
