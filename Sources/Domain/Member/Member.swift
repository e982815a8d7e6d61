/// 性别.
package enum Gender: String, Sendable, Codable, CaseIterable {
    /// 男.
    case male = "男"
    /// 女.
    case female = "女"
}

/// 人员类别.
package enum MemberCategory: String, Sendable, Codable, CaseIterable {
    /// 正式党员.
    case full = "正式党员"
    /// 预备党员.
    case probationary = "预备党员"
}

/// Flags an organization keeps on a member.
package enum MemberFlag: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// 困难党员.
    case hardship = "困难党员"
    /// 流动党员.
    case flowing = "流动党员"
    /// 失联党员.
    case lostContact = "失联"

    /// Orders as declared, so flag lists print the same way every time.
    package static func < (lhs: MemberFlag, rhs: MemberFlag) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Whether a member is on the roll (在册) or has left it for history (历史党员), and why.
package enum MemberStatus: String, Sendable, Codable, CaseIterable {
    /// 在册.
    case active = "在册"
    /// 出党.
    case expelled = "出党"
    /// 死亡.
    case deceased = "死亡"
    /// 停止党籍.
    case suspended = "停止党籍"

    /// The ways of leaving the roll.
    package static let leaveKinds: [MemberStatus] = [.expelled, .deceased, .suspended]
}

/// A member record (党员信息) as stored and shown.
package struct Member: Sendable, Codable, Equatable {
    /// The internal identifier.
    package var id: Int64
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
    /// 手机号.
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
    /// The branch the member belongs to.
    package var orgID: Int64
    /// The branch's 组织代码, filled in when shown.
    package var orgCode: String?
    /// The 党小组 the member is assigned to, if any.
    package var groupID: Int64?
    /// The 党小组's code, filled in when shown.
    package var groupCode: String?
    /// 困难党员, 流动党员, 失联.
    package var flags: Set<MemberFlag>
    /// 在册 or the way the member left the roll.
    package var status: MemberStatus
    /// The date of leaving the roll.
    package var leftOn: LocalDate?
    /// The reason for leaving the roll.
    package var leftReason: String?
    /// 备注.
    package var remarks: String?

    /// Creates a member record.
    package init(
        id: Int64,
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
        orgID: Int64,
        orgCode: String? = nil,
        groupID: Int64? = nil,
        groupCode: String? = nil,
        flags: Set<MemberFlag> = [],
        status: MemberStatus = .active,
        leftOn: LocalDate? = nil,
        leftReason: String? = nil,
        remarks: String? = nil
    ) {
        self.id = id
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
        self.orgID = orgID
        self.orgCode = orgCode
        self.groupID = groupID
        self.groupCode = groupCode
        self.flags = flags
        self.status = status
        self.leftOn = leftOn
        self.leftReason = leftReason
        self.remarks = remarks
    }

    /// Whether the member is on the roll.
    package var isActive: Bool { status == .active }
}
