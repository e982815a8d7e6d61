import Foundation
import PartyTesting
import Testing
import Wire

/// The connection limits of the real `partyd` binary, configured low through its environment: the test process is
/// an administrator of the daemon it starts (root, or the daemon's own user), whose connections are limited per
/// uid too, so this runs the same as root and as an ordinary user.
extension EndToEnd {
    @Suite("End to end: connection limits of the partyd binary", .serialized)
    struct ConnectionLimitEndToEndTests {
        @Test func connectionsOverTheLimitAreRefusedAndTheConsoleSaysWhy() async throws {
            let daemon = try DaemonProcess(environment: [
                "PARTYD_MAX_CONNECTIONS_PER_ADMIN": "8", "PARTYD_REQUEST_TIMEOUT": "2",
            ])
            defer { daemon.directory.remove() }
            var clients: [RPCClient] = []
            for _ in 0..<8 {
                let client = try await RPCClient.connect(socketPath: daemon.socketPath)
                _ = try await client.call(SystemHello.self)
                clients.append(client)
            }
            let ninth = try await RPCClient.connect(socketPath: daemon.socketPath)
            do {
                _ = try await ninth.call(SystemHello.self)
                Issue.record("the ninth connection was served")
            } catch let error as RPCErrorObject {
                #expect(error.data.reason == "rpc.too_many_connections")
                #expect(error.code == RPCErrorCode.unavailable)
            }
            try await ninth.waitForClose()
            await ninth.close()
            // The console, refused the same way, prints the Chinese reason and exits 1.
            let refused = try daemon.admin(["status"])
            #expect(refused.status == 1, "\(refused.stderr)")
            #expect(refused.stderr.contains("连接"), "\(refused.stderr)")
            await clients.removeFirst().close()
            var served = false
            for _ in 0..<100 where !served {
                served = try daemon.admin(["status"]).status == 0
            }
            #expect(served)
            // A line that never completes is refused within the request timeout, and the daemon serves on.
            let trickler = try await RPCClient.connect(socketPath: daemon.socketPath)
            let reply = try await trickler.exchangeText("{\"jsonrpc\":")
            #expect(reply.contains("rpc.request_timeout"))
            try await trickler.waitForClose()
            await trickler.close()
            for client in clients { await client.close() }
            #expect(try daemon.admin(["status"]).status == 0)
            try daemon.stop()
        }
    }
}
