import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Socket activation (sd_listen_fds): when systemd started partyd through `partyd.socket`, the listening socket
/// arrives as file descriptor 3 with `LISTEN_PID` naming this process.
package enum SocketActivation {
    /// The first passed descriptor, by the protocol's definition.
    static let firstDescriptor: Int32 = 3

    /// The inherited listening socket, if this process was socket-activated.
    package static func inheritedListener(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32?
    {
        guard let pidText = environment["LISTEN_PID"], let pid = Int32(pidText), pid == getpid(),
            let countText = environment["LISTEN_FDS"], let count = Int(countText), count >= 1
        else { return nil }
        // Children must not believe they were activated too.
        unsetenv("LISTEN_PID")
        unsetenv("LISTEN_FDS")
        unsetenv("LISTEN_FDNAMES")
        _ = fcntl(firstDescriptor, F_SETFD, FD_CLOEXEC)
        return firstDescriptor
    }

    /// The filesystem path a listening Unix socket is bound to, so status reports where clients really connect.
    package static func boundPath(of descriptor: Int32) -> String? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0, address.sun_family == sa_family_t(AF_UNIX) else { return nil }
        let path = withUnsafeBytes(of: address.sun_path) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return path.isEmpty ? nil : path
    }
}
