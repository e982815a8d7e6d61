import Domain
import Testing

@Suite("Member rules: contact details and enumerated fields")
struct MemberFieldParsingTests {
    @Test(
        "valid telephone numbers",
        arguments: [
            "13800138000", "19912345678", "+8613800138000", "+86 13800138000", "+86-13800138000", "010-12345678",
            "0571-87654321-123", "87654321", "02112345678", "400-800-8888",
        ]
    )
    func validPhone(phone: String) {
        #expect(MemberRules.isValidPhone(phone))
        #expect(Sample.refusal { try MemberRules.validatePhone(phone) } == nil)
    }

    @Test(
        "invalid telephone numbers",
        arguments: [
            "1380013800", "138001380001", "abc", "010--12345678", "-01012345678", "010-1234567-", "12345", "",
            "+861380013800", "1380013800a", "010 12345678", "１３８００１３８０００",
        ]
    )
    func invalidPhone(phone: String) {
        #expect(!MemberRules.isValidPhone(phone))
        let error = Sample.refusal { try MemberRules.validatePhone(phone) }
        #expect(error?.reason == "invalid_phone")
        #expect(error?.field == "phone")
    }

    @Test(
        "e-mail addresses",
        arguments: [
            ("a@b.cn", true), ("zhang.san+party@mail.example.com", true), ("张三@例子.中国", true),
            ("a@b", false), ("@b.cn", false), ("a@@b.cn", false), ("a@b@c.cn", false), ("a b@c.cn", false),
            ("a@.cn", false), ("a@b.", false), ("a@b..cn", false), ("", false), ("a＠b.cn", false),
        ]
    )
    func email(address: String, valid: Bool) {
        #expect(MemberRules.isValidEmail(address) == valid)
        #expect((Sample.refusal { try MemberRules.validateEmail(address) }?.reason == "invalid_email") == !valid)
    }

    @Test("a draft with a bad phone or e-mail is refused under that field; blank ones are ignored")
    func draftContact() {
        var draft = Sample.draft()
        draft.phone = "12345"
        #expect(Sample.refusal { try MemberRules.validate(draft, today: Sample.today) }?.field == "phone")
        draft.phone = " "
        draft.email = "nobody"
        #expect(Sample.refusal { try MemberRules.validate(draft, today: Sample.today) }?.field == "email")
        draft.email = ""
        #expect(Sample.refusal { try MemberRules.validate(draft, today: Sample.today) } == nil)
    }

    @Test(
        "gender names",
        arguments: [
            ("男", Gender.male), ("女", .female), ("male", .male), ("Female", .female), ("M", .male), ("f", .female),
            (" 男 ", .male), ("女性", .female),
        ]
    )
    func gender(text: String, expected: Gender) throws {
        #expect(try MemberRules.parseGender(text) == expected)
    }

    @Test("an unknown gender lists the valid names")
    func badGender() {
        let error = Sample.refusal { _ = try MemberRules.parseGender("未知", field: "性别") }
        #expect(error?.reason == "invalid_gender")
        #expect(error?.field == "性别")
        #expect(error?.message.contains("男、女") == true)
    }

    @Test(
        "category names",
        arguments: [
            ("正式党员", MemberCategory.full), ("预备党员", .probationary), ("full", .full), ("Probationary", .probationary),
            ("正式", .full), ("预备", .probationary),
        ]
    )
    func category(text: String, expected: MemberCategory) throws {
        #expect(try MemberRules.parseCategory(text) == expected)
    }

    @Test("an unknown category lists the valid names")
    func badCategory() {
        let error = Sample.refusal { _ = try MemberRules.parseCategory("积极分子") }
        #expect(error?.reason == "invalid_category")
        #expect(error?.field == "category")
        #expect(error?.message.contains("正式党员、预备党员") == true)
    }

    @Test(
        "flag names",
        arguments: [
            ("困难党员", MemberFlag.hardship), ("流动党员", .flowing), ("失联", .lostContact), ("失联党员", .lostContact),
            ("hardship", .hardship), ("Flowing", .flowing), ("lost-contact", .lostContact),
        ]
    )
    func flag(text: String, expected: MemberFlag) throws {
        #expect(try MemberRules.parseFlag(text) == expected)
    }

    @Test(
        "flag lists split on 、 ; ； , ， and ignore blanks",
        arguments: [
            ("困难党员、流动党员", "困难党员、流动党员"), ("失联;困难党员", "困难党员、失联"),
            ("流动党员；失联，困难党员", "困难党员、流动党员、失联"), ("", ""), (" 、 ", ""), ("流动党员、流动党员", "流动党员"),
            ("失联,流动党员", "流动党员、失联"),
        ]
    )
    func flags(text: String, expected: String) throws {
        #expect(MemberRules.formatFlags(try MemberRules.parseFlags(text)) == expected)
    }

    @Test("an unknown flag is refused, listing the valid names")
    func badFlag() {
        let error = Sample.refusal { _ = try MemberRules.parseFlags("困难党员、优秀党员") }
        #expect(error?.reason == "invalid_flag")
        #expect(error?.message.contains("优秀党员") == true)
        #expect(error?.message.contains("困难党员、流动党员、失联") == true)
    }

    @Test("flags are written in declaration order joined by 、")
    func formatFlags() {
        #expect(MemberRules.formatFlags([.lostContact, .hardship, .flowing]) == "困难党员、流动党员、失联")
        #expect(MemberRules.formatFlags([]) == "")
    }

    @Test(
        "leave kinds",
        arguments: [
            ("出党", MemberStatus.expelled), ("死亡", .deceased), ("停止党籍", .suspended), ("expelled", .expelled),
            ("Deceased", .deceased), ("suspended", .suspended),
        ]
    )
    func leaveKind(text: String, expected: MemberStatus) throws {
        #expect(try MemberRules.parseLeaveKind(text) == expected)
    }

    @Test("在册 and unknown words are not leave kinds", arguments: ["在册", "active", "转出", ""])
    func badLeaveKind(text: String) {
        let error = Sample.refusal { _ = try MemberRules.parseLeaveKind(text) }
        #expect(error?.reason == "invalid_leave_kind")
        #expect(error?.field == "kind")
        #expect(error?.message.contains("出党、死亡、停止党籍") == true)
    }
}
