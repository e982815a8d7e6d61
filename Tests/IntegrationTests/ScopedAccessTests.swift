import Domain
import Foundation
import PartyTesting
import Server
import Testing
import Wire

/// Scoped callers through the real dispatcher and core, as principals: no root, no extra Unix users.
///
/// The tree is `seedTree`'s (市委 A → 区委 B → B1, B2; 总支 C → C1), with a member in B1 and one in C1. `secb`
/// administers B, `audc` audits C, `memb` is the member in B1, `nobody` has no account.
@Suite("Scoped authorization of every method, in process")
struct ScopedAccessTests {
    /// The daemon with the tree, the two members and the three accounts.
    static func seeded(_ body: (TestDaemon, RPCClient) async throws -> Void) async throws {
        try await withTestDaemon { daemon, admin in
            try await seed(admin)
            try await body(daemon, admin)
        }
    }

    /// The same, on `clock`, without the daemon's own delivery worker and with scheduled releases an hour apart:
    /// the test runs them.
    static func seeded(clock: TestClock, _ body: (TestDaemon, RPCClient) async throws -> Void) async throws {
        try await withTestDaemon(clock: clock) {
            $0.delivery.pollSeconds = 3600
            $0.delivery.workerRuns = false
        } _: { daemon, admin in
            try await seed(admin)
            try await body(daemon, admin)
        }
    }

    /// Writes the tree, the two members and the three accounts.
    static func seed(_ admin: RPCClient) async throws {
        try await seedTree(admin)
        _ = try await addWoman(admin, org: "B1")
        _ = try await admin.call(
            MemberAdd.self,
            .init(
                org: "C1",
                fields: MemberFields(name: "李建国", gender: "男", birthDate: "1901-02-03", idNumber: manID)
            )
        )
        _ = try await admin.call(UserAdd.self, .init(unixUser: "secb", role: "org-admin", org: "B"))
        _ = try await admin.call(UserAdd.self, .init(unixUser: "audc", role: "auditor", org: "C"))
        _ = try await admin.call(UserAdd.self, .init(unixUser: "memb", role: "member", member: womanID))
    }

