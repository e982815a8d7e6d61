import Domain
import Testing

@Suite("名册 CSV")
struct RosterCSVTests {
    private static let header = "姓名,性别,出生日期,身份证号,人员类别,所在党组织代码"

    private func decode(_ text: String) throws -> RosterDecodeResult {
        try RosterCSV.decode(text: text, today: Sample.today)
    }

    @Test("a minimal roster decodes into drafts with their lines")
    func minimal() throws {
        let result = try decode(
            Self.header + "\r\n张三,男,1990-05-15,110101199005150015,正式党员,B001\r\n"
                + "李四,女,1949-12-31,11010519491231002X,正式党员,B001\r\n"
        )
        #expect(result.errors == [])
        #expect(result.isValid)
        #expect(result.rows.map(\.row) == [2, 3])
        #expect(result.drafts.map(\.name) == ["张三", "李四"])
        #expect(result.drafts[0].gender == .male)
        #expect(result.drafts[0].ethnicity == nil)
        #expect(result.drafts[1].birthDate == Sample.date("1949-12-31"))
    }

    @Test("columns may come in any order, with BOM, padding, asterisks and the 支部大会日期 alias")
    func flexibleHeader() throws {
        let text =
            "\u{FEFF} 所在党组织代码 ,*姓名,身份证号＊,人员类别,性别,出生日期,支部大会日期,党员标记\n"
            + " B001 , 王五 ,440306200003010021,预备党员,女,2000/3/1,2024-07-01,困难党员;失联\n"
        let result = try decode(text)
        #expect(result.errors == [])
        let draft = try #require(result.drafts.first)
        #expect(draft.name == "王五")
        #expect(draft.orgCode == "B001")
        #expect(draft.category == .probationary)
        #expect(draft.probationStart == Sample.date("2024-07-01"))
        #expect(draft.birthDate == Sample.date("2000-03-01"))
        #expect(draft.flags == [.hardship, .lostContact])
    }

