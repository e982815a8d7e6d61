import Wire

/// Throughput and latency of many small requests over the socket.
struct RoundTripResult {
    /// What was called.
    var label: String
    /// Concurrent connections.
    var clients: Int
    /// Requests made in all.
    var requests: Int
    /// Wall-clock seconds from the first request to the last answer.
    var seconds: Double
    /// Each request's latency, send to answer.
    var latencies: Samples

    /// Requests answered per second.
    var rate: Double { seconds > 0 ? Double(requests) / seconds : 0 }
}

/// Sends `total` requests over `clients` separate connections, each connection one request at a time.
enum RoundTrips {
    /// Runs the calls and measures them; the connections are opened before the clock starts.
    static func run(
        label: String,
        socketPath: String,
        clients: Int,
        total: Int,
        call: @escaping @Sendable (RPCClient) async throws -> Void
    ) async throws -> RoundTripResult {
        var connections: [RPCClient] = []
        for _ in 0..<clients { connections.append(try await RPCClient.connect(socketPath: socketPath)) }
        let perClient = max(1, total / clients)
        let start = ContinuousClock.now
        let outcome: Result<[Double], any Error>
        do {
            outcome = .success(try await measure(connections, perClient: perClient, call: call))
        } catch {
            outcome = .failure(error)
        }
        let seconds = (ContinuousClock.now - start).seconds
        for client in connections { await client.close() }
        let latencies = try outcome.get()
        return RoundTripResult(
            label: label,
            clients: clients,
            requests: latencies.count,
            seconds: seconds,
            latencies: Samples(values: latencies)
        )
    }

    /// Each connection's latencies, gathered.
    private static func measure(
        _ connections: [RPCClient],
        perClient: Int,
        call: @escaping @Sendable (RPCClient) async throws -> Void
    ) async throws -> [Double] {
        try await withThrowingTaskGroup(of: [Double].self) { group in
            for client in connections {
                group.addTask {
                    var values: [Double] = []
                    values.reserveCapacity(perClient)
                    for _ in 0..<perClient {
                        let sent = ContinuousClock.now
                        try await call(client)
                        values.append((ContinuousClock.now - sent).seconds)
                    }
                    return values
                }
            }
            var all: [Double] = []
            for try await values in group { all += values }
            return all
        }
    }
}
