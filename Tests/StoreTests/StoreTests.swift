import Domain
import Foundation
import Store
import Testing

private struct Boom: Error {}

@Suite("SQLite store")
struct StoreTests {
    static let at = Date(timeIntervalSince1970: 1_795_399_200)

    static func withStore(_ body: (SQLiteStore) async throws -> Void) async throws {
        let dir = NSTemporaryDirectory() + "partyd-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await body(try SQLiteStore(path: dir + "/t.sqlite"))
    }

    @Test func migrationsApplyOnceAndReopen() async throws {
        let dir = NSTemporaryDirectory() + "partyd-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try SQLiteStore(path: dir + "/t.sqlite")
        #expect(
            try first.appliedMigrations() == [
                "v1-organizations-accounts-audit", "v2-members", "v3-utc-instants-actor-kinds", "v4-member-flags-json",
                "v5-notices", "v6-channels-outbox", "v7-quiet-hours", "v8-attachments",
                "v9-notice-life-delivery-attempts", "v10-message-board", "v11-activities",
                "v12-member-links", "v13-timed-jobs", "v14-reminders", "v15-account-email",
                "v16-member-date-indexes",
            ]
        )
        _ = try await first.change { tx in
            try tx.insertOrganization(NewOrganization(code: "A", name: "甲", kind: .committee, parent: nil))
        }
        let reopened = try SQLiteStore(path: dir + "/t.sqlite")
        let name = try await reopened.read { tx in try tx.organization(code: "A")?.name }
        #expect(name == "甲")
    }

    /// Every acknowledged commit must survive a power loss: GRDB's WAL set-up would leave the writer at NORMAL.
    @Test func theWriterSyncsEveryCommit() async throws {
        try await Self.withStore { store in
            let level = try await store.writerSynchronousLevel()
            #expect(level == 2)
        }
    }

    @Test func subtreeMoveRewritesEveryPath() async throws {
        try await Self.withStore { store in
            try await store.change { tx in
                let a = try tx.insertOrganization(
                    NewOrganization(code: "A", name: "甲", kind: .committee, parent: nil)
                )
                let b = try tx.insertOrganization(
                    NewOrganization(code: "B", name: "乙", kind: .committee, parent: a)
                )
                let c = try tx.insertOrganization(
                    NewOrganization(code: "C", name: "丙", kind: .committee, parent: b)
                )
                _ = try tx.insertOrganization(
                    NewOrganization(code: "D", name: "丁", kind: .branch, parent: c)
                )
                let e = try tx.insertOrganization(
                    NewOrganization(code: "E", name: "戊", kind: .committee, parent: a)
                )
                try tx.moveSubtree(c, under: e)
            }
            try await store.read { tx in
                let e = try #require(try tx.organization(code: "E"))
                let d = try #require(try tx.organization(code: "D"))
                #expect(d.path.isWithin(e.path))
                #expect(d.path.depth == 3)
                #expect(try tx.subtree(of: e.path, includeRevoked: false).map(\.code) == ["E", "C", "D"])
                let b = try #require(try tx.organization(code: "B"))
                #expect(try tx.subtree(of: b.path, includeRevoked: false).map(\.code) == ["B"])
            }
        }
    }

    @Test func failedTransactionLeavesNothing() async throws {
        try await Self.withStore { store in
            await #expect(throws: Boom.self) {
                try await store.change { tx in
                    _ = try tx.insertOrganization(
                        NewOrganization(code: "A", name: "甲", kind: .committee, parent: nil)
                    )
                    throw Boom()
                }
            }
            let found = try await store.read { tx in try tx.organization(code: "A") }
            #expect(found == nil)
        }
    }

    @Test func schemaRefusesDuplicatesEvenWithoutRules() async throws {
        try await Self.withStore { store in
            _ = try await store.change { tx in
                try tx.insertOrganization(
                    NewOrganization(code: "A", name: "甲", kind: .committee, parent: nil)
                )
            }
            await #expect(throws: StoreError.self) {
                _ = try await store.change { tx in
                    try tx.insertOrganization(
                        NewOrganization(code: "A", name: "乙", kind: .committee, parent: nil)
                    )
                }
            }
        }
    }

    @Test func unknownIdentityNumbersMayRepeatButRealOnesMayNot() async throws {
        try await Self.withStore { store in
            let birth = LocalDate(year: 1980, month: 1, day: 1)!
            try await store.change { tx in
                let a = try tx.insertOrganization(
                    NewOrganization(code: "A", name: "支部", kind: .branch, parent: nil)
                )
                for name in ["张三", "李四"] {
                    _ = try tx.insertMember(
                        Member(
                            id: 0,
                            name: name,
                            gender: .male,
                            birthDate: birth,
                            idNumber: "#",
                            category: .full,
                            orgID: a.id
                        )
                    )
                }
                _ = try tx.insertMember(
                    Member(
                        id: 0,
                        name: "王五",
                        gender: .male,
                        birthDate: LocalDate(year: 1880, month: 1, day: 1)!,
                        idNumber: "440524188001010014",
                        category: .full,
                        orgID: a.id
                    )
                )
            }
            await #expect(throws: StoreError.self) {
                try await store.change { tx in
                    let a = try #require(try tx.organization(code: "A"))
                    _ = try tx.insertMember(
                        Member(
                            id: 0,
                            name: "赵六",
                            gender: .male,
                            birthDate: birth,
                            idNumber: "440524188001010014",
                            category: .full,
                            orgID: a.id
                        )
                    )
                }
            }
            let count = try await store.read { tx in try tx.countMembers(MemberQuery(orgID: nil)) }
            #expect(count == 3)
        }
    }
}

extension SQLiteStore {
    /// A write carrying a test audit note, for tests of the storage itself.
    func change<T: Sendable>(_ body: @Sendable @escaping (any StoreWriter) throws -> T) async throws -> T {
        try await write(by: .daemon, at: StoreTests.at) { tx in
            Change(try body(tx), audit: AuditNote(method: "test.write", target: "测试", orgID: nil, summary: "测试写入"))
        }
    }
}
