import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The attachments' bytes on disk, content-addressed: the file of digest `aabbcc…` is
/// `<directory>/aa/bb/aabbcc…`, written once and never changed. Uploads in progress are spooled in
/// `<directory>/spool/` (same file system, so a finished upload is renamed into place, never copied). Every
/// directory and file is owner-only. The database says which contents exist; this type only moves bytes.
package struct BlobStore: Sendable {
    /// The root, `<data-dir>/attachments`.
    package let directory: String

    /// Where uploads in progress are spooled.
    package var spoolDirectory: String { (directory as NSString).appendingPathComponent("spool") }

    /// Uses `directory` (created 0700 when missing) and empties its spool: uploads in progress died with the
    /// process that received them.
    package init(directory: String) throws {
        self.directory = directory
        for path in [directory, (directory as NSString).appendingPathComponent("spool")] {
            try FileManager.default.createDirectory(
                atPath: path,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            chmod(path, 0o700)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: spoolDirectory)) ?? [] {
            unlink((spoolDirectory as NSString).appendingPathComponent(name))
        }
    }

    /// Creates an empty owner-only spool file; returns its path and a descriptor open for appending.
    package func createSpoolFile() throws(BlobError) -> (path: String, descriptor: Int32) {
        let path = (spoolDirectory as NSString).appendingPathComponent(UUID().uuidString.lowercased())
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw BlobError(path: path, code: errno) }
        return (path, descriptor)
    }

    /// Writes all of `bytes` to `descriptor`, retrying short writes and interruptions.
    package static func append(_ bytes: some Collection<UInt8>, to descriptor: Int32) throws(BlobError) {
        let array = Array(bytes)
        var written = 0
        while written < array.count {
            let count = array[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw BlobError(path: "", code: errno)
            }
            written += count
        }
    }

    /// The path of the content with digest `sha256`.
    package func path(of sha256: String) -> String {
        let utf8 = Array(sha256.utf8)
        let first = String(decoding: utf8.prefix(2), as: UTF8.self)
        let second = String(decoding: utf8.dropFirst(2).prefix(2), as: UTF8.self)
        return [directory, first, second, sha256].joined(separator: "/")
    }

    /// Whether the content with digest `sha256` is on disk.
    package func contains(_ sha256: String) -> Bool { access(path(of: sha256), F_OK) == 0 }

    /// Up to `length` bytes of the file at `path` from `offset` (fewer at its end).
    package func read(at path: String, offset: Int, length: Int) throws(BlobError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BlobError(path: path, code: errno) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: max(0, length))
        var filled = 0
        while filled < bytes.count {
            let count = bytes[filled...].withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress, $0.count, off_t(offset + filled))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw BlobError(path: path, code: errno)
            }
            if count == 0 { break }
            filled += count
        }
        return Array(bytes.prefix(filled))
    }

    /// Moves the finished spool file at `spool` into place as the content with digest `sha256`: flushed to disk,
    /// renamed, and the directory flushed, so that the content survives a power loss once this returns. When
    /// the content is already stored the spool file is removed instead (de-duplication). Returns whether a new
    /// file was stored.
    package func promote(spool: String, as sha256: String) throws(BlobError) -> Bool {
        let target = path(of: sha256)
        if contains(sha256) {
            unlink(spool)
            return false
        }
        let leaf = (target as NSString).deletingLastPathComponent
        let middle = (leaf as NSString).deletingLastPathComponent
        for directory in [middle, leaf] where access(directory, F_OK) != 0 {
            guard mkdir(directory, 0o700) == 0 || errno == EEXIST else { throw BlobError(path: directory, code: errno) }
            // Whatever the umask: a directory without its search bit would refuse every later file to anyone but root.
            chmod(directory, 0o700)
            try Self.syncDirectory((directory as NSString).deletingLastPathComponent)
        }
        let descriptor = open(spool, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BlobError(path: spool, code: errno) }
        let synced = fsync(descriptor) == 0
        let code = errno
        close(descriptor)
        guard synced else { throw BlobError(path: spool, code: code) }
        guard rename(spool, target) == 0 else { throw BlobError(path: target, code: errno) }
        try Self.syncDirectory(leaf)
        return true
    }

    /// Removes the content with digest `sha256` (nothing when it is not there).
    package func remove(_ sha256: String) throws(BlobError) {
        let target = path(of: sha256)
        guard unlink(target) == 0 || errno == ENOENT else { throw BlobError(path: target, code: errno) }
        try Self.syncDirectory((target as NSString).deletingLastPathComponent)
    }

    /// The digests of every content file on disk, whether or not the database knows them.
    package func storedDigests() -> [String] {
        let manager = FileManager.default
        var digests: [String] = []
        for first in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] where first.utf8.count == 2 {
            let firstPath = (directory as NSString).appendingPathComponent(first)
            for second in (try? manager.contentsOfDirectory(atPath: firstPath)) ?? [] where second.utf8.count == 2 {
                let secondPath = (firstPath as NSString).appendingPathComponent(second)
                digests += ((try? manager.contentsOfDirectory(atPath: secondPath)) ?? []).filter {
                    $0.utf8.count == 64 && $0.hasPrefix(first + second)
                }
            }
        }
        return digests
    }

    /// Flushes a directory, so that a rename or removal in it is durable.
    private static func syncDirectory(_ path: String) throws(BlobError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BlobError(path: path, code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw BlobError(path: path, code: errno) }
    }
}

/// A file operation of the attachment store that failed.
package struct BlobError: Error, Sendable, CustomStringConvertible {
    /// The file concerned.
    package let path: String
    /// `errno`.
    package let code: Int32

    /// The reason, in Chinese where it is a common one.
    package var description: String {
        let reason =
            switch code {
            case ENOSPC: "磁盘空间不足"
            case EDQUOT: "超出磁盘配额"
            case EACCES, EPERM: "没有权限"
            case ENOENT: "文件不存在"
            default: String(cString: strerror(code))
            }
        return path.isEmpty ? "附件存储操作失败：\(reason)" : "附件存储操作失败（\(path)）：\(reason)"
    }
}
