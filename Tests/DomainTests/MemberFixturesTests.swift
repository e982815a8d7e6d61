import Domain
import Testing

/// Shared sample data for the member, roster and organization tests.
enum Sample {
    /// The fixed "today" of every test.
    static let today = date("2025-06-30")

    /// A date from its `YYYY-MM-DD` text; the tests only use real dates.
    static func date(_ text: String) -> LocalDate {
        guard let date = LocalDate(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// A valid identity number for a birth date (`YYYYMMDD`) and a 3-digit sequence.
    static func idNumber(birth: String, sequence: String, area: String = "110101") -> String {
        let first17 = area + birth + sequence
        guard let check = IdentityNumber.checkCharacter(for: first17) else { fatalError("bad id parts \(first17)") }
        return first17 + String(check)
    }

    /// A valid 正式党员 draft: 张三, male, born 1990-05-15, admitted 2015-07-01, full member from 2016-07-01.
    static func draft() -> MemberDraft {
        MemberDraft(
            name: "张三",
            gender: .male,
            ethnicity: "汉族",
            birthDate: date("1990-05-15"),
            idNumber: "110101199005150015",
            phone: "13800138000",
            email: "zhangsan@example.com",
            education: "本科",
            job: "工程师",
            workUnit: "某某公司",
            joinDate: date("2015-07-01"),
            probationStart: date("2015-07-01"),
            fullDate: date("2016-07-01"),
            category: .full,
            orgCode: "B001",
            groupCode: "B001-G1",
            flags: [.flowing],
            remarks: nil
        )
    }

    /// A stored member built from ``draft()``.
    static func member(status: MemberStatus = .active) -> Member {
        let d = draft()
        return Member(
            id: 1,
            name: d.name,
            gender: d.gender,
            ethnicity: d.ethnicity,
            birthDate: d.birthDate,
            idNumber: d.idNumber,
            phone: d.phone,
            email: d.email,
            education: d.education,
            job: d.job,
            workUnit: d.workUnit,
            joinDate: d.joinDate,
            probationStart: d.probationStart,
            fullDate: d.fullDate,
            category: d.category,
            orgID: 7,
            orgCode: d.orgCode,
            groupID: 9,
            groupCode: d.groupCode,
            flags: d.flags,
            status: status,
            leftOn: status == .active ? nil : date("2024-01-01"),
            leftReason: status == .active ? nil : "原因",
            remarks: d.remarks
        )
    }

    /// The refusal `body` throws, or nil when it returns normally.
    static func refusal(_ body: () throws -> Void) -> DomainError? {
        do {
            try body()
            return nil
        } catch {
            return error as? DomainError
        }
    }
}

@Suite("Test fixtures")
struct MemberFixturesTests {
    @Test("the sample draft is valid and its identity number agrees with it")
    func sampleIsValid() throws {
        let draft = Sample.draft()
        #expect(MemberRules.problems(draft, today: Sample.today).isEmpty)
        #expect(Sample.idNumber(birth: "19900515", sequence: "001") == draft.idNumber)
    }
}
