import Domain
import PartyTesting
import Testing
import Wire

/// Three valid identity numbers from domain.md: a woman born 1949-12-31, a man born 1880-01-01 (too old to be
/// plausible but a valid number), and a man born 1901-02-03.
let womanID = "11010519491231002X"
let manID = "370101190102039973"

func addWoman(_ client: RPCClient, org: String = "B1") async throws -> Member {
    try await client.call(
        MemberAdd.self,
        .init(
            org: org,
            fields: MemberFields(
                name: "张秀英",
                gender: "女",
                birthDate: "1949-12-31",
                idNumber: womanID,
                joinDate: "1975-07-01",
                probationStart: "1975-07-01",
                fullDate: "1976-07-01",
                category: "正式党员",
                flags: ["困难党员"]
            )
        )
    )
}

@Suite("Member roster through the real client")
struct MemberRosterTests {
    @Test func addShowEditMoveLeaveRestore() async throws {
        try await withTestDaemon { _, client in
            try await seedTree(client)
            let added = try await addWoman(client)
            #expect(added.orgCode == "B1")
            #expect(try await client.call(MemberShow.self, .init(member: womanID)).id == added.id)
            #expect(try await client.call(MemberShow.self, .init(member: String(added.id))).name == "张秀英")
            let edited = try await client.call(
                MemberEdit.self,
                .init(member: womanID, fields: MemberFields(phone: "13800138000", flags: []))
            )
            #expect(edited.phone == "13800138000")
            #expect(edited.flags.isEmpty)
            // 支部间调整 inside 党委 B works; to C1 (under 总支 C directly under 市委 A) it is a transfer, refused.
            #expect(try await client.call(MemberMove.self, .init(member: womanID, to: "B2")).orgCode == "B2")
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "member.cross_committee") {
                _ = try await client.call(MemberMove.self, .init(member: womanID, to: "C1"))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "member.not_branch") {
                _ = try await client.call(MemberMove.self, .init(member: womanID, to: "B"))
            }
            let left = try await client.call(
                MemberLeave.self,
                .init(member: womanID, kind: "死亡", date: "2020-05-01", reason: "病故")
            )
            #expect(left.status == .deceased)
            #expect(try await client.call(MemberList.self, .init(org: "A", recursive: true)).total == 0)
            #expect(try await client.call(MemberList.self, .init(org: "A", recursive: true, history: true)).total == 1)
            let restored = try await client.call(MemberRestore.self, .init(member: womanID))
            #expect(restored.status == .active)
            let history = try await client.call(MemberHistory.self, .init(member: womanID)).entries.map(\.action)
            #expect(history == ["member.restore", "member.leave", "member.move", "member.edit", "member.add"])
        }
    }

    @Test func badMembersAreRefusedAndNothingIsWritten() async throws {
        try await withTestDaemon { _, client in
            try await seedTree(client)
            _ = try await addWoman(client)
            func add(_ fields: MemberFields, org: String = "B1") async throws {
                _ = try await client.call(MemberAdd.self, .init(org: org, fields: fields))
            }
            let duplicate = await expectRefusal(code: RPCErrorCode.conflict, reason: "member.duplicate_id_number") {
                try await add(MemberFields(name: "重复", gender: "女", birthDate: "1949-12-31", idNumber: womanID))
            }
            #expect(duplicate?.data.message.contains("张秀英") == true)
            let checksum = await expectRefusal(code: RPCErrorCode.invalidValue) {
                try await add(
                    MemberFields(name: "错号", gender: "女", birthDate: "1949-12-31", idNumber: "110105194912310021")
                )
            }
            #expect(checksum?.data.field == "idNumber")
            await expectRefusal(code: RPCErrorCode.invalidValue) {
                try await add(
                    MemberFields(name: "生日不符", gender: "女", birthDate: "1950-01-01", idNumber: "11010519491231002X")
                )
            }
            await expectRefusal(code: RPCErrorCode.invalidValue) {
                try await add(MemberFields(name: "性别不符", gender: "女", birthDate: "1901-02-03", idNumber: manID))
            }
            await expectRefusal(code: RPCErrorCode.invalidValue) {
                try await add(
                    MemberFields(
                        name: "太年轻",
                        gender: "男",
                        birthDate: "1901-02-03",
                        idNumber: manID,
                        joinDate: "1910-01-01"
                    )
                )
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_date") {
                try await add(MemberFields(name: "日期", gender: "男", birthDate: "1901-02-30", idNumber: manID))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "member.not_branch") {
                try await add(MemberFields(name: "放错", gender: "男", birthDate: "1901-02-03", idNumber: manID), org: "B")
            }
            await expectRefusal(code: RPCErrorCode.notFound, reason: "org.not_found") {
                try await add(
                    MemberFields(name: "无组织", gender: "男", birthDate: "1901-02-03", idNumber: manID),
                    org: "NOPE"
                )
            }
            await expectRefusal(code: RPCErrorCode.invalidValue) {
                try await add(MemberFields(name: "缺生日", gender: "男", idNumber: manID))
            }
            #expect(try await client.call(MemberList.self, .init(org: "A", recursive: true)).total == 1)
            // A branch with members can be neither revoked nor turned into a 总支; merging moves its members.
            await expectRefusal(code: RPCErrorCode.notEmpty) {
                _ = try await client.call(OrgRevoke.self, .init(code: "B1", date: "2024-01-01", reason: "撤并"))
            }
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "org.has_members") {
                _ = try await client.call(OrgSetKind.self, .init(code: "B1", kind: "党总支"))
            }
            _ = try await client.call(OrgMerge.self, .init(code: "B1", into: "B2"))
            #expect(try await client.call(MemberShow.self, .init(member: womanID)).orgCode == "B2")
        }
    }

    @Test func listFiltersAndSearch() async throws {
        try await withTestDaemon { _, client in
            try await seedTree(client)
            _ = try await addWoman(client)
            _ = try await client.call(
                MemberAdd.self,
                .init(
                    org: "C1",
                    fields: MemberFields(
                        name: "李建国",
                        gender: "男",
                        birthDate: "1901-02-03",
                        idNumber: manID,
                        probationStart: "1926-01-01",
                        category: "预备党员"
                    )
                )
            )
            #expect(try await client.call(MemberList.self, .init(org: "A", recursive: true)).total == 2)
            #expect(try await client.call(MemberList.self, .init(org: "A")).total == 0, "A itself holds no members")
            #expect(
                try await client.call(MemberList.self, .init(org: "B", recursive: true)).members.map(\.name) == ["张秀英"]
            )
            #expect(
                try await client.call(MemberList.self, .init(recursive: true, category: "预备党员")).members.map(\.name)
                    == ["李建国"]
            )
            #expect(try await client.call(MemberList.self, .init(flag: "困难党员")).members.map(\.name) == ["张秀英"])
            #expect(try await client.call(MemberList.self, .init(search: "建国")).members.map(\.idNumber) == [manID])
            #expect(
                try await client.call(MemberList.self, .init(search: womanID.lowercased())).members.map(\.name) == [
                    "张秀英"
                ]
            )
            let counted = try await client.call(MemberList.self, .init(limit: 0))
            #expect(counted.total == 2 && counted.members.isEmpty)
            let tree = try await client.call(OrgTree.self, .init())
            #expect(tree.nodes.first?.memberCount == 2)
            #expect(try await client.call(SystemStatus.self).counts.members == 2)
        }
    }
}
