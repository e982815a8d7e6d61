import Domain
import Foundation
import PartyTesting
import Testing
import Wire

/// What a user can plant: nothing that acts on a terminal, hides in a name, or matches everyone.
@Suite("Stored text holds no controls")
struct IntegrityTests {
    @Test func controlsAreRefusedWhereverTextIsStored() async throws {
        try await withTestDaemon { _, client in
            try await seedTree(client)
            let escape = await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_character") {
                _ = try await client.call(
                    OrgAdd.self,
                    .init(code: "X", name: "支部\u{1B}]0;x\u{07}\u{1B}[2J", kind: "党支部", parent: "B")
                )
            }
            #expect(escape?.data.field == "name")
            #expect(escape?.data.message.contains("U+001B") == true)
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_character") {
                _ = try await client.call(OrgAdd.self, .init(code: "X", name: "支部\u{0}隐藏", kind: "党支部", parent: "B"))
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_character") {
                _ = try await client.call(OrgEdit.self, .init(code: "B1", contact: "电话\n伪造的第二行"))
            }
            for name in ["张\u{202E}三", "张\u{200B}三"] {
                await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_name") {
                    _ = try await client.call(
                        MemberAdd.self,
                        .init(
                            org: "B1",
                            fields: MemberFields(name: name, gender: "男", birthDate: "1980-01-01", idNumber: "#")
                        )
                    )
                }
            }
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_character") {
                _ = try await client.call(
                    MemberAdd.self,
                    .init(
                        org: "B1",
                        fields: MemberFields(
                            name: "张三",
                            gender: "男",
                            birthDate: "1980-01-01",
                            idNumber: "#",
                            job: "a\u{7}"
                        )
                    )
                )
            }
            // Remarks may span lines.
            let added = try await client.call(
                MemberAdd.self,
                .init(
                    org: "B1",
                    fields: MemberFields(
                        name: "张三",
                        gender: "男",
                        birthDate: "1980-01-01",
                        idNumber: "#",
                        remarks: "第一行\n第二行"
                    )
                )
            )
            #expect(added.remarks == "第一行\n第二行")
            // A NUL in a search no longer matches everyone.
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "invalid_character") {
                _ = try await client.call(MemberList.self, .init(search: "\u{0}"))
            }
            // Nor can a roster file plant them.
            let file = "姓名,性别,出生日期,身份证号,人员类别,所在党组织代码\n李\u{1B}[2J四,男,1980-01-01,#,正式党员,B1\n"
            let refusal = await expectRefusal(code: RPCErrorCode.invalidValue, reason: "import.invalid") {
                _ = try await upload(client, .members, file)
            }
            #expect(refusal?.data.details?.first?.message.contains("U+001B") == true)
        }
    }
}
