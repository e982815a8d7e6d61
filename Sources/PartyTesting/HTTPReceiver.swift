import Foundation
import Synchronization

/// An HTTP/1.1 server on 127.0.0.1 that records every request and answers as the test says: a status and body
/// (optionally after a delay), or no answer at all. Connections are kept alive, so tests can see reuse.
package final class HTTPReceiver: Sendable {
    /// One recorded request.
    package struct Request: Sendable, Hashable {
        /// The method, e.g. `POST`.
        package var method: String
        /// The request target: path and query.
        package var target: String
        /// The header fields with lower-cased names, in order.
        package var headers: [String: String]
        /// The body bytes.
        package var body: [UInt8]

        /// The value of the header `name`, case-insensitive.
        package func header(_ name: String) -> String? { headers[name.lowercased()] }
        /// The body as UTF-8 text.
        package var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// How to answer a request.
    package enum Reply: Sendable {
        /// Answer `status` with a JSON `body` after `delay`, with a `Retry-After` header when given.
        case status(Int, body: String = "", delay: Duration = .zero, retryAfter: String? = nil)
        /// Never answer: keep the connection open until the client gives up.
        case hang
    }

    private struct Record {
        var requests: [Request] = []
        var inFlight = 0
        var maximumInFlight = 0
    }

    /// Shared with the connection threads, which outlive no receiver but need their own reference.
    private final class Recorder: Sendable {
        let state = Mutex(Record())
    }

    private let server: LoopbackServer
    private let recorder: Recorder

    /// Starts the receiver; `reply` decides each answer.
    package init(reply: @escaping @Sendable (Request) -> Reply) throws {
        let recorder = Recorder()
        self.recorder = recorder
        server = try LoopbackServer { connection in
            Self.serve(connection, recorder: recorder, reply: reply)
        }
    }

    /// The receiver's base URL, e.g. `http://127.0.0.1:41234`.
    package var url: String { "http://127.0.0.1:\(server.port)" }
    /// The requests received so far, in order.
    package var requests: [Request] { recorder.state.withLock { $0.requests } }
    /// The most requests that were ever waiting for an answer at once.
    package var maximumConcurrentRequests: Int { recorder.state.withLock { $0.maximumInFlight } }

    /// Requests being answered now (a hanging one stays until its client gives up).
    package var requestsInFlight: Int { recorder.state.withLock { $0.inFlight } }
    /// Connections accepted so far.
    package var acceptedConnections: Int { server.acceptedConnections }

    /// Stops the receiver.
    package func stop() { server.stop() }

    private static func serve(
        _ connection: SocketConnection,
        recorder: Recorder,
        reply: @Sendable (Request) -> Reply
    ) {
        while let request = readRequest(connection) {
            recorder.state.withLock {
                $0.requests.append(request)
                $0.inFlight += 1
                $0.maximumInFlight = max($0.maximumInFlight, $0.inFlight)
            }
            defer { recorder.state.withLock { $0.inFlight -= 1 } }
            switch reply(request) {
            case .hang:
                connection.waitForClose(timeout: .seconds(30))
                return
            case .status(let status, let body, let delay, let retryAfter):
                if delay > .zero {
                    Thread.sleep(
                        forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
                    )
                }
                let bytes = Array(body.utf8)
                let head =
                    "HTTP/1.1 \(status) Test\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\n"
                    + (retryAfter.map { "Retry-After: \($0)\r\n" } ?? "") + "Connection: keep-alive\r\n\r\n"
                guard connection.write(head + body) else { return }
            }
        }
    }

    private static func readRequest(_ connection: SocketConnection) -> Request? {
        guard let requestLine = connection.readLine(timeout: .seconds(30)) else { return nil }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3 else { return nil }
        var headers: [String: String] = [:]
        while let line = connection.readLine(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        guard let body = connection.readBytes(length) else { return nil }
        return Request(method: String(parts[0]), target: String(parts[1]), headers: headers, body: body)
    }
}
