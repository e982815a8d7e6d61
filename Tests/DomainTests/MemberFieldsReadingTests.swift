import Domain
import Testing

/// Reading the text fields a client sends into a draft, and naming what an edit changed.
@Suite("Member fields as typed, read into a draft")
struct MemberFieldsReadingTests {
    @Test func addNeedsTheRequiredFields() {
        let error = Sample.refusal {
            _ = try MemberDraft.reading(MemberFields(name: "张三", gender: "男"), over: nil, orgCode: "B001")
        }
        #expect(error?.reason == "missing_field")
        #expect(error?.field == "birthDate")
    }

    @Test func editKeepsAbsentFieldsClearsEmptyOnesAndParsesTheRest() throws {
        let base = Sample.draft()
        let fields = MemberFields(phone: "", category: "预备党员", flags: ["困难党员、失联"], remarks: " 备注 ")
        let draft = try MemberDraft.reading(fields, over: base, orgCode: base.orgCode)
        #expect(draft.name == base.name)
        #expect(draft.phone == nil)
        #expect(draft.category == .probationary)
        #expect(draft.flags == [.hardship, .lostContact])
        #expect(draft.remarks == "备注")
        #expect(MemberDraft.changedFields(base, draft) == ["手机号", "人员类别", "党员标记", "备注"])
        #expect(MemberDraft.changedFields(base, base).isEmpty)
    }

    @Test func badValuesNameTheirField() {
        let base = Sample.draft()
        for (fields, field) in [
            (MemberFields(gender: "x"), "gender"), (MemberFields(joinDate: "2015-13-01"), "joinDate"),
            (MemberFields(flags: ["不存在的标记"]), "flags"),
        ] {
            let error = Sample.refusal { _ = try MemberDraft.reading(fields, over: base, orgCode: base.orgCode) }
            #expect(error?.field == field)
        }
    }
}
