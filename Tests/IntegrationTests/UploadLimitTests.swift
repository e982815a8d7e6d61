import Domain
import Foundation
import PartyTesting
import Testing
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// Uploads cost disk, not memory, and no one can hold them forever or fill the daemon with messages.
@Suite("Upload limits")
struct UploadLimitTests {
    static func spooled(_ daemon: TestDaemon) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: daemon.dataDir + "/uploads")) ?? []
    }

    @Test func uploadsAreSpooledToOwnerOnlyFilesAndRemovedAfterTheCommit() async throws {
        try await withTestDaemon { daemon, client in
            _ = try await client.call(OrgAdd.self, .init(code: "A", name: "支部", kind: "党支部"))
            let session = try await client.call(ImportBegin.self, .init(kind: .members, dryRun: true)).session
            let text = "姓名,性别,出生日期,身份证号,人员类别,所在党组织代码\n张三,男,1980-01-01,#,正式党员,A\n"
            _ = try await client.call(ImportChunk.self, .init(session: session, sequence: 0, text: text))
            let files = Self.spooled(daemon)
            #expect(files.count == 1)
            // Through FileManager: with Hummingbird linked, `stat` can resolve to CDispatch's copy, which
            // MemberImportVisibility then refuses in a clean build.
            let spooled = try FileManager.default.attributesOfItem(
                atPath: daemon.dataDir + "/uploads/" + (files.first ?? "")
            )
            #expect(spooled[.posixPermissions] as? Int == 0o600)
            #expect((spooled[.size] as? NSNumber)?.intValue == text.utf8.count)
            let directory = try FileManager.default.attributesOfItem(atPath: daemon.dataDir + "/uploads")
            #expect(directory[.posixPermissions] as? Int == 0o700)
            #expect(try await client.call(ImportCommit.self, .init(session: session)).rows == 1)
            #expect(Self.spooled(daemon).isEmpty)
        }
    }

    @Test func emptyChunksDoNotKeepASessionAlive() async throws {
        let clock = TestClock()
        try await withTestDaemon(clock: clock) { _, client in
            let idle = try await client.call(ImportBegin.self, .init(kind: .members)).session
            let busy = try await client.call(ImportBegin.self, .init(kind: .members)).session
            clock.advance(by: 14 * 60)
            _ = try await client.call(ImportChunk.self, .init(session: idle, sequence: 0, text: ""))
            _ = try await client.call(ImportChunk.self, .init(session: busy, sequence: 0, text: "姓名"))
            clock.advance(by: 2 * 60)
            await expectRefusal(code: RPCErrorCode.notFound, reason: "import.no_session") {
                _ = try await client.call(ImportChunk.self, .init(session: idle, sequence: 1, text: "x"))
            }
            let alive = try await client.call(ImportChunk.self, .init(session: busy, sequence: 1, text: "x"))
            #expect(alive.receivedBytes == "姓名x".utf8.count)
        }
    }

    @Test func sessionsAreBoundedPerCallerAndInTotal() async throws {
        try await withTestDaemon { daemon, client in
            _ = try await client.call(OrgAdd.self, .init(code: "A", name: "市委", kind: "党委"))
            var opened = 0
            for index in 0..<9 {
                _ = try await client.call(UserAdd.self, .init(unixUser: "clerk\(index)", role: "org-admin", org: "A"))
                let clerk = PrincipalClient(daemon, unixUser: "clerk\(index)", uid: 61_000 + UInt32(index))
                for _ in 0..<4 where opened < 32 {
                    _ = try await clerk.call(ImportBegin.self, .init(kind: .members))
                    opened += 1
                }
                if index == 0 {
                    await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "import.too_many_sessions") {
                        _ = try await clerk.call(ImportBegin.self, .init(kind: .members))
                    }
                }
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "import.busy") {
                _ = try await PrincipalClient(daemon, unixUser: "clerk8", uid: 61_008).call(
                    ImportBegin.self,
                    .init(kind: .members)
                )
            }
            #expect(Self.spooled(daemon).count == 32)
        }
    }

    @Test func junkFilesAreReportedBoundedly() async throws {
        try await withTestDaemon { _, client in
            _ = try await client.call(OrgAdd.self, .init(code: "A", name: "支部", kind: "党支部"))
            var text = "姓名,性别,出生日期,身份证号,人员类别,所在党组织代码\n"
            for index in 0..<3000 { text += "x\(index),?,?,?,?,?\n" }
            let refusal = await expectRefusal(code: RPCErrorCode.invalidValue, reason: "import.invalid") {
                _ = try await upload(client, .members, text, chunk: 100_000)
            }
            #expect(refusal?.data.details?.count == 1000)
            #expect(refusal?.data.message.contains("共 3000 行") == true)
            #expect(refusal?.data.message.contains("仅列出前 1000 处") == true)
            // A header of one huge unknown column is not sent back whole.
            let header = String(repeating: "列", count: 100_000) + "\n"
            let huge = await expectRefusal(code: RPCErrorCode.invalidValue, reason: "import.invalid") {
                _ = try await upload(client, .members, header, chunk: 100_000)
            }
            let longest = huge?.data.details?.map(\.message.count).max() ?? 0
            #expect(longest > 0 && longest < 1000)
        }
    }
}
