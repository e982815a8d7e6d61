import Crypto
import Foundation
import Wire

/// Sends a local file to partyd as an attachment, for `attachment upload` and for commands that attach files
/// (`notice post --attach`). The daemon never opens a path of the caller's: the console reads the file a
/// chunk at a time (never whole into memory), sends each chunk in Base64 while computing the file's SHA-256,
/// and ends with that digest, which the daemon checks against what it received:
/// `attachment.begin` → `attachment.chunk` 0, 1, 2, … → `attachment.finish`.
///
/// ```swift
/// let file = try AttachmentUpload.prepare(path, name: nil)       // before connecting: local errors
/// let view = try await Console.withClient(global) { client in
///     try await AttachmentUpload.send(file, using: client)
/// }
/// ```
enum AttachmentUpload {
    /// A local file checked and ready to send.
    struct LocalFile {
        /// Its path.
        let path: String
        /// The name it is uploaded under (the daemon keeps only the last path component).
        let name: String
        /// Its size in bytes when checked.
        let size: Int
    }

    /// Checks that `path` is a readable regular file and returns it with the name to upload it under (`name`,
    /// else the file's own name); otherwise prints why not and throws ``ExitStatus/fileError``.
    static func prepare(_ path: String, name: String?) throws -> LocalFile {
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        let problem: String? =
            if !manager.fileExists(atPath: path, isDirectory: &isDirectory) {
                "文件 \(path) 不存在"
            } else if isDirectory.boolValue {
                "\(path) 是目录，请给出文件的路径"
            } else if !manager.isReadableFile(atPath: path) {
                "没有读取文件 \(path) 的权限"
            } else {
                nil
            }
        if let problem {
            Printer.err("错误：\(problem)")
            throw ExitStatus.fileError
        }
        let size = (try? manager.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        return LocalFile(path: path, name: name ?? (path as NSString).lastPathComponent, size: size)
    }

    /// Uploads `file` over `client` and returns the stored attachment. A progress bar is drawn on standard
    /// error when it is a terminal. If the file cannot be read part way, the upload is abandoned
    /// (`attachment.abort`), the reason printed, and ``ExitStatus/fileError`` thrown.
    static func send(_ file: LocalFile, using client: RPCClient) async throws -> AttachmentView {
        var progress = ProgressBar(total: file.size)
        do {
            let begun = try await client.call(AttachmentBegin.self, .init(name: file.name, size: file.size))
            let handle: FileHandle
            do {
                handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file.path))
            } catch {
                return try await abandon(begun.upload, file, reason: error.localizedDescription, client, progress)
            }
            defer { try? handle.close() }
            var hasher = SHA256()
            var sent = 0
            var sequence = 0
            progress.update(sent: 0)
            while sent < file.size {
                let chunk: Data
                do {
                    chunk = try handle.read(upToCount: min(begun.maxChunkBytes, file.size - sent)) ?? Data()
                } catch {
                    return try await abandon(begun.upload, file, reason: error.localizedDescription, client, progress)
                }
                // A file that shrank while being sent: the daemon would refuse it as incomplete anyway.
                guard !chunk.isEmpty else {
                    return try await abandon(begun.upload, file, reason: "文件在上传过程中被截短", client, progress)
                }
                hasher.update(data: chunk)
                let params = AttachmentChunkMethod.Params(
                    upload: begun.upload,
                    sequence: sequence,
                    data: chunk.base64EncodedString()
                )
                _ = try await client.call(AttachmentChunkMethod.self, params)
                sent += chunk.count
                sequence += 1
                progress.update(sent: sent)
            }
            progress.status("正在校验…")
            let digest = hex(hasher.finalize())
            let stored = try await client.call(AttachmentFinish.self, .init(upload: begun.upload, sha256: digest))
            progress.clear()
            return stored
        } catch {
            // Cleared before the error is reported, so the message does not start in the middle of the bar.
            progress.clear()
            throw error
        }
    }

    /// Lowercase hexadecimal of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Gives up an upload because the local file failed: tells the daemon, then the user.
    private static func abandon(
        _ upload: String,
        _ file: LocalFile,
        reason: String,
        _ client: RPCClient,
        _ progress: ProgressBar
    ) async throws -> AttachmentView {
        progress.clear()
        _ = try? await client.call(AttachmentAbort.self, .init(upload: upload))
        Printer.err("错误：读取文件 \(file.path) 失败：\(reason)，上传已取消")
        throw ExitStatus.fileError
    }
}
