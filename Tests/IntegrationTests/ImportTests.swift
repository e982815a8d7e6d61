import Domain
import PartyTesting
import Testing
import Wire

/// Uploads `text` in small chunks, as the console does, and commits.
func upload(
    _ client: RPCClient,
    _ kind: ImportKind,
    _ text: String,
    dryRun: Bool = false,
    chunk: Int = 97
) async throws -> ImportCommit.Result {
    let session = try await client.call(ImportBegin.self, .init(kind: kind, dryRun: dryRun)).session
    var sequence = 0
    var current = ""
    for character in text {
        current.append(character)
        if current.utf8.count >= chunk {
            _ = try await client.call(ImportChunk.self, .init(session: session, sequence: sequence, text: current))
            sequence += 1
            current = ""
        }
    }
    if !current.isEmpty {
        _ = try await client.call(ImportChunk.self, .init(session: session, sequence: sequence, text: current))
    }
    return try await client.call(ImportCommit.self, .init(session: session))
}

let orgSheet = """
    \u{FEFF}组织代码,组织名称,组织类别,上级组织代码,成立日期\r
    Z1,"第一支部, 机关",党支部,Z,2001-07-01\r
    Z,某某党委,党委,,1999-10-01\r
    Z2,第二支部,联合党支部,Z,\r

    """

let roster = """
    姓名,性别,出生日期,身份证号,人员类别,所在党组织代码,入党日期,预备期开始日期,转正日期,备注
    张秀英,女,1949-12-31,11010519491231002X,正式党员,Z1,1975-07-01,1975-07-01,1976-07-01,"多行
    备注"
    李建国,男,1901-02-03,370101190102039973,正式党员,Z2,,,,
    """

@Suite("CSV import and export")
struct ImportTests {
    @Test func organizationsThenMembersRoundTrip() async throws {
        let exported = try await withTestDaemon { _, client in
            #expect(try await upload(client, .organizations, orgSheet).written == 3)
            #expect(try await client.call(OrgShow.self, .init(code: "Z1")).parentCode == "Z")
            #expect(try await client.call(OrgShow.self, .init(code: "Z1")).name == "第一支部, 机关")
            let dry = try await upload(client, .members, roster, dryRun: true)
            #expect(dry.rows == 2 && dry.written == 0)
            #expect(try await client.call(MemberList.self, .init()).total == 0, "a dry run writes nothing")
            #expect(try await upload(client, .members, roster).written == 2)
            #expect(try await client.call(MemberShow.self, .init(member: "11010519491231002X")).remarks == "多行\n备注")
            let orgs = try await client.call(OrgExport.self, .init(root: "Z")).csv
            let members = try await client.call(MemberExport.self, .init(org: "Z", recursive: true)).csv
            // Pages concatenate into the whole file: header and BOM only on the first.
            let first = try await client.call(MemberExport.self, .init(org: "Z", recursive: true, offset: 0, limit: 1))
            let second = try await client.call(MemberExport.self, .init(org: "Z", recursive: true, offset: 1, limit: 1))
            #expect(first.total == 2 && first.rows == 1 && second.rows == 1)
            #expect(first.csv + second.csv == members)
            await expectRefusal(code: RPCErrorCode.invalidValue) {
                _ = try await client.call(MemberExport.self, .init(org: "Z", limit: 0))
            }
            return (orgs, members)
        }
        // Export → import into an empty daemon → export again gives the same bytes.
        try await withTestDaemon { _, client in
            _ = try await upload(client, .organizations, exported.0, chunk: 4096)
            _ = try await upload(client, .members, exported.1, chunk: 4096)
            #expect(try await client.call(OrgExport.self, .init(root: "Z")).csv == exported.0)
            #expect(try await client.call(MemberExport.self, .init(org: "Z", recursive: true)).csv == exported.1)
        }
    }

    @Test func everyRowErrorIsReportedAndNothingIsWritten() async throws {
        try await withTestDaemon { _, client in
            _ = try await upload(client, .organizations, orgSheet)
            let bad = """
                姓名,性别,出生日期,身份证号,人员类别,所在党组织代码
                张秀英,女,1949-12-31,11010519491231002X,正式党员,Z1
                错号,女,1949-12-31,110105194912310021,正式党员,Z1
                放错,男,1901-02-03,370101190102039973,正式党员,Z
                短行,男
                无组织,男,1901-02-03,370101190102039973,正式党员,NOPE
                """
            let error = await expectRefusal(code: RPCErrorCode.invalidValue, reason: "import.invalid") {
                _ = try await upload(client, .members, bad)
            }
            let rows = Set(error?.data.details?.compactMap(\.row) ?? [])
            #expect(rows.isSuperset(of: [3, 4, 5, 6]), "\(error?.data.details ?? [])")
            #expect(!rows.contains(2))
            #expect(error?.data.details?.contains { $0.column == "所在党组织代码" } == true)
            #expect(try await client.call(MemberList.self, .init()).total == 0)
            // Structural problems of the file itself.
            for text in ["", "姓名,性别\n张三,男\n", "\"未闭合,女\n", "错误表头,性别,出生日期,身份证号,人员类别,所在党组织代码\n"] {
                await expectRefusal(code: RPCErrorCode.invalidValue) { _ = try await upload(client, .members, text) }
            }
            #expect(try await client.call(MemberList.self, .init()).total == 0)
        }
    }

    @Test func sessionsBelongToTheirCallerAndCheckSequence() async throws {
        try await withTestDaemon { daemon, client in
            _ = try await client.call(OrgAdd.self, .init(code: "A", name: "市委", kind: "党委"))
            _ = try await client.call(UserAdd.self, .init(unixUser: "other", role: "org-admin", org: "A"))
            let session = try await client.call(ImportBegin.self, .init(kind: .members)).session
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "import.sequence") {
                _ = try await client.call(ImportChunk.self, .init(session: session, sequence: 1, text: "x"))
            }
            // Another caller, allowed to import, cannot add to, commit or even see this caller's session.
            let other = PrincipalClient(daemon, unixUser: "other")
            await expectRefusal(code: RPCErrorCode.notFound, reason: "import.no_session") {
                _ = try await other.call(ImportChunk.self, .init(session: session, sequence: 0, text: "x"))
            }
            await expectRefusal(code: RPCErrorCode.notFound, reason: "import.no_session") {
                _ = try await other.call(ImportCommit.self, .init(session: session))
            }
            // The owner's session is untouched by those attempts.
            let received = try await client.call(ImportChunk.self, .init(session: session, sequence: 0, text: "x"))
            #expect(received.receivedBytes == 1)
            await expectRefusal(code: RPCErrorCode.notFound, reason: "import.no_session") {
                _ = try await client.call(ImportCommit.self, .init(session: "nope"))
            }
        }
    }
}
