import Domain
import PartyTesting
import Server
import Testing
import Wire

/// An account must name a Unix user of this machine when the daemon is so configured (its default): otherwise
/// nobody could ever use it.
@Suite("Accounts name real Unix users")
struct AccountUnixUserTests {
    @Test func anAccountForAMissingUserIsRefusedAndOneForAnExistingUserIsMade() async throws {
        try await withTestDaemon {
            $0.core.accountsRequireUnixUser = true
        } _: { _, admin in
            try await seedTree(admin)
            let refusal = await expectRefusal(code: RPCErrorCode.notFound, reason: "user.no_unix_user") {
                _ = try await admin.call(UserAdd.self, .init(unixUser: "nosuchuser9", role: "org-admin", org: "B"))
            }
            #expect(refusal?.data.message.contains("nosuchuser9") == true)
            #expect(try await admin.call(UserList.self, .init()).accounts.isEmpty)
            // `nobody` exists on every Debian machine.
            let made = try await admin.call(UserAdd.self, .init(unixUser: "nobody", role: "auditor", org: "B"))
            #expect(made.unixUser == "nobody")
        }
    }

    @Test func theDaemonsOwnConfigurationChecksByDefault() throws {
        #expect(CoreConfiguration().accountsRequireUnixUser)
    }
}
