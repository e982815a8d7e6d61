import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The filesystem side of the listening socket: refusing to replace a live daemon's socket, removing a stale
/// one, and giving the new one its group and mode.
package enum SocketFile {
    /// Prepares `path` for binding: creates the parent directory (0755 when missing), refuses when a process
    /// answers on an existing socket, removes a stale socket, and refuses to remove anything that is not a socket.
    package static func prepare(path: String) throws(StartupError) {
        guard path.utf8.count < 104 else {
            throw StartupError("套接字路径过长（\(path.utf8.count) 字节，上限 103）：\(path)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory,
                    withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o755]
                )
            } catch {
                throw StartupError("无法创建套接字目录 \(directory)：\(error.localizedDescription)")
            }
        }
        // FileManager reads the link itself (lstat), not what it points to; stat() clashes between Glibc and Dispatch.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return }
        guard attributes[.type] as? FileAttributeType == .typeSocket else {
            throw StartupError("\(path) 已存在且不是套接字，拒绝覆盖")
        }
        if isLive(path: path) {
            throw StartupError("已有 partyd 在 \(path) 上运行；请先停止它，或用 --socket 指定其他路径")
        }
        guard unlink(path) == 0 else {
            throw StartupError("无法删除残留的套接字 \(path)：\(String(cString: strerror(errno)))")
        }
    }

    /// Whether a process accepts connections on the socket at `path`.
    package static func isLive(path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }

    /// Gives the bound socket its mode and, when configured, its group.
    package static func applyPermissions(path: String, mode: mode_t, group: String?) throws(StartupError) {
        if let group {
            guard let entry = getgrnam(group) else { throw StartupError("用户组 \(group) 不存在（--socket-group）") }
            guard chown(path, uid_t.max, entry.pointee.gr_gid) == 0 else {
                throw StartupError("无法将套接字 \(path) 的组设为 \(group)：\(String(cString: strerror(errno)))")
            }
        }
        guard chmod(path, mode) == 0 else {
            throw StartupError("无法设置套接字 \(path) 的权限：\(String(cString: strerror(errno)))")
        }
    }

    /// A path in a new owner-only directory beside `path` to bind the socket at before it is moved into place.
    package static func stagingPath(for path: String) throws(StartupError) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        var template = Array(((parent.isEmpty ? "." : parent) + "/.partyd-bind-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw StartupError("无法在 \(parent) 中准备套接字：\(String(cString: strerror(errno)))")
        }
        let directory = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return directory + "/s.sock"
    }

    /// Moves the bound socket at `staging` to `path` (replacing nothing: `prepare` removed a stale one).
    package static func moveIntoPlace(_ staging: String, at path: String) throws(StartupError) {
        guard rename(staging, path) == 0 else {
            throw StartupError("无法把套接字放到 \(path)：\(String(cString: strerror(errno)))")
        }
    }

    /// Removes the staging directory (and the socket, if it was never moved).
    package static func removeStaging(_ staging: String) {
        unlink(staging)
        rmdir((staging as NSString).deletingLastPathComponent)
    }
}
