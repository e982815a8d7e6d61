import Foundation

extension MemberDraft {
    /// Reads the text fields a client sent as a draft: over nothing for `member.add` (the required fields must
    /// then be present), or over an existing record for `member.edit` (absent fields keep their value, empty
    /// ones clear it).
    package static func reading(
        _ fields: MemberFields,
        over base: MemberDraft?,
        orgCode: String
    ) throws(DomainError) -> MemberDraft {
        func required(_ value: String?, _ field: String, _ label: String) throws(DomainError) -> String? {
            if base == nil && (value?.nonBlank == nil) {
                throw DomainError.invalid(field, "缺少\(label)", reason: "missing_field")
            }
            return value
        }
        func text(_ value: String?, _ current: String?) -> String? {
            guard let value else { return current }
            return value.nonBlank
        }
        func date(
            _ value: String?,
            _ current: LocalDate?,
            _ field: String,
            _ label: String
        ) throws(DomainError) -> LocalDate? {
            guard let value else { return current }
            guard let text = value.nonBlank else { return nil }
            return try LocalDate.parse(text, field: field, label: label)
        }
        let name = try required(fields.name, "name", "姓名") ?? base?.name ?? ""
        let genderText = try required(fields.gender, "gender", "性别")
        let gender =
            try genderText.map { text throws(DomainError) in try MemberRules.parseGender(text) } ?? base!.gender
        let birthText = try required(fields.birthDate, "birthDate", "出生日期")
        let birth =
            try birthText.map { text throws(DomainError) in try LocalDate.parse(text, field: "birthDate", label: "出生日期")
            }
            ?? base!.birthDate
        let idNumber = try required(fields.idNumber, "idNumber", "身份证号（不详时填 #）") ?? base!.idNumber
        let category =
            try fields.category?.nonBlank.map { text throws(DomainError) in try MemberRules.parseCategory(text) }
            ?? base?.category ?? .full
        var flags = base?.flags ?? []
        if let texts = fields.flags {
            flags = []
            // Each value may itself be a list (`困难党员、流动党员`), as typed at the console or in a roster cell.
            for text in texts { flags.formUnion(try MemberRules.parseFlags(text)) }
        }
        return MemberDraft(
            name: name,
            gender: gender,
            ethnicity: text(fields.ethnicity, base?.ethnicity),
            birthDate: birth,
            idNumber: idNumber,
            phone: text(fields.phone, base?.phone),
            email: text(fields.email, base?.email),
            education: text(fields.education, base?.education),
            job: text(fields.job, base?.job),
            workUnit: text(fields.workUnit, base?.workUnit),
            joinDate: try date(fields.joinDate, base?.joinDate, "joinDate", "入党日期"),
            probationStart: try date(fields.probationStart, base?.probationStart, "probationStart", "预备期开始日期"),
            fullDate: try date(fields.fullDate, base?.fullDate, "fullDate", "转正日期"),
            category: category,
            orgCode: orgCode,
            groupCode: text(fields.group, base?.groupCode),
            flags: flags,
            remarks: text(fields.remarks, base?.remarks)
        ).normalized()
    }

    /// The Chinese names of the fields that differ between two drafts, for history lines.
    package static func changedFields(_ old: MemberDraft, _ new: MemberDraft) -> [String] {
        var names: [String] = []
        func check<T: Equatable>(_ label: String, _ keyPath: KeyPath<MemberDraft, T>) {
            if old[keyPath: keyPath] != new[keyPath: keyPath] { names.append(label) }
        }
        check("姓名", \.name)
        check("性别", \.gender)
        check("民族", \.ethnicity)
        check("出生日期", \.birthDate)
        check("身份证号", \.idNumber)
        check("手机号", \.phone)
        check("电子邮箱", \.email)
        check("学历", \.education)
        check("工作岗位", \.job)
        check("工作单位", \.workUnit)
        check("入党日期", \.joinDate)
        check("预备期开始日期", \.probationStart)
        check("转正日期", \.fullDate)
        check("人员类别", \.category)
        check("党小组", \.groupCode)
        check("党员标记", \.flags)
        check("备注", \.remarks)
        return names
    }
}
