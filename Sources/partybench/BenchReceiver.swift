import Foundation
import PartyTesting
import Synchronization

/// A webhook receiver on 127.0.0.1 for the delivery benchmark: answers every POST at once with 200 and `{}`,
/// and keeps only what the checks need (each message's key and path, and when it arrived), so that counting
/// stays cheap while 20,000 messages arrive.
///
/// Built on PartyTesting's ``LoopbackServer`` (one thread per connection, keep-alive) rather than
/// ``HTTPReceiver``, which keeps every request's headers and body and copies the whole list on each look.
/// A message's key is its `Idempotency-Key` header (partyd's outbox row id) or, for senders without one
/// (Apprise), its body.
final class BenchReceiver: Sendable {
    /// What the receiver has seen of one sender, by the first segment of the request path.
    struct Tally: Sendable {
        /// Requests received, duplicates included.
        var requests = 0
        /// How many times each key arrived.
        var keys: [String: Int] = [:]
        /// Distinct paths.
        var paths: Set<String> = []
        /// Requests without a signature header (partyd's webhooks sign every message).
        var unsigned = 0
        /// When each request arrived, seconds on ``BenchReceiver/clockOrigin``.
        var arrivals: [Double] = []

        /// Distinct keys.
        var distinct: Int { keys.count }
        /// Requests beyond the first of each key.
        var duplicates: Int { requests - keys.count }
    }

    private struct State {
        var tallies: [String: Tally] = [:]
    }

    private final class Recorder: Sendable {
        let state = Mutex(State())
        let origin = ContinuousClock.now
    }

    private let server: LoopbackServer
    private let recorder: Recorder

    /// Starts listening on an ephemeral port.
    init() throws {
        let recorder = Recorder()
        self.recorder = recorder
        server = try LoopbackServer { connection in
            Self.serve(connection, recorder: recorder)
        }
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    var url: String { "http://127.0.0.1:\(server.port)" }

    /// The port.
    var port: UInt16 { server.port }

    /// Connections accepted so far (fewer than requests means connections were kept alive and reused).
    var acceptedConnections: Int { server.acceptedConnections }

    /// The instant arrival times are measured from.
    var clockOrigin: ContinuousClock.Instant { recorder.origin }

    /// Distinct keys received so far from `source` (the path's first segment): a cheap look for polling.
    func distinct(_ source: String) -> Int {
        recorder.state.withLock { $0.tallies[source]?.keys.count ?? 0 }
    }

    /// Everything received from `source` so far.
    func tally(_ source: String) -> Tally {
        recorder.state.withLock { $0.tallies[source] ?? Tally() }
    }

    /// Stops accepting and closes open connections.
    func stop() { server.stop() }

    private static let reply = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"

    private static func serve(_ connection: SocketConnection, recorder: Recorder) {
        while let request = readRequest(connection) {
            let arrived = (ContinuousClock.now - recorder.origin).seconds
            let source = request.path.split(separator: "/").first.map(String.init) ?? ""
            recorder.state.withLock { state in
                var tally = state.tallies.removeValue(forKey: source) ?? Tally()
                tally.requests += 1
                tally.keys[request.key, default: 0] += 1
                tally.paths.insert(request.path)
                if !request.signed { tally.unsigned += 1 }
                tally.arrivals.append(arrived)
                state.tallies[source] = tally
            }
            guard connection.write(reply) else { return }
        }
    }

    private struct Received {
        var path: String
        var key: String
        var signed: Bool
    }

    /// Reads one request; nil when the peer closed the connection or sent something that is not HTTP.
    private static func readRequest(_ connection: SocketConnection) -> Received? {
        guard let requestLine = connection.readLine(timeout: .seconds(120)) else { return nil }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3 else { return nil }
        var length = 0
        var key: String?
        var signed = false
        while let line = connection.readLine(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch name {
            case "content-length": length = Int(value) ?? 0
            case "idempotency-key": key = value
            case "x-partyd-signature": signed = value.count == 64
            default: break
            }
        }
        guard let body = connection.readBytes(length) else { return nil }
        let path = String(parts[1].prefix { $0 != "?" })
        return Received(path: path, key: key ?? String(decoding: body, as: UTF8.self), signed: signed)
    }
}
