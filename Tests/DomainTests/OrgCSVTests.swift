import Domain
import Testing

@Suite("党组织采集表 CSV")
struct OrgCSVTests {
    private static let header = "组织代码,组织名称,组织类别,上级组织代码,成立日期\n"

    private func decode(_ body: String, header: String = OrgCSVTests.header) throws -> OrgDecodeResult {
        try OrgCSV.decode(text: header + body, today: Sample.today)
    }

    private func row(_ line: Int, _ code: String, _ kind: OrgKind, parent: String? = nil) -> OrgRow {
        OrgRow(row: line, draft: OrgDraft(code: code, name: code + "名称", kind: kind, parentCode: parent))
    }

    @Test("a valid file decodes in file order")
    func valid() throws {
        let result = try decode(
            "D1,某某党委,党委,,2001-07-01\nB1, 第一党支部 ,支部,D1,\nG1,第一党小组,党小组,B1,\n",
            header: "\u{FEFF}" + Self.header
        )
        #expect(result.errors == [])
        #expect(result.drafts.map(\.code) == ["D1", "B1", "G1"])
        #expect(result.drafts[1] == OrgDraft(code: "B1", name: "第一党支部", kind: .branch, parentCode: "D1"))
        #expect(result.drafts[0].founded == Sample.date("2001-07-01"))
        #expect(result.rows.map(\.row) == [2, 3, 4])
    }

