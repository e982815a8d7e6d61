import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The credentials the kernel reports for the other end of a Unix socket (`struct ucred`).
package struct PeerCredentials: Sendable, Equatable {
    /// The peer's process id.
    package var pid: Int32
    /// The peer's user id.
    package var uid: UInt32
    /// The peer's group id.
    package var gid: UInt32

    /// Creates credentials.
    package init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// The user name of `uid`, or `uid:N` when the system has none.
    package var userName: String { PeerCredentials.userName(of: uid) }

    /// Looks up a user name with the reentrant `getpwuid_r`, safe from any thread.
    package static func userName(of uid: UInt32) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
        guard status == 0, let result, let name = result.pointee.pw_name else { return "uid:\(uid)" }
        return String(cString: name)
    }
}

/// The memory layout of Linux's `struct ucred`, read through `getsockopt(SO_PEERCRED)`.
struct RawUcred: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}