    /// Expects the refusal a target outside the caller's scope gets: the same as for one that does not exist.
    static func expectConcealed(
        _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async {
        let error = await expectRefusal(code: RPCErrorCode.notFound, sourceLocation: sourceLocation, body)
        #expect(error?.data.message.hasSuffix("不存在或不在您的管理范围内") == true, "\(what)", sourceLocation: sourceLocation)
    }

    /// Expects a refusal by role, which says nothing about the target.
    static func expectForbidden(
        _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async {
        let error = await expectRefusal(
            code: RPCErrorCode.forbidden,
            reason: "auth.forbidden",
            sourceLocation: sourceLocation,
            body
        )
        #expect(error != nil, "\(what) was not refused", sourceLocation: sourceLocation)
    }

    @Test func orgAdminIsRefusedOnEveryMethodOutsideTheirSubtree() async throws {
        try await Self.seeded { daemon, admin in
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let messageInC1 = try await BoardTests.postInC1(daemon, admin).id
            await Self.expectConcealed("org.add") {
                _ = try await secb.call(OrgAdd.self, .init(code: "C9", name: "新支部", kind: "党支部", parent: "C"))
            }
            await Self.expectForbidden("org.add at the top") {
                _ = try await secb.call(OrgAdd.self, .init(code: "T", name: "顶级", kind: "党委"))
            }
            await Self.expectConcealed("org.show") { _ = try await secb.call(OrgShow.self, .init(code: "C1")) }
            await Self.expectConcealed("org.edit") {
                _ = try await secb.call(OrgEdit.self, .init(code: "C1", contact: "x"))
            }
            await Self.expectConcealed("org.rename") {
                _ = try await secb.call(OrgRename.self, .init(code: "C1", name: "改名"))
            }
            await Self.expectConcealed("org.setKind") {
                _ = try await secb.call(OrgSetKind.self, .init(code: "C1", kind: "联合党支部"))
            }
            await Self.expectConcealed("org.move out") {
                _ = try await secb.call(OrgMove.self, .init(code: "B2", to: "C"))
            }
            await Self.expectConcealed("org.move in") {
                _ = try await secb.call(OrgMove.self, .init(code: "C1", to: "B"))
            }
            await Self.expectConcealed("org.merge") {
                _ = try await secb.call(OrgMerge.self, .init(code: "B2", into: "C1"))
            }
            await Self.expectConcealed("org.revoke") {
                _ = try await secb.call(OrgRevoke.self, .init(code: "C1", date: "2026-01-01", reason: "撤销"))
            }
            await Self.expectConcealed("org.delete") { _ = try await secb.call(OrgDelete.self, .init(code: "C1")) }
            await Self.expectConcealed("org.tree") { _ = try await secb.call(OrgTree.self, .init(root: "A")) }
            await Self.expectConcealed("org.revoked") { _ = try await secb.call(OrgRevokedList.self, .init(root: "C")) }
            await Self.expectConcealed("org.history") { _ = try await secb.call(OrgHistory.self, .init(code: "C")) }
            await Self.expectConcealed("org.export") { _ = try await secb.call(OrgExport.self, .init(root: "C")) }
            await Self.expectConcealed("member.add") {
                _ = try await secb.call(
                    MemberAdd.self,
                    .init(
                        org: "C1",
                        fields: MemberFields(name: "王", gender: "男", birthDate: "1980-01-01", idNumber: "#")
                    )
                )
            }
            await Self.expectConcealed("member.show") { _ = try await secb.call(MemberShow.self, .init(member: manID)) }
            await Self.expectConcealed("member.edit") {
                _ = try await secb.call(
                    MemberEdit.self,
                    .init(member: manID, fields: MemberFields(phone: "13800138000"))
                )
            }
            await Self.expectConcealed("member.move") {
                _ = try await secb.call(MemberMove.self, .init(member: womanID, to: "C1"))
            }
            await Self.expectConcealed("member.leave") {
                _ = try await secb.call(
                    MemberLeave.self,
                    .init(member: manID, kind: "出党", date: "2026-01-01", reason: "x")
                )
            }
            await Self.expectConcealed("member.restore") {
                _ = try await secb.call(MemberRestore.self, .init(member: manID))
            }
            await Self.expectConcealed("member.list") { _ = try await secb.call(MemberList.self, .init(org: "C1")) }
            await Self.expectConcealed("member.history") {
                _ = try await secb.call(MemberHistory.self, .init(member: manID))
            }
            await Self.expectConcealed("member.export") { _ = try await secb.call(MemberExport.self, .init(org: "C1")) }
            await Self.expectConcealed("audit.list") { _ = try await secb.call(AuditList.self, .init(org: "C")) }
            await Self.expectConcealed("board.list") { _ = try await secb.call(BoardList.self, .init(org: "C")) }
            await Self.expectConcealed("board.approve") {
                _ = try await secb.call(BoardApprove.self, .init(message: messageInC1))
            }
            await Self.expectConcealed("board.reply") {
                _ = try await secb.call(BoardReply.self, .init(message: messageInC1, reply: "x"))
            }
            await Self.expectConcealed("board.delete") {
                _ = try await secb.call(BoardDelete.self, .init(message: messageInC1, reason: "x"))
            }
            await Self.expectForbidden("user.add") {
                _ = try await secb.call(UserAdd.self, .init(unixUser: "x", role: "org-admin", org: "B1"))
            }
            await Self.expectForbidden("user.list") { _ = try await secb.call(UserList.self) }
            await Self.expectForbidden("user.remove") {
                _ = try await secb.call(UserRemove.self, .init(unixUser: "audc"))
            }
        }
    }

    @Test func orgAdminWorksInsideTheirSubtreeAndSeesOnlyIt() async throws {
        try await Self.seeded { daemon, admin in
            let secb = PrincipalClient(daemon, unixUser: "secb")
            _ = try await secb.call(OrgAdd.self, .init(code: "B3", name: "三支部", kind: "党支部", parent: "B"))
            let tree = try await secb.call(OrgTree.self, .init())
            #expect(tree.nodes.map(\.code) == ["B", "B1", "B2", "B3"])
            let listed = try await secb.call(MemberList.self, .init())
            #expect(listed.members.map(\.idNumber) == [womanID])
            let status = try await secb.call(SystemStatus.self)
            #expect(status.callerUser == "secb")
            #expect(status.counts.members == 1)
            // The audit of B's subtree holds B3's creation, by secb, and nothing of C's.
            let audit = try await secb.call(AuditList.self, .init())
            #expect(audit.entries.first?.actor == "secb")
            #expect(audit.entries.first?.target == "B3")
            #expect(!audit.entries.contains { $0.target.contains("李建国") })
            let all = try await admin.call(AuditList.self, .init())
            #expect(all.entries.contains { $0.target.contains("李建国") })
        }
    }

    @Test func auditorReadsTheirSubtreeAndChangesNothing() async throws {
        try await Self.seeded { daemon, _ in
            let audc = PrincipalClient(daemon, unixUser: "audc")
            let listed = try await audc.call(MemberList.self, .init(org: "C1"))
            #expect(listed.total == 1)
            let branch = try await audc.call(OrgShow.self, .init(code: "C1"))
            #expect(branch.memberCount == 1)
            await Self.expectForbidden("auditor edit") {
                _ = try await audc.call(OrgEdit.self, .init(code: "C1", contact: "x"))
            }
            await Self.expectConcealed("auditor outside") { _ = try await audc.call(OrgShow.self, .init(code: "B1")) }
            await Self.expectForbidden("auditor import") {
                _ = try await audc.call(ImportBegin.self, .init(kind: .members))
            }
            await Self.expectConcealed("auditor board outside") {
                _ = try await audc.call(BoardList.self, .init(org: "B"))
            }
            await Self.expectForbidden("auditor board.approve") {
                _ = try await audc.call(BoardApprove.self, .init(message: 1))
            }
            await Self.expectForbidden("auditor board.delete") {
                _ = try await audc.call(BoardDelete.self, .init(message: 1, reason: "x"))
            }
        }
    }

    @Test func membersSeeOnlyTheirOwnRecordThroughAccountsAndLinks() async throws {
        try await Self.seeded { daemon, admin in
            let womanRecord = try await admin.call(MemberShow.self, .init(member: womanID))
            for client in [
                PrincipalClient(daemon, unixUser: "memb"), PrincipalClient(daemon, as: .member(id: womanRecord.id)),
            ] {
                #expect(try await client.call(MeShow.self).idNumber == womanID)
                await Self.expectForbidden("member reading a record") {
                    _ = try await client.call(MemberShow.self, .init(member: womanID))
                }
                await Self.expectForbidden("member listing") { _ = try await client.call(MemberList.self, .init()) }
                await Self.expectForbidden("member writing") {
                    _ = try await client.call(MemberEdit.self, .init(member: womanID, fields: MemberFields(phone: "1")))
                }
                let posted = try await client.call(BoardPost.self, BoardPostFields(text: "本人留言"))
                await Self.expectForbidden("member approving") {
                    _ = try await client.call(BoardApprove.self, .init(message: posted.id))
                }
                await Self.expectForbidden("member replying") {
                    _ = try await client.call(BoardReply.self, .init(message: posted.id, reply: "x"))
                }
                await Self.expectForbidden("member deleting") {
                    _ = try await client.call(BoardDelete.self, .init(message: posted.id, reason: "x"))
                }
            }
            // A link of a member who has left the roll no longer acts for anyone.
            _ = try await admin.call(
                MemberLeave.self,
                .init(member: womanID, kind: "出党", date: "2026-01-01", reason: "自行脱党")
            )
            await expectRefusal(code: RPCErrorCode.unauthenticated, reason: "auth.no_account") {
                _ = try await PrincipalClient(daemon, as: .member(id: womanRecord.id)).call(MeShow.self)
            }
        }
    }

    @Test func strangersAreRefusedAndTheDaemonActsAsAdministrator() async throws {
        try await Self.seeded { daemon, admin in
            let nobody = PrincipalClient(daemon, unixUser: "nobody-here")
            #expect(try await nobody.call(SystemHello.self).protocolVersion == partyProtocolVersion)
            let refusal = await expectRefusal(code: RPCErrorCode.unauthenticated, reason: "auth.no_account") {
                _ = try await nobody.call(SystemStatus.self)
            }
            #expect(refusal?.data.message.contains("nobody-here") == true)
            let partyd = PrincipalClient(daemon, as: .daemon)
            _ = try await partyd.call(OrgEdit.self, .init(code: "C1", contact: "0574-1234"))
            let entry = try #require(try await admin.call(AuditList.self, .init(limit: 1)).entries.first)
            #expect(entry.actor == "partyd")
            #expect(entry.method == "org.edit")
        }
    }

    @Test func importsCheckEveryRowAgainstTheCallersScope() async throws {
        try await Self.seeded { daemon, _ in
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let file = """
                姓名,性别,出生日期,身份证号,人员类别,所在党组织代码
                王一,男,1980-01-01,#,正式党员,B2
                王二,男,1980-01-01,#,正式党员,C1
                """
            let session = try await secb.call(ImportBegin.self, .init(kind: .members)).session
            _ = try await secb.call(ImportChunk.self, .init(session: session, sequence: 0, text: file))
            let refusal = await expectRefusal(code: RPCErrorCode.invalidValue, reason: "import.invalid") {
                _ = try await secb.call(ImportCommit.self, .init(session: session))
            }
            #expect(refusal?.data.details?.map(\.row) == [3])
            #expect(try await secb.call(MemberList.self, .init(org: "B2")).total == 0)
        }
    }
}
