import Domain
import PartyTesting
import Testing
import Wire

@Suite("Organization tree through the real client")
struct OrgTreeTests {
    @Test func addShowTreeAndCounts() async throws {
        try await withTestDaemon { _, client in
            try await seedTree(client)
            let a = try await client.call(OrgShow.self, .init(code: "A"))
            #expect(a.subtreeOrgCount == 6)
            #expect(a.childCount == 2)
            #expect(a.founded == LocalDate(year: 2000, month: 1, day: 1))
            let tree = try await client.call(OrgTree.self, .init())
            #expect(tree.nodes.map(\.code) == ["A", "B", "B1", "B2", "C", "C1"])
            #expect(tree.nodes.map(\.level) == [0, 1, 2, 2, 1, 2])
            let shallow = try await client.call(OrgTree.self, .init(root: "A", depth: 1))
            #expect(shallow.nodes.map(\.code) == ["A", "B", "C"])
            #expect(shallow.nodes[1].orgCount == 3)
        }
    }

    @Test func badInputChangesNothing() async throws {
        try await withTestDaemon { _, client in
            try await seedTree(client)
            await expectRefusal(code: RPCErrorCode.conflict, reason: "org.duplicate_code") {
                _ = try await client.call(OrgAdd.self, .init(code: "B1", name: "重复", kind: "党支部", parent: "B"))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "org.nesting") {
                _ = try await client.call(OrgAdd.self, .init(code: "X", name: "错层", kind: "党委", parent: "B1"))
            }
            await expectRefusal(code: RPCErrorCode.notFound, reason: "org.not_found") {
                _ = try await client.call(OrgAdd.self, .init(code: "X", name: "无上级", kind: "党支部", parent: "NOPE"))
            }
            let badDate = await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_date") {
                _ = try await client.call(
                    OrgAdd.self,
                    .init(code: "X", name: "日期", kind: "党支部", parent: "B", founded: "2023-02-29")
                )
            }
            #expect(badDate?.data.field == "founded")
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_kind") {
                _ = try await client.call(OrgAdd.self, .init(code: "X", name: "类别", kind: "俱乐部", parent: "B"))
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "date_in_future") {
                _ = try await client.call(
                    OrgAdd.self,
                    .init(code: "X", name: "未来", kind: "党支部", parent: "B", founded: "2999-01-01")
                )
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "org.move_into_subtree") {
                _ = try await client.call(OrgMove.self, .init(code: "A", to: "B1"))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "org.move_into_subtree") {
                _ = try await client.call(OrgMove.self, .init(code: "B", to: "B"))
            }
            await expectRefusal(code: RPCErrorCode.notEmpty, reason: "org.not_empty") {
                _ = try await client.call(OrgRevoke.self, .init(code: "B", date: "2024-01-01", reason: "撤并"))
            }
            await expectRefusal(code: RPCErrorCode.notEmpty, reason: "org.not_empty") {
                _ = try await client.call(OrgDelete.self, .init(code: "C"))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "org.nesting") {
                _ = try await client.call(OrgSetKind.self, .init(code: "B", kind: "党支部"))
            }
            let tree = try await client.call(OrgTree.self, .init())
            #expect(tree.nodes.map(\.code) == ["A", "B", "B1", "B2", "C", "C1"])
            let audit = try await client.call(AuditList.self, .init())
            #expect(audit.entries.count == 6, "only the six successful additions are audited")
        }
    }

    @Test func moveMergeRevokeDeleteAndHistory() async throws {
        try await withTestDaemon { _, client in
            try await seedTree(client)
            // 整建制转移: C (with C1) under B.
            let moved = try await client.call(OrgMove.self, .init(code: "C", to: "B"))
            #expect(moved.parentCode == "B")
            #expect(moved.depth == 2)
            let c1 = try await client.call(OrgShow.self, .init(code: "C1"))
            #expect(c1.depth == 3)
            #expect(try await client.call(OrgShow.self, .init(code: "B")).subtreeOrgCount == 5)
            // Merge B2 into B1; B2 becomes revoked and read-only.
            _ = try await client.call(OrgAdd.self, .init(code: "G", name: "第一党小组", kind: "党小组", parent: "B2"))
            let receiver = try await client.call(OrgMerge.self, .init(code: "B2", into: "B1"))
            #expect(receiver.childCount == 1)
            let b2 = try await client.call(OrgShow.self, .init(code: "B2"))
            #expect(b2.status == .revoked)
            #expect(try await client.call(OrgShow.self, .init(code: "G")).parentCode == "B1")
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "org.revoked") {
                _ = try await client.call(OrgRename.self, .init(code: "B2", name: "新名"))
            }
            let revoked = try await client.call(OrgRevokedList.self, .init())
            #expect(revoked.organizations.map(\.code) == ["B2"])
            // Revoke an empty organization, then delete it.
            _ = try await client.call(OrgRevoke.self, .init(code: "G", date: "2025-06-30", reason: "人员调整"))
            _ = try await client.call(OrgDelete.self, .init(code: "G"))
            await expectRefusal(code: RPCErrorCode.notFound) {
                _ = try await client.call(OrgShow.self, .init(code: "G"))
            }
            // Edits and history.
            _ = try await client.call(OrgRename.self, .init(code: "B1", name: "第一党支部"))
            _ = try await client.call(OrgEdit.self, .init(code: "B1", unitName: "某某公司", contact: "0574-1234567"))
            _ = try await client.call(OrgEdit.self, .init(code: "B1", contact: ""))
            let shown = try await client.call(OrgShow.self, .init(code: "B1"))
            #expect(shown.name == "第一党支部")
            #expect(shown.unitName == "某某公司")
            #expect(shown.contact == nil)
            let history = try await client.call(OrgHistory.self, .init(code: "B1")).entries.map(\.action)
            #expect(history == ["org.add", "org.merge", "org.rename", "org.edit", "org.edit"])
            _ = try await client.call(OrgSetKind.self, .init(code: "C", kind: "党委"))
            #expect(try await client.call(OrgShow.self, .init(code: "C")).kind == .committee)
        }
    }
}