    @Test("unknown, duplicate, empty and missing headers are all reported on the header line")
    func badHeader() throws {
        let result = try decode("\n姓名,性别,出生日期,籍贯,姓名,,人员类别\n张三,男,1990-05-15,北京,张三,,正式党员\n")
        #expect(result.rows == [])
        #expect(result.errors.allSatisfy { $0.row == 2 })
        let reasons = result.errors.map(\.reason)
        #expect(
            reasons == [
                "csv_unknown_column", "csv_duplicate_column", "csv_empty_header", "csv_missing_column",
                "csv_missing_column",
            ]
        )
        #expect(result.errors[0].message.hasPrefix("未知列“籍贯”"))
        #expect(result.errors[0].column == "籍贯")
        #expect(result.errors.suffix(2).map(\.column) == ["身份证号", "所在党组织代码"])
    }

    @Test("the 支部大会日期 alias and its column together are duplicates")
    func aliasDuplicate() throws {
        let result = try decode(Self.header + ",预备期开始日期,支部大会日期\n")
        #expect(result.errors.map(\.reason) == ["csv_duplicate_column"])
        #expect(result.errors.first?.column == "支部大会日期")
    }

    @Test("a short or long row is an error for that row only")
    func rowWidth() throws {
        let result = try decode(
            Self.header + "\n张三,男,1990-05-15,110101199005150015,正式党员\n"
                + "李四,女,1949-12-31,11010519491231002X,正式党员,B001,多余\n"
                + "王五,女,2000-03-01,440306200003010021,正式党员,B001\n"
        )
        #expect(result.errors.map(\.row) == [2, 3])
        #expect(result.errors.allSatisfy { $0.reason == "csv_row_width" && $0.column == nil })
        #expect(result.errors[0].message.contains("本行有 5 列，而表头有 6 列"))
        #expect(result.rows.map(\.row) == [4])
    }

    @Test("every problem of a row is reported under its column")
    func rowProblems() throws {
        let result = try decode(
            "姓名,性别,出生日期,身份证号,人员类别,所在党组织代码,手机号,入党日期\n"
                + ",女,1990-05-15,110101199005150015,正式党员,,12345,2008-01-01\n"
        )
        #expect(result.rows == [])
        #expect(result.errors.map(\.column) == ["姓名", "性别", "手机号", "入党日期", "所在党组织代码"])
        #expect(result.errors.allSatisfy { $0.row == 2 })
        #expect(
            result.errors.map(\.reason) == [
                "empty_name", "id_gender_mismatch", "invalid_phone", "under_age", "empty_org_code",
            ]
        )
    }

    @Test("unreadable values are reported, and the checks that do not depend on them still run")
    func unreadableValues() throws {
        let result = try decode(
            Self.header + ",入党日期,党员标记\n张三,未知,1990-13-01,110101199005150016,群众,B001,2015-02-30,优秀\n"
        )
        #expect(result.rows == [])
        #expect(result.errors.map(\.column) == ["性别", "出生日期", "身份证号", "入党日期", "人员类别", "党员标记"])
        #expect(
            result.errors.map(\.reason) == [
                "invalid_gender", "invalid_date", "invalid_id_checksum", "invalid_date", "invalid_category",
                "invalid_flag",
            ]
        )
        #expect(result.errors[1].message.contains("出生日期“1990-13-01”不是有效日期"))
    }

    @Test("required values may not be blank")
    func blankRequired() throws {
        let result = try decode(Self.header + "\n张三,,,110101199005150015,,B001\n")
        #expect(result.errors.map(\.column) == ["性别", "出生日期", "人员类别"])
        #expect(result.errors.allSatisfy { $0.reason == "empty_value" && $0.message.hasSuffix("不能为空") })
    }

    @Test("a duplicate identity number names both rows; # is not a duplicate; a lowercase x is the same number")
    func duplicates() throws {
        let result = try decode(
            Self.header + "\n李四,女,1949-12-31,11010519491231002X,正式党员,B001\n"
                + "张三,男,1990-05-15,#,正式党员,B001\n"
                + "张三,男,1990-05-15,#,正式党员,B001\n"
                + "李四,女,1949-12-31,11010519491231002x,正式党员,B002\n"
        )
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.row == 5)
        #expect(error.column == "身份证号")
        #expect(error.reason == "csv_duplicate_id")
        #expect(error.message == "身份证号 11010519491231002X 重复：第 2 行和第 5 行")
        #expect(result.rows.map(\.row) == [2, 3, 4])
    }

    @Test("blank rows and rows of commas are skipped; lines stay physical after a quoted line break")
    func blankRowsAndLines() throws {
        let result = try decode(
            Self.header + ",备注\n,,,,,,\n张三,男,1990-05-15,110101199005150015,正式党员,B001,\"第一行\n第二行\"\n"
                + "李四,女,1949-12-31,11010519491231002X,正式党员,X Y,\n"
        )
        #expect(result.rows.map(\.row) == [3])
        #expect(result.rows.first?.draft.remarks == "第一行\n第二行")
        #expect(result.errors.map(\.row) == [5])
        #expect(result.errors.first?.column == "所在党组织代码")
    }

    @Test("a file of only blank lines or no header has an error")
    func empty() throws {
        #expect(
            RosterCSV.decode([CSVRecord(line: 1, fields: ["", ""])], today: Sample.today).errors.map(\.reason) == [
                "csv_empty"
            ]
        )
        #expect(Sample.refusal { _ = try RosterCSV.decode(text: "", today: Sample.today) }?.reason == "csv_empty")
    }

    @Test("export writes every column in order, CRLF and a BOM")
    func encodeLayout() throws {
        let text = RosterCSV.encode([Sample.member()])
        #expect(text.hasPrefix("\u{FEFF}" + RosterCSV.columns.joined(separator: ",") + "\r\n"))
        #expect(
            text.hasSuffix(
                "张三,男,汉族,1990-05-15,110101199005150015,13800138000,zhangsan@example.com,本科,工程师,某某公司,"
                    + "2015-07-01,2015-07-01,2016-07-01,正式党员,B001,B001-G1,流动党员,\r\n"
            )
        )
        #expect(RosterCSV.columns.count == 18)
        #expect(Set(RosterCSV.requiredColumns).isSubset(of: Set(RosterCSV.columns)))
        #expect(Set(RosterCSV.columnOfField.values) == Set(RosterCSV.columns))
    }

    @Test("export then import gives back exactly the same drafts")
    func roundTrip() throws {
        var tricky = Sample.member()
        tricky.name = "欧阳·娜娜"
        tricky.gender = .female
        tricky.birthDate = Sample.date("2000-03-01")
        tricky.idNumber = "440306200003010021"
        tricky.workUnit = "某某公司, \"研发\"部"
        tricky.remarks = "第一行\r\n第二行，含逗号, 以及 \"引号\""
        tricky.flags = [.lostContact, .hardship, .flowing]
        tricky.category = .probationary
        tricky.fullDate = nil
        tricky.joinDate = Sample.date("2024-07-01")
        tricky.probationStart = Sample.date("2024-07-01")
        let bare = Member(
            id: 3,
            name: "李四",
            gender: .female,
            birthDate: Sample.date("1949-12-31"),
            idNumber: "11010519491231002X",
            category: .full,
            orgID: 7,
            orgCode: "B002"
        )
        let unknown = Member(
            id: 4,
            name: "王五",
            gender: .male,
            birthDate: Sample.date("1950-01-01"),
            idNumber: "#",
            category: .full,
            orgID: 7,
            orgCode: "B002"
        )
        let members = [Sample.member(), tricky, bare, unknown]
        for bom in [true, false] {
            let result = try RosterCSV.decode(text: RosterCSV.encode(members, byteOrderMark: bom), today: Sample.today)
            #expect(result.errors == [])
            #expect(result.drafts == members.map(MemberDraft.init))
            #expect(result.rows.map(\.row) == [2, 3, 5, 6])
        }
        #expect(RosterCSV.encode(members.map(MemberDraft.init)) == RosterCSV.encode(members))
    }

    @Test("a row error prints with its line and column")
    func errorDescription() {
        let error = RosterRowError(row: 7, column: "身份证号", message: "校验位错误", reason: "invalid_id_checksum")
        #expect(error.description == "第 7 行【身份证号】：校验位错误")
        #expect(RosterRowError(row: 2, column: nil, message: "本行有 5 列").description == "第 2 行：本行有 5 列")
    }
}
