import Domain
import Testing

@Suite("Member rules: the draft")
struct MemberRulesTests {
    private func refusal(_ change: (inout MemberDraft) -> Void) -> DomainError? {
        var draft = Sample.draft()
        change(&draft)
        return Sample.refusal { try MemberRules.validate(draft, today: Sample.today) }
    }

    @Test("a complete draft passes")
    func validDraft() {
        #expect(refusal { _ in } == nil)
    }

    @Test("only the required fields are needed for a 正式党员")
    func minimalDraft() {
        let draft = MemberDraft(
            name: "李四",
            gender: .female,
            birthDate: Sample.date("1949-12-31"),
            idNumber: "11010519491231002X",
            category: .full,
            orgCode: "B001"
        )
        #expect(MemberRules.problems(draft, today: Sample.today).isEmpty)
    }

    @Test("the name must be present, short and on one line")
    func name() {
        #expect(refusal { $0.name = "  " }?.reason == "empty_name")
        #expect(refusal { $0.name = String(repeating: "名", count: 51) }?.reason == "name_too_long")
        #expect(refusal { $0.name = String(repeating: "名", count: 50) } == nil)
        #expect(refusal { $0.name = "张\n三" }?.reason == "invalid_name")
        #expect(refusal { $0.name = "  " }?.field == "name")
    }

    @Test("an invalid identity number is refused under idNumber")
    func badIdentity() {
        let error = refusal { $0.idNumber = "110101199005150016" }
        #expect(error?.reason == "invalid_id_checksum")
        #expect(error?.field == "idNumber")
    }

    @Test("the birth date in the identity number must equal the birth date")
    func birthMismatch() {
        let error = refusal { $0.birthDate = Sample.date("1990-05-16") }
        #expect(error?.reason == "id_birth_mismatch")
        #expect(error?.field == "birthDate")
        #expect(error?.message == "身份证号中的出生日期 1990-05-15 与出生日期 1990-05-16 不一致")
    }

    @Test("the gender in the identity number must equal the gender")
    func genderMismatch() {
        let error = refusal { $0.gender = .female }
        #expect(error?.reason == "id_gender_mismatch")
        #expect(error?.field == "gender")
        #expect(error?.message.contains("（男）与性别（女）") == true)
    }

