import Domain
import Foundation
import GRDB
import Testing

@testable import Store

/// The one write path: a change commits with its audit entry and history lines, or not at all.
@Suite("One audited write path")
struct WritePathTests {
    static let note = AuditNote(method: "org.add", target: "A", orgID: nil, summary: "新建")

    @Test func changeWithoutAuditNoteIsRolledBack() async throws {
        try await StoreTests.withStore { store in
            await #expect(throws: UnauditedChange.self) {
                try await store.write(by: .daemon, at: StoreTests.at) { tx in
                    _ = try tx.insertOrganization(NewOrganization(code: "A", name: "甲", kind: .committee, parent: nil))
                    return Change<Void>.unchanged(())
                }
            }
            let stored = try await store.read { tx in try tx.organization(code: "A") }
            #expect(stored == nil)
            // Nothing written and nothing audited is fine.
            let code = try await store.write(by: .daemon, at: StoreTests.at) { tx in
                Change.unchanged(try tx.organization(code: "A")?.code)
            }
            #expect(code == nil)
        }
    }

    @Test func auditAndHistoryCommitWithTheChangeAndNameTheActor() async throws {
        try await StoreTests.withStore { store in
            let actor = Principal.unixUser(uid: 1234, name: "sec")
            let at = Date(timeIntervalSince1970: 1_795_399_200.123)
            try await store.write(by: actor, at: at) { tx in
                let org = try tx.insertOrganization(
                    NewOrganization(code: "A", name: "甲", kind: .committee, parent: nil)
                )
                return Change(
                    (),
                    audit: AuditNote(method: "org.add", target: "A", orgID: org.id, summary: "新建"),
                    orgHistory: [OrgHistoryLine(orgID: org.id, code: "A", action: "org.add", summary: "新建")]
                )
            }
            let (audit, history) = try await store.read { tx in
                let org = try #require(try tx.organization(code: "A"))
                return (try tx.auditEntries(under: nil, before: nil, limit: 10), try tx.history(of: org.id))
            }
            let record = try #require(audit.first?.record)
            #expect(record.actorKind == "unix")
            #expect(record.actorID == "1234")
            #expect(record.actor == "sec")
            #expect(record.at == at)
            #expect(history.map(\.summary) == ["新建"])
            #expect(history.first?.at == at)
        }
    }

    @Test func failingChangeTakesItsAuditWithIt() async throws {
        try await StoreTests.withStore { store in
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await store.write(by: .daemon, at: StoreTests.at) { tx -> Change<Void> in
                    _ = try tx.insertOrganization(NewOrganization(code: "A", name: "甲", kind: .committee, parent: nil))
                    throw Refused()
                }
            }
            let audit = try await store.read { tx in try tx.auditEntries(under: nil, before: nil, limit: 10) }
            #expect(audit.isEmpty)
        }
    }

    /// Data written by v1–v2 (text instants with an offset, audit by uid) reads back as the same instants.
    @Test func migrationV3ConvertsTextInstantsAndAuditActors() async throws {
        let dir = NSTemporaryDirectory() + "partyd-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/t.sqlite"
        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "v2-members")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO organization (id, code, name, kind, path, depth, status, created_at, updated_at)
                        VALUES (1, 'A', '甲', '党委', '/1/', 0, 'active', '2026-11-23T10:00:00.123+08:00',
                        '2026-11-23T10:00:00.123+08:00');
                    INSERT INTO org_history (org_id, org_code, at, actor, action, summary)
                        VALUES (1, 'A', '2026-11-23T10:00:00.123+08:00', 'sec', 'org.add', '新建');
                    INSERT INTO account (unix_user, role, org_id, created_at)
                        VALUES ('sec', 'org-admin', 1, '2026-11-23T02:00:00Z');
                    INSERT INTO audit (at, actor, actor_uid, method, target, org_id, summary)
                        VALUES ('2026-11-23T10:00:00.123+08:00', 'sec', 1234, 'org.add', 'A', 1, '新建');
                    INSERT INTO member (id, name, gender, birth_date, id_number, category, org_id, flags, status,
                        created_at, updated_at)
                        VALUES (1, '张三', '男', '1980-01-01', '#', '正式党员', 1, '困难党员,失联', '在册',
                        '2026-11-23T10:00:00+08:00', '2026-11-23T10:00:00+08:00'),
                        (2, '李四', '女', '1981-01-01', '#', '预备党员', 1, '', '在册',
                        '2026-11-23T10:00:00+08:00', '2026-11-23T10:00:00+08:00');
                    """
            )
        }
        try old.close()
        let store = try SQLiteStore(path: path)
        let instant = Date(timeIntervalSince1970: 1_795_399_200.123)
        let (history, account, audit) = try await store.read { tx in
            (
                try tx.history(of: 1), try tx.account(unixUser: "sec"),
                try tx.auditEntries(under: nil, before: nil, limit: 1)
            )
        }
        #expect(history.first?.at == instant)
        #expect(account?.createdAt == Date(timeIntervalSince1970: 1_795_399_200))
        let record = try #require(audit.first?.record)
        #expect(record.at == instant)
        #expect(record.actorKind == "unix")
        #expect(record.actorID == "1234")
        // v4: flags joined by commas become the JSON array a Codable record reads.
        let members = try await store.read { tx in try tx.members(MemberQuery(subtree: OrgPath(ids: [1]))) }
        #expect(members.map(\.flags) == [[.hardship, .lostContact], []])
        let flagged = try await store.read { tx in
            try tx.countMembers(MemberQuery(subtree: OrgPath(ids: [1]), flag: .lostContact))
        }
        #expect(flagged == 1)
    }

    /// Notices and outbox rows written before v9 read back as published notices and notice deliveries, each row
    /// with its state, attempts and error kept.
    @Test func migrationV9KeepsNoticesAndTheOutbox() async throws {
        let dir = NSTemporaryDirectory() + "partyd-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/t.sqlite"
        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "v7-quiet-hours")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO organization (id, code, name, kind, path, depth, status, created_at, updated_at)
                        VALUES (1, 'A', '甲', '党委', '/1/', 0, 'active', 0, 0);
                    INSERT INTO notice (id, kind, title, body, org_id, subtree, priority, author, published_at,
                        ack_required, recipient_count)
                        VALUES (7, '通知公告', '旧通知', '正文', 1, 1, '普通', 'sec', 1795399200000, 0, 0);
                    INSERT INTO channel (id, org_id, kind, name, url, audience, created_at)
                        VALUES (3, 1, 'webhook', '群', 'http://127.0.0.1:9/h', 'members', 0);
                    INSERT INTO outbox (id, notice_id, channel_id, state, attempts, next_attempt_at, last_error,
                        created_at)
                        VALUES (11, 7, 3, 'dead', 8, 0, '已尝试 8 次仍失败', 0), (12, 7, 3, 'pending', 1, 5, NULL, 0);
                    """
            )
        }
        try old.close()
        let store = try SQLiteStore(path: path)
        let (notice, dead, pending) = try await store.read { tx in
            (try tx.notice(id: 7), try tx.outboxEntry(id: 11), try tx.outboxEntry(id: 12))
        }
        #expect(notice?.state == .published && notice?.addressees == .members && notice?.namedMembers == false)
        #expect(dead?.state == .dead && dead?.attempts == 8 && dead?.lastError == "已尝试 8 次仍失败")
        #expect(dead?.purpose == .notice)
        #expect(pending?.state == .pending && pending?.nextAttemptAt == Date(timeIntervalSince1970: 0.005))
    }
}
