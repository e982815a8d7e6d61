import Core
import Domain
import Foundation
import PartyTesting
import Server
import Testing
import Wire

/// What a scoped caller can learn about records outside their scope: that a key is taken, never by whom, and
/// nothing that tells "exists elsewhere" from "does not exist".
@Suite("Confidentiality outside the caller's scope")
struct ConfidentialityTests {
    /// A valid identity number that nobody holds: a man born 1901-02-03, as ``manID``.
    static let unusedID = "370101190102039957"

    /// `member.add` parameters for a new member in B2 holding `idNumber` (a man's born 1901-02-03, or `womanID`).
    static func newMember(_ idNumber: String, org: String = "B2", group: String? = nil) -> MemberAdd.Params {
        let woman = idNumber == womanID
        return .init(
            org: org,
            fields: MemberFields(
                name: "王五",
                gender: woman ? "女" : "男",
                birthDate: woman ? "1949-12-31" : "1901-02-03",
                idNumber: idNumber,
                group: group
            )
        )
    }

    @Test func duplicateIdentityNumbersElsewhereAreNotNamed() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let refusal = await expectRefusal(code: RPCErrorCode.conflict, reason: "member.duplicate_id_number") {
                _ = try await secb.call(MemberAdd.self, Self.newMember(manID))
            }
            let message = refusal?.data.message ?? ""
            #expect(message.contains("已在其他党组织登记"))
            #expect(!message.contains("李建国") && !message.contains("C1") && !message.contains("编号"))
            // Inside the scope the clerk still learns who holds it.
            let inside = await expectRefusal(code: RPCErrorCode.conflict, reason: "member.duplicate_id_number") {
                _ = try await secb.call(MemberAdd.self, Self.newMember(womanID))
            }
            #expect(inside?.data.message.contains("张秀英") == true)
            // A dry-run import is no way around it.
            let file = "姓名,性别,出生日期,身份证号,人员类别,所在党组织代码\n王五,男,1901-02-03,\(manID),正式党员,B2\n"
            let session = try await secb.call(ImportBegin.self, .init(kind: .members, dryRun: true)).session
            _ = try await secb.call(ImportChunk.self, .init(session: session, sequence: 0, text: file))
            let imported = await expectRefusal(code: RPCErrorCode.invalidValue, reason: "import.invalid") {
                _ = try await secb.call(ImportCommit.self, .init(session: session))
            }
            let row = imported?.data.details?.first?.message ?? ""
            #expect(row.contains("已在其他党组织登记") && !row.contains("李建国"))
            // Each hit is audited for the system administrators.
            let audit = try await admin.call(AuditList.self, .init(limit: 5))
            #expect(audit.entries.filter { $0.target == "身份证号查重" && $0.actor == "secb" }.count == 2)
        }
    }

    @Test func repeatedHitsStopTheProbe() async throws {
        try await ScopedAccessTests.seeded { daemon, _ in
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let limit = daemon.daemon.core.probes.limit
            for _ in 0..<limit {
                await expectRefusal(code: RPCErrorCode.conflict, reason: "member.duplicate_id_number") {
                    _ = try await secb.call(MemberAdd.self, Self.newMember(manID))
                }
            }
            // Now even an unused number is refused until the window has passed, and other callers are unaffected.
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "member.duplicate_probe_limit") {
                _ = try await secb.call(MemberAdd.self, Self.newMember(Self.unusedID))
            }
            let admin = PrincipalClient(daemon, as: .daemon)
            _ = try await admin.call(MemberAdd.self, Self.newMember(Self.unusedID))
        }
    }

    @Test func outsideAndMissingLookTheSame() async throws {
        try await ScopedAccessTests.seeded { daemon, _ in
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let outside = await expectRefusal(code: RPCErrorCode.notFound) {
                _ = try await secb.call(MemberShow.self, .init(member: manID))
            }
            let missing = await expectRefusal(code: RPCErrorCode.notFound) {
                _ = try await secb.call(MemberShow.self, .init(member: Self.unusedID))
            }
            #expect(outside?.data.reason == missing?.data.reason)
            #expect(outside?.data.message.replacingOccurrences(of: manID, with: Self.unusedID) == missing?.data.message)
            let orgOutside = await expectRefusal(code: RPCErrorCode.notFound) {
                _ = try await secb.call(OrgShow.self, .init(code: "C1"))
            }
            let orgMissing = await expectRefusal(code: RPCErrorCode.notFound) {
                _ = try await secb.call(OrgShow.self, .init(code: "ZZ"))
            }
            #expect(orgOutside?.data.message.replacingOccurrences(of: "C1", with: "ZZ") == orgMissing?.data.message)
            // A 党小组 elsewhere is as missing as one that does not exist.
            let group = await expectRefusal(code: RPCErrorCode.notFound) {
                _ = try await secb.call(MemberAdd.self, Self.newMember(Self.unusedID, group: "C1"))
            }
            #expect(group?.data.field == "group")
        }
    }

    @Test func conflictsAndCountsAreScoped() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let taken = await expectRefusal(code: RPCErrorCode.conflict, reason: "org.duplicate_code") {
                _ = try await secb.call(OrgAdd.self, .init(code: "C1", name: "新支部", kind: "党支部", parent: "B"))
            }
            #expect(taken?.data.message.contains("机关一支部") == false)
            let sameSubtree = await expectRefusal(code: RPCErrorCode.conflict, reason: "org.duplicate_code") {
                _ = try await secb.call(OrgAdd.self, .init(code: "B1", name: "新支部", kind: "党支部", parent: "B"))
            }
            #expect(sameSubtree?.data.message.contains("一支部") == true)
            // Counts cover only what each caller may see: accounts where their scope lies, a member's own branch.
            let all = try await admin.call(SystemStatus.self)
            #expect(all.counts.accounts == 3)
            #expect(all.counts.members == 2)
            let scoped = try await secb.call(SystemStatus.self)
            #expect(scoped.counts.accounts == 2)
            #expect(scoped.counts.members == 1)
            let member = try await PrincipalClient(daemon, unixUser: "memb").call(SystemStatus.self)
            #expect(member.counts.organizations == 1)
            #expect(member.counts.members == 1)
            #expect(member.counts.accounts == 1)
        }
    }
}
