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
    package static func inheritedListener(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32? {
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
}