    @Test("header problems are reported together")
    func badHeader() throws {
        let result = try OrgCSV.decode(text: "组织代码,名称,组织代码\n", today: Sample.today)
        #expect(
            result.errors.map(\.reason) == [
                "csv_unknown_column", "csv_duplicate_column", "csv_missing_column", "csv_missing_column",
            ]
        )
        #expect(result.errors.suffix(2).map(\.column) == ["组织名称", "组织类别"])
    }

    @Test("each row is checked: code, name, kind, founding date, lengths, a 党小组 needs a parent")
    func rowChecks() throws {
        let result = try decode(
            "A B,名称,党委,,\nC1,,党委,,\nC2,名称,委员会,,\nC3,名称,党委,,2030-01-01\nC4,名称,党委,,2023-02-29\n"
                + "G1,小组,党小组,,\nC5,名称,党委,坏 代码,\n",
            header: Self.header
        )
        #expect(result.rows == [])
        #expect(result.errors.map(\.row) == [2, 3, 4, 5, 6, 7, 8])
        #expect(result.errors.map(\.column) == ["组织代码", "组织名称", "组织类别", "成立日期", "成立日期", "上级组织代码", "上级组织代码"])
        #expect(
            result.errors.map(\.reason) == [
                "invalid_code", "empty_name", "invalid_kind", "date_in_future", "invalid_date", "org.nesting",
                "invalid_code",
            ]
        )
    }

    @Test("over-long unit fields are refused")
    func lengths() throws {
        let long = String(repeating: "单", count: 201)
        let result = try decode("C1,名称,党委,,,\(long),企业,\n", header: "组织代码,组织名称,组织类别,上级组织代码,成立日期,单位名称,单位类别,联系方式\n")
        #expect(result.errors.map(\.column) == ["单位名称"])
        #expect(result.errors.first?.reason == "too_long")
    }

    @Test("a duplicate code names both rows")
    func duplicateCode() throws {
        let result = try decode("D1,甲,党委,,\nD1,乙,党委,,\n")
        #expect(result.errors.map(\.message) == ["组织代码 D1 重复：第 2 行和第 3 行"])
        #expect(result.errors.first?.reason == "csv_duplicate_code")
        #expect(result.rows.map(\.row) == [2])
    }

    @Test("parents that come later in the file are inserted first; otherwise file order is kept")
    func ordersParentsFirst() {
        let rows = [
            row(2, "G1", .group, parent: "B1"), row(3, "X1", .branch, parent: "EXISTING"),
            row(4, "B1", .branch, parent: "Z1"), row(5, "Z1", .generalBranch, parent: "D1"), row(6, "D1", .committee),
            row(7, "B2", .jointBranch, parent: "Z1"),
        ]
        let (ordered, errors) = OrgCSV.orderForInsertion(rows, existingCodes: ["EXISTING"])
        #expect(errors == [])
        #expect(ordered.map(\.draft.code) == ["D1", "Z1", "B1", "G1", "X1", "B2"])
        var placed: Set<String> = ["EXISTING"]
        for row in ordered {
            if let parent = row.draft.parentCode { #expect(placed.contains(parent)) }
            placed.insert(row.draft.code)
        }
    }

    @Test("a parent neither in the file nor existing is reported, and so are the rows below it")
    func unknownParent() {
        let rows = [
            row(2, "B1", .branch, parent: "NOPE"), row(3, "G1", .group, parent: "B1"), row(4, "D1", .committee),
        ]
        let (ordered, errors) = OrgCSV.orderForInsertion(rows, existingCodes: [])
        #expect(ordered.map(\.draft.code) == ["D1"])
        #expect(errors.map(\.row) == [2, 3])
        #expect(errors.map(\.reason) == ["csv_unknown_parent", "csv_parent_failed"])
        #expect(errors[0].message.contains("NOPE"))
        #expect(errors[1].message.contains("B1") && errors[1].message.contains("第 2 行"))
        #expect(errors.allSatisfy { $0.column == "上级组织代码" })
    }

    @Test("a cycle is reported on each of its rows, and rows hanging below it are blocked")
    func cycle() {
        let rows = [
            row(2, "A", .committee, parent: "C"), row(3, "B", .committee, parent: "A"),
            row(4, "C", .committee, parent: "B"),
            row(5, "K", .branch, parent: "B"), row(6, "OK", .committee),
        ]
        let (ordered, errors) = OrgCSV.orderForInsertion(rows, existingCodes: [])
        #expect(ordered.map(\.draft.code) == ["OK"])
        #expect(errors.map(\.row) == [2, 3, 4, 5])
        #expect(
            errors.map(\.reason) == ["csv_parent_cycle", "csv_parent_cycle", "csv_parent_cycle", "csv_parent_failed"]
        )
        #expect(errors[0].message.contains("A → C → B → A"))
    }

    @Test("a row naming itself as parent is a cycle")
    func selfParent() {
        let (ordered, errors) = OrgCSV.orderForInsertion([row(2, "A", .committee, parent: "A")], existingCodes: ["A"])
        #expect(ordered == [])
        #expect(errors.map(\.reason) == ["csv_parent_cycle"])
    }

    @Test("nesting is checked against parents in the file and known existing parents")
    func nesting() {
        let rows = [
            row(2, "B1", .branch), row(3, "B2", .branch, parent: "B1"), row(4, "G1", .group, parent: "B2"),
            row(5, "Z1", .generalBranch, parent: "OLD-BRANCH"), row(6, "Z2", .generalBranch, parent: "OLD-UNKNOWN"),
            row(7, "G2", .group),
        ]
        let (ordered, errors) = OrgCSV.orderForInsertion(
            rows,
            existingCodes: ["OLD-UNKNOWN"],
            existingKinds: ["OLD-BRANCH": .branch]
        )
        #expect(ordered.map(\.draft.code) == ["B1", "Z2"])
        #expect(errors.map(\.row) == [3, 4, 5, 7])
        #expect(errors.map(\.reason) == ["org.nesting", "csv_parent_failed", "org.nesting", "org.nesting"])
        #expect(errors[0].message == "党支部“B1”下不能设立党支部：党支部之下只能设立党小组")
    }

    @Test("export then import then ordering gives back the same organizations")
    func roundTrip() throws {
        let root = Organization(
            id: 1,
            code: "D1",
            name: "某某党委",
            kind: .committee,
            parentID: nil,
            path: OrgPath(ids: [1]),
            founded: Sample.date("2001-07-01"),
            unitName: "某某公司, 总部",
            unitCategory: "企业",
            contact: "010-12345678"
        )
        let branch = Organization(
            id: 2,
            code: "B1",
            name: "第一党支部",
            kind: .branch,
            parentID: 1,
            path: OrgPath(ids: [1, 2])
        )
        let group = Organization(
            id: 3,
            code: "G1",
            name: "第一党小组",
            kind: .group,
            parentID: 2,
            path: OrgPath(ids: [1, 2, 3]),
            contact: "张三 \"组长\""
        )
        let text = OrgCSV.encode([(group, parentCode: "B1"), (root, parentCode: nil), (branch, parentCode: "D1")])
        #expect(text.hasPrefix("\u{FEFF}" + OrgCSV.columns.joined(separator: ",") + "\r\n"))
        let result = try OrgCSV.decode(text: text, today: Sample.today)
        #expect(result.errors == [])
        #expect(
            result.drafts == [
                OrgDraft(group, parentCode: "B1"), OrgDraft(root, parentCode: nil), OrgDraft(branch, parentCode: "D1"),
            ]
        )
        let (ordered, errors) = OrgCSV.orderForInsertion(result.rows, existingCodes: [])
        #expect(errors == [])
        #expect(ordered.map(\.draft.code) == ["D1", "B1", "G1"])
    }
}
