import Domain
import Foundation
import PartyTesting
import Testing
import Wire

/// The daemon reads "now" only from its injected clock: rules, audit, history and status follow a test clock.
@Suite("The injected clock")
struct InjectedClockTests {
    @Test func rulesAuditAndHistoryFollowTheClock() async throws {
        // 2026-11-23 10:00 in Shanghai.
        let clock = TestClock(start: Date(timeIntervalSince1970: 1_795_399_200))
        try await withTestDaemon(clock: clock) { _, client in
            // 2026-11-24 is tomorrow for the clock, so a branch cannot have been founded then.
            await expectRefusal(code: RPCErrorCode.invalidValue) {
                _ = try await client.call(OrgAdd.self, .init(code: "A", name: "市委", kind: "党委", founded: "2026-11-24"))
            }
            clock.advance(by: 86_400)
            _ = try await client.call(OrgAdd.self, .init(code: "A", name: "市委", kind: "党委", founded: "2026-11-24"))
            let entry = try #require(try await client.call(AuditList.self, .init(limit: 1)).entries.first)
            #expect(entry.at == "2026-11-24T10:00:00.000+0800")
            let history = try await client.call(OrgHistory.self, .init(code: "A"))
            #expect(history.entries.map(\.at) == ["2026-11-24T10:00:00.000+0800"])
            clock.advance(by: 90)
            let status = try await client.call(SystemStatus.self)
            #expect(status.uptimeSeconds == 86_490)
        }
    }
}
