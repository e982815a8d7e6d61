/// The editable fields of a member record as the console sends them: text as typed, so the daemon can say in
/// Chinese exactly which value is wrong. Absent fields are left alone; an empty string clears an optional one.
package struct MemberFields: Codable, Sendable, Equatable {
    /// 姓名.
    package var name: String?
    /// 性别: 男 or 女.
    package var gender: String?
    /// 民族.
    package var ethnicity: String?
    /// 出生日期, YYYY-MM-DD.
    package var birthDate: String?
    /// 身份证号, or `#` when truly unknown.
    package var idNumber: String?
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
    /// 入党日期.
    package var joinDate: String?
    /// 预备期开始日期 (支部大会日期).
    package var probationStart: String?
    /// 转正日期.
    package var fullDate: String?
    /// 人员类别: 正式党员 or 预备党员.
    package var category: String?
    /// 党小组代码 (empty to clear).
    package var group: String?
    /// 党员标记: 困难党员, 流动党员, 失联 (replaces the set).
    package var flags: [String]?
    /// 备注.
    package var remarks: String?

    /// Creates the fields.
    package init(
        name: String? = nil,
        gender: String? = nil,
        ethnicity: String? = nil,
        birthDate: String? = nil,
        idNumber: String? = nil,
        phone: String? = nil,
        email: String? = nil,
        education: String? = nil,
        job: String? = nil,
        workUnit: String? = nil,
        joinDate: String? = nil,
        probationStart: String? = nil,
        fullDate: String? = nil,
        category: String? = nil,
        group: String? = nil,
        flags: [String]? = nil,
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
        self.group = group
        self.flags = flags
        self.remarks = remarks
    }
}
