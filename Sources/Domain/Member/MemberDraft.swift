import Foundation

/// The fields of a member record that a person supplies (a form, a roster row, an RPC call): everything
/// in ``Member`` except what storage decides (the id, the organization and group ids, the roll status and
/// the leave date and reason). The organization and the 党小组 are named by their codes.
package struct MemberDraft: Sendable, Codable, Equatable {
    /// 姓名.
    package var name: String
    /// 性别.
    package var gender: Gender
    /// 民族.
    package var ethnicity: String?
    /// 出生日期.
    package var birthDate: LocalDate
    /// 身份证号: 18 characters, or `#` when truly unknown.
    package var idNumber: String
    /// 手机号 or a landline number.
    package var phone: String?
    /// 电子邮箱.
    package var email: String?
    /// 学历.
    package var education: String?
    /// 工作岗位.
    package var job: String?
    /// 工作单位.
    package var workUnit: String?
    /// 入党日期 (the date of admission as 预备党员).
    package var joinDate: LocalDate?
    /// 预备期开始 (the 支部大会 date).
    package var probationStart: LocalDate?
    /// 转正日期.
    package var fullDate: LocalDate?
    /// 人员类别.
    package var category: MemberCategory
    /// 所在党组织代码: the branch the member belongs to.
    package var orgCode: String
    /// 党小组代码, when the member is assigned to a 党小组.
    package var groupCode: String?
    /// 困难党员, 流动党员, 失联.
    package var flags: Set<MemberFlag>
    /// 备注.
    package var remarks: String?

    /// Creates a draft.
    package init(
        name: String,
        gender: Gender,
        ethnicity: String? = nil,
        birthDate: LocalDate,
        idNumber: String,
        phone: String? = nil,
        email: String? = nil,
        education: String? = nil,
        job: String? = nil,
        workUnit: String? = nil,
        joinDate: LocalDate? = nil,
        probationStart: LocalDate? = nil,
        fullDate: LocalDate? = nil,
        category: MemberCategory,
        orgCode: String,
        groupCode: String? = nil,
        flags: Set<MemberFlag> = [],
        remarks: String? = nil
    ) {
        self.name = name
        self.gender = gender
        self.ethnicity = ethnicity
        self.birthDate = birthDate
        self.idNumber = idNumber
        self.phone = phone
        self.email = email
        self.education = education
        self.job = job
        self.workUnit = workUnit
        self.joinDate = joinDate
        self.probationStart = probationStart
        self.fullDate = fullDate
        self.category = category
        self.orgCode = orgCode
        self.groupCode = groupCode
        self.flags = flags
        self.remarks = remarks
    }

    /// The user-supplied fields of a stored member; the codes are empty or nil when the record carries none.
    package init(_ member: Member) {
        self.init(
            name: member.name,
            gender: member.gender,
            ethnicity: member.ethnicity,
            birthDate: member.birthDate,
            idNumber: member.idNumber,
            phone: member.phone,
            email: member.email,
            education: member.education,
            job: member.job,
            workUnit: member.workUnit,
            joinDate: member.joinDate,
            probationStart: member.probationStart,
            fullDate: member.fullDate,
            category: member.category,
            orgCode: member.orgCode ?? "",
            groupCode: member.groupCode,
            flags: member.flags,
            remarks: member.remarks
        )
    }

    /// The draft as it should be stored: text trimmed, blank optional text turned into nil, and the identity
    /// number in its normalized form (uppercase `X`) when it parses, so that duplicates compare equal.
    package func normalized() -> MemberDraft {
        var copy = self
        copy.name = MemberDraft.trim(name)
        copy.ethnicity = MemberDraft.nonBlank(ethnicity)
        let id = MemberDraft.trim(idNumber)
        copy.idNumber = IdentityNumber(id)?.text ?? id
        copy.phone = MemberDraft.nonBlank(phone)
        copy.email = MemberDraft.nonBlank(email)
        copy.education = MemberDraft.nonBlank(education)
        copy.job = MemberDraft.nonBlank(job)
        copy.workUnit = MemberDraft.nonBlank(workUnit)
        copy.orgCode = MemberDraft.trim(orgCode)
        copy.groupCode = MemberDraft.nonBlank(groupCode)
        copy.remarks = MemberDraft.nonBlank(remarks)
        return copy
    }

    private static func trim(_ text: String) -> String {
        text.trimmedWhitespace
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = trim(text)
        return trimmed.isEmpty ? nil : trimmed
    }
}
