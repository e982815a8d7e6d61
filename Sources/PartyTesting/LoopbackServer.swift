import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 and an ephemeral port, one thread per connection, for tests that need a real peer
/// (the notice channels' HTTP and SMTP receivers). Every wait is bounded, so a test that goes wrong fails instead
/// of hanging.
package final class LoopbackServer: Sendable {
    private struct State {
        var stopped = false
        var connections: Set<Int32> = []
        var accepted = 0
    }

    /// The port the server listens on.
    package let port: UInt16
    private let listener: Int32
    private let state = Mutex(State())

    /// Listens on 127.0.0.1 and hands each connection to `handler` on its own thread.
    package init(handler: @escaping @Sendable (SocketConnection) -> Void) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw TestSupportError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw TestSupportError("bind/listen: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in
            acceptLoop(handler: handler)
        }
    }

    /// Connections accepted so far: fewer than requests means connections were reused.
    package var acceptedConnections: Int { state.withLock { $0.accepted } }

    /// Stops accepting and shuts every open connection down; the threads end within a poll interval.
    package func stop() {
        let open = state.withLock { state in
            state.stopped = true
            return state.connections
        }
        for descriptor in open { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    /// Whether `stop` was called.
    package var isStopped: Bool { state.withLock { $0.stopped } }

    private func acceptLoop(handler: @escaping @Sendable (SocketConnection) -> Void) {
        defer { close(listener) }
        while !isStopped {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) == 1 else { continue }
            let descriptor = accept(listener, nil, nil)
            guard descriptor >= 0 else { continue }
            let admitted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.connections.insert(descriptor)
                state.accepted += 1
                return true
            }
            guard admitted else {
                close(descriptor)
                break
            }
            Thread.detachNewThread { [self] in
                handler(SocketConnection(descriptor: descriptor, server: self))
                state.withLock { _ = $0.connections.remove(descriptor) }
                close(descriptor)
            }
        }
    }

    deinit {
        stop()
    }
}

/// One accepted connection, used by one thread: buffered reads with a deadline, whole writes.
package final class SocketConnection {
    private let descriptor: Int32
    private let server: LoopbackServer
    private var buffer: [UInt8] = []

    init(descriptor: Int32, server: LoopbackServer) {
        self.descriptor = descriptor
        self.server = server
    }

    /// The next line without its CRLF, or nil when the peer closed, the server stopped or `timeout` passed.
    package func readLine(timeout: Duration = .seconds(10)) -> String? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let end = buffer.indices.dropFirst().first(where: { buffer[$0 - 1] == 13 && buffer[$0] == 10 }) {
                let line = String(decoding: buffer[..<(end - 1)], as: UTF8.self)
                buffer.removeFirst(end + 1)
                return line
            }
            guard fill(until: deadline) else { return nil }
        }
    }

    /// Exactly `count` bytes, or nil as for `readLine`.
    package func readBytes(_ count: Int, timeout: Duration = .seconds(10)) -> [UInt8]? {
        let deadline = ContinuousClock.now + timeout
        while buffer.count < count {
            guard fill(until: deadline) else { return nil }
        }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }

    /// Waits until the peer closes or `timeout` passes, reading and dropping anything it sends.
    package func waitForClose(timeout: Duration) {
        let deadline = ContinuousClock.now + timeout
        while fill(until: deadline) { buffer.removeAll() }
    }

    /// Writes all of `text` as UTF-8; false when the peer is gone.
    @discardableResult
    package func write(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Reads what is available into the buffer; false on close, stop or deadline.
    private func fill(until deadline: ContinuousClock.Instant) -> Bool {
        while !server.isStopped, ContinuousClock.now < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) == 1 else { continue }
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count = recv(descriptor, &chunk, chunk.count, 0)
            guard count > 0 else { return false }
            buffer += chunk[..<count]
            return true
        }
        return false
    }
}
