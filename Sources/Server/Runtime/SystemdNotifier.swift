import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd about the daemon's state through `NOTIFY_SOCKET` (the sd_notify protocol), so that a
/// `Type=notify` unit is reported started only once the socket accepts connections.
package struct SystemdNotifier: Sendable {
    private let socketPath: String?

    /// Reads `NOTIFY_SOCKET` from `environment`; without it every notification is a no-op.
    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a supervisor is listening.
    package var isEnabled: Bool { socketPath != nil }

    /// Sends `READY=1` with a status line.
    package func ready(status: String) { send("READY=1\nSTATUS=\(status)\nMAINPID=\(getpid())") }

    /// Sends `STOPPING=1`.
    package func stopping() { send("STOPPING=1\nSTATUS=正在停止") }

    /// Sends one datagram; failures are ignored, as in libsystemd, because the daemon works without systemd.
    private func send(_ message: String) {
        guard let socketPath else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        // A leading '@' names a socket in the abstract namespace: its first byte is NUL on the wire.
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count)
        let bytes = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddrPointer in
                bytes.withUnsafeBytes { buffer in
                    sendto(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), sockaddrPointer, length)
                }
            }
        }
    }
}