    @Test("# skips the identity checks on birth date and gender")
    func unknownIdentity() {
        #expect(
            refusal {
                $0.idNumber = "#"
                $0.gender = .female
                $0.birthDate = Sample.date("1991-01-01")
            } == nil
        )
    }

    @Test("the birth date lies between 1900 and today")
    func birthRange() {
        let future = refusal {
            $0.idNumber = "#"
            $0.birthDate = Sample.date("2025-07-01")
        }
        #expect(future?.reason == "date_in_future")
        #expect(future?.field == "birthDate")
        let early = refusal {
            $0.idNumber = "#"
            $0.birthDate = Sample.date("1899-12-31")
            $0.joinDate = nil
        }
        #expect(early?.reason == "date_too_early")
    }

    @Test(
        "admission before the 18th birthday is refused, on it is accepted",
        arguments: [("2008-05-14", false), ("2008-05-15", true), ("2010-01-01", true)]
    )
    func joinAge(join: String, accepted: Bool) {
        let error = refusal {
            $0.joinDate = Sample.date(join)
            $0.probationStart = Sample.date(join)
            $0.fullDate = nil
            $0.category = .probationary
        }
        #expect((error == nil) == accepted)
        if !accepted {
            #expect(error?.reason == "under_age")
            #expect(error?.field == "joinDate")
            #expect(error?.message.hasPrefix("入党时未满18周岁") == true)
        }
    }

    @Test("the age rule applies to the probation start when there is no 入党日期")
    func joinAgeFromProbationStart() {
        let error = refusal {
            $0.joinDate = nil
            $0.probationStart = Sample.date("2007-01-01")
        }
        #expect(error?.reason == "under_age")
        #expect(error?.field == "probationStart")
    }

    @Test("no date may lie after today", arguments: ["joinDate", "probationStart", "fullDate"])
    func futureDates(field: String) {
        let error = refusal { draft in
            switch field {
            case "joinDate": draft.joinDate = Sample.date("2025-07-01")
            case "probationStart": draft.probationStart = Sample.date("2025-07-01")
            default: draft.fullDate = Sample.date("2025-07-01")
            }
        }
        #expect(error?.reason == "date_in_future")
        #expect(error?.field == field)
    }

    @Test("dates must come after the birth date")
    func datesAfterBirth() {
        let error = refusal { $0.joinDate = Sample.date("1990-05-15") }
        #expect(error?.reason == "date_order")
        #expect(error?.field == "joinDate")
    }

    @Test("转正日期 must follow the probation start and not precede 入党日期")
    func fullDateOrder() {
        #expect(refusal { $0.fullDate = Sample.date("2015-07-01") }?.reason == "date_order")
        #expect(refusal { $0.fullDate = Sample.date("2015-06-30") }?.field == "fullDate")
        // A shortened probation is not refused (old records), nor is an extended one.
        #expect(refusal { $0.fullDate = Sample.date("2016-01-01") } == nil)
        #expect(refusal { $0.fullDate = Sample.date("2017-01-01") } == nil)
        // 追认: admitted and full on the same day, with no probation.
        let posthumous = refusal {
            $0.probationStart = nil
            $0.fullDate = $0.joinDate
        }
        #expect(posthumous == nil)
        let beforeJoin = refusal {
            $0.probationStart = nil
            $0.fullDate = Sample.date("2015-06-30")
        }
        #expect(beforeJoin?.reason == "date_order")
    }

    @Test("a 预备党员 has a probation start and no 转正日期")
    func probationary() {
        #expect(refusal { $0.category = .probationary }?.reason == "probationary_with_full_date")
        let noStart = refusal {
            $0.category = .probationary
            $0.fullDate = nil
            $0.joinDate = nil
            $0.probationStart = nil
        }
        #expect(noStart?.reason == "probation_start_missing")
        #expect(noStart?.field == "probationStart")
        let joinOnly = refusal {
            $0.category = .probationary
            $0.fullDate = nil
            $0.probationStart = nil
        }
        #expect(joinOnly == nil)
    }

    @Test("a 正式党员 may lack 转正日期 or any date (legacy records)")
    func legacyFullMember() {
        #expect(refusal { $0.fullDate = nil } == nil)
        let noDates = refusal {
            $0.joinDate = nil
            $0.probationStart = nil
            $0.fullDate = nil
        }
        #expect(noDates == nil)
    }

    @Test("the organization code is required and the group code must be a code")
    func codes() {
        #expect(refusal { $0.orgCode = " " }?.reason == "empty_org_code")
        #expect(refusal { $0.orgCode = "B 001" }?.field == "orgCode")
        #expect(refusal { $0.groupCode = "组/1" }?.field == "groupCode")
        #expect(refusal { $0.groupCode = "" } == nil)
    }

    @Test("over-long optional text is refused")
    func optionalLengths() {
        #expect(refusal { $0.workUnit = String(repeating: "单", count: 201) }?.field == "workUnit")
        #expect(refusal { $0.remarks = String(repeating: "备", count: 2001) }?.reason == "too_long")
        #expect(refusal { $0.remarks = String(repeating: "备", count: 2000) } == nil)
    }

    @Test("problems lists every problem at once")
    func allProblems() {
        var draft = Sample.draft()
        draft.name = ""
        draft.gender = .female
        draft.phone = "123"
        draft.orgCode = ""
        let fields = MemberRules.problems(draft, today: Sample.today).compactMap(\.field)
        #expect(fields == ["name", "gender", "phone", "orgCode"])
        #expect(Sample.refusal { try MemberRules.validate(draft, today: Sample.today) }?.field == "name")
    }

    @Test("normalized trims, blanks out empty text and uppercases the X")
    func normalized() {
        var draft = Sample.draft()
        draft.name = " 张三 "
        draft.idNumber = "11010519491231002x "
        draft.phone = "  "
        draft.groupCode = ""
        draft.remarks = " 备注 "
        let normal = draft.normalized()
        #expect(normal.name == "张三")
        #expect(normal.idNumber == "11010519491231002X")
        #expect(normal.phone == nil)
        #expect(normal.groupCode == nil)
        #expect(normal.remarks == "备注")
    }

    @Test("a draft made from a member carries its user-supplied fields")
    func draftFromMember() {
        #expect(MemberDraft(Sample.member()) == Sample.draft())
    }
}
