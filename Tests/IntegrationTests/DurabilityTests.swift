import Logging
import PartyTesting
import Server
import Testing
import Wire

@Suite("Restart keeps what was acknowledged")
struct DurabilityTests {
    @Test func dataSurvivesRestartAndSecondInstanceIsRefused() async throws {
        let first = try await TestDaemon.start()
        let client = try await first.client()
        try await seedTree(client)
        // A second daemon on the same data directory must refuse to start.
        let error = #expect(throws: StartupError.self) {
            _ = try PartyDaemon(
                configuration: DaemonConfiguration(
                    dataDir: first.dataDir,
                    socketPath: first.directory.appending("second.sock")
                ),
                logger: Logger(label: "second"),
                signals: [],
                environment: [:]
            )
        }
        #expect(error?.description.contains("已被另一个 partyd 进程") == true)
        // Nor may it take over the live socket of the first.
        let socketError = #expect(throws: StartupError.self) { try SocketFile.prepare(path: first.socketPath) }
        #expect(socketError?.description.contains("已有 partyd") == true)
        await client.close()
        try await first.stop()
        let second = try await TestDaemon.start(in: first.directory)
        let again = try await second.client()
        #expect(try await again.call(OrgTree.self, .init()).nodes.count == 6)
        await again.close()
        try await second.stopAndRemove()
    }
}
