import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on the data directory, so that two daemons never open the same database.
///
/// `flock` is released by the kernel when the process dies, even by `kill -9`, so a crashed daemon never
/// leaves a stale lock behind.
package final class DataDirectoryLock: Sendable {
    private let descriptor: Mutex<Int32?>

    /// Creates the directory when missing (mode 0750) and takes the lock, or throws when another process holds
    /// it. A directory that other users may enter or list is refused unless `othersMayRead` (the configuration's
    /// `dataDirOpenToOthers`): it holds the roster of a city.
    package init(directory: String, othersMayRead: Bool = false) throws(StartupError) {
        do {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o750]
            )
        } catch {
            throw StartupError("无法创建数据目录 \(directory)：\(error.localizedDescription)")
        }
        // Through FileManager rather than stat(): Glibc's and Dispatch's stat clash under MemberImportVisibility.
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        let permissions = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.posixPermissions] as? NSNumber
        if !othersMayRead, let bits = permissions?.intValue, bits & 0o007 != 0 {
            let mode = String(bits & 0o777, radix: 8)
            throw StartupError(
                "数据目录 \(directory) 的权限为 0\(mode)，其他用户可以进入或列出，党员个人信息可能被读取；"
                    + "请执行 chmod o-rwx \(directory)，或确需如此时在配置中设置 dataDirOpenToOthers 为 true"
            )
        }
        let lockPath = (directory as NSString).appendingPathComponent("partyd.lock")
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StartupError("无法打开锁文件 \(lockPath)：\(String(cString: strerror(errno)))") }
        guard Self.lock(fd) else {
            let holder = (try? String(contentsOfFile: lockPath, encoding: .utf8))?.trimmingCharacters(
                in: .whitespacesAndNewlines
            )
            close(fd)
            throw StartupError(
                "数据目录 \(directory) 已被另一个 partyd 进程\(holder.map { "（pid \($0)）" } ?? "")占用；同一数据目录只能运行一个实例"
            )
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        descriptor = Mutex(fd)
    }

    /// Takes the `flock`, trying for up to a second. A lock just released can still be held for a moment by a
    /// process being spawned meanwhile, whose copy of the descriptor table lasts until its `exec` closes the
    /// descriptor (seen in the test suite, where daemons restart in-process while others spawn processes); a
    /// second partyd that really runs keeps it the whole second and is refused.
    private static func lock(_ fd: Int32) -> Bool {
        for attempt in 0..<20 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK, attempt < 19 else { return false }
            usleep(50_000)
        }
        return false
    }

    /// Releases the lock (closing the file drops the `flock`); a daemon stopped in-process can then be restarted.
    package func release() {
        descriptor.withLock { fd in
            if let open = fd { close(open) }
            fd = nil
        }
    }

    deinit { release() }
}

/// A reason the daemon cannot start, in Chinese, printed before exiting with a failure status.
package struct StartupError: Error, CustomStringConvertible {
    /// The explanation.
    package let description: String
    /// Creates the error.
    package init(_ description: String) { self.description = description }
}
