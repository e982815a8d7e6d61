import Domain
import Foundation
import PartyTesting
import Store
import Testing

@testable import Core

/// The authorizer on a real store: who a principal is, and where its targets sit.
@Suite("Authorization: principals to callers, targets to places")
struct AuthorizationTests {
    /// A store with 党委 A → 支部 A1 and 党委 B, an org-admin of A, and a member in A1 (on the roll or not).
    static func withStore(memberActive: Bool = true, _ body: (SQLiteStore, Int64) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.appending("t.sqlite"))
        let memberID = try await store.write(by: .daemon, at: Date(timeIntervalSince1970: 0)) { tx in
            let a = try tx.insertOrganization(NewOrganization(code: "A", name: "甲", kind: .committee, parent: nil))
            let a1 = try tx.insertOrganization(NewOrganization(code: "A1", name: "甲一", kind: .branch, parent: a))
            _ = try tx.insertOrganization(NewOrganization(code: "B", name: "乙", kind: .committee, parent: nil))
            try tx.insertAccount(
                Account(unixUser: "sec", role: .orgAdmin, orgID: a.id, memberID: nil, createdAt: Date())
            )
            let member = try tx.insertMember(
                Member(
                    id: 0,
                    name: "张三",
                    gender: .male,
                    birthDate: LocalDate(year: 1980, month: 1, day: 1)!,
                    idNumber: "#",
                    category: .full,
                    orgID: a1.id,
                    status: memberActive ? .active : .expelled
                )
            )
            return Change(member.id, audit: AuditNote(method: "test", target: "t", orgID: nil, summary: "准备"))
        }
        try await body(store, memberID)
    }

    static func identify(_ store: SQLiteStore, _ principal: Principal, ownUID: UInt32 = 999) async throws -> Caller {
        try await store.read { tx in try Authorization.identify(principal, ownUID: ownUID, in: tx) }
    }

    @Test func rootTheDaemonsOwnUserAndTheDaemonAreAdministrators() async throws {
        try await Self.withStore { store, _ in
            let root = try await Self.identify(store, .unixUser(uid: 0, name: "root"))
            let own = try await Self.identify(store, .unixUser(uid: 999, name: "partyd"))
            let daemon = try await Self.identify(store, .daemon)
            #expect([root.role, own.role, daemon.role] == [.admin, .admin, .admin])
        }
    }

    @Test func accountsGiveRoleAndScope() async throws {
        try await Self.withStore { store, _ in
            let sec = try await Self.identify(store, .unixUser(uid: 1000, name: "sec"))
            #expect(sec.role == .orgAdmin)
            let a = try #require(try await store.read { tx in try tx.organization(code: "A") })
            #expect(sec.scope == a.path)
            let stranger = try await Self.identify(store, .unixUser(uid: 1001, name: "stranger"))
            #expect(stranger.role == nil)
        }
    }

    @Test func aMembersLinkActsAsThatMemberWhileOnTheRoll() async throws {
        try await Self.withStore { store, memberID in
            let caller = try await Self.identify(store, .member(id: memberID))
            #expect(caller.role == .member)
            #expect(caller.memberID == memberID)
            let unknown = try await Self.identify(store, .member(id: memberID + 100))
            #expect(unknown.role == nil)
        }
        try await Self.withStore(memberActive: false) { store, memberID in
            let departed = try await Self.identify(store, .member(id: memberID))
            #expect(departed.role == nil)
        }
    }

    @Test func targetsAreCheckedWhereTheySitAndMissingOnesAreNotFound() async throws {
        try await Self.withStore { store, memberID in
            let sec = Principal.unixUser(uid: 1000, name: "sec")
            try await store.read { tx in
                _ = try Authorization.authorize(
                    sec,
                    .write,
                    [.organization(code: "A1", field: "code"), .member(reference: String(memberID), field: "member")],
                    ownUID: 999,
                    in: tx
                )
            }
            let outside = await #expect(throws: DomainError.self) {
                try await store.read { tx in
                    _ = try Authorization.authorize(
                        sec,
                        .read,
                        [.organization(code: "B", field: "org")],
                        ownUID: 999,
                        in: tx
                    )
                }
            }
            let missing = await #expect(throws: DomainError.self) {
                try await store.read { tx in
                    _ = try Authorization.authorize(
                        sec,
                        .read,
                        [.organization(code: "Z", field: "org")],
                        ownUID: 999,
                        in: tx
                    )
                }
            }
            // Outside the scope and missing look the same but for the code the caller gave.
            #expect(outside?.kind == .notFound)
            #expect(outside?.reason == missing?.reason)
            #expect(outside?.message.replacingOccurrences(of: "“B”", with: "“Z”") == missing?.message)
            #expect(missing?.reason == "org.not_found")
            #expect(missing?.field == "org")
        }
    }
}
