import Domain
import Testing

@Suite("The single authorization decision")
struct AccessTests {
    let scope = OrgPath(ids: [1, 2])
    let inside = OrgPath(ids: [1, 2, 3])
    let outside = OrgPath(ids: [1, 4])

    @Test func noAccountIsRefusedExceptForAnyone() throws {
        let stranger = Caller(uid: 1000, userName: "alice", role: nil)
        try Access.anyone.check(stranger, targets: [])
        let error = #expect(throws: DomainError.self) { try Access.read.check(stranger, targets: []) }
        #expect(error?.kind == .unauthenticated)
        #expect(error?.message.contains("alice") == true)
    }

    @Test func adminMayDoEverything() throws {
        let admin = Caller(uid: 0, userName: "root", role: .admin)
        for access in [Access.read, .write, .systemAdmin, .account] { try access.check(admin, targets: [outside]) }
    }

    @Test func orgAdminStaysInsideSubtree() throws {
        let caller = Caller(uid: 1001, userName: "sec", role: .orgAdmin, scope: scope)
        try Access.write.check(caller, targets: [inside, scope])
        let error = #expect(throws: DomainError.self) { try Access.write.check(caller, targets: [inside, outside]) }
        #expect(error?.kind == .forbidden)
        #expect(throws: DomainError.self) { try Access.systemAdmin.check(caller, targets: []) }
        let top = #expect(throws: DomainError.self) { try Access.write.check(caller, targets: [.forestTop]) }
        #expect(top?.message.contains("顶级") == true)
        try Access.write.check(Caller(uid: 0, userName: "root", role: .admin), targets: [.forestTop])
    }

    @Test func auditorOnlyReads() throws {
        let caller = Caller(uid: 1002, userName: "aud", role: .auditor, scope: scope)
        try Access.read.check(caller, targets: [inside])
        #expect(throws: DomainError.self) { try Access.write.check(caller, targets: [inside]) }
        #expect(throws: DomainError.self) { try Access.read.check(caller, targets: [outside]) }
    }

    @Test func memberOnlySelfService() throws {
        let caller = Caller(uid: 1003, userName: "m", role: .member, memberID: 7)
        try Access.selfService.check(caller, targets: [])
        try Access.account.check(caller, targets: [])
        #expect(throws: DomainError.self) { try Access.read.check(caller, targets: [inside]) }
    }
}
