import Foundation

/// The rules a member record and its roll changes must satisfy, as pure functions that either return or
/// refuse with a ``DomainError`` whose `field` is the ``MemberDraft`` property at fault.
///
/// Choices made where the national rules leave room, so that legacy rosters still import:
/// - 入党日期 and 预备期开始日期 (the 支部大会 date) normally coincide, but some systems record the 党委's
///   approval as 入党日期, so their mutual order is not checked.
/// - 转正日期 must come after 预备期开始日期, but a full year is not required: the record may predate
///   the rule or carry a correction.
/// - 转正日期 may equal 入党日期, as for a member admitted posthumously (追认) with no probation.
/// - A 正式党员 may lack any of the three dates (old records often do); a 预备党员 needs the start of the
///   probation (or at least the 入党日期) because the 预备党员到期 reminder counts from it, and may not
///   carry a 转正日期.
package enum MemberRules {
    /// The longest accepted 姓名.
    package static let maxNameLength = 50
    /// The longest accepted 备注.
    package static let maxRemarksLength = 2000
    /// The longest accepted 出党/死亡/停止党籍 reason.
    package static let maxReasonLength = 500
    /// The earliest accepted 出生日期.
    package static let earliestBirthDate = LocalDate(year: 1900, month: 1, day: 1)!
    /// The age an applicant must have reached when admitted (《中国共产党章程》 第一条).
    package static let minimumJoinAge = 18

    /// Refuses a draft that breaks any rule, with the first problem ``problems(_:today:)`` finds.
    package static func validate(_ draft: MemberDraft, today: LocalDate) throws(DomainError) {
        if let first = problems(draft, today: today).first { throw first }
    }

    /// Every problem of a draft, in field order, so that a roster import can show them all at once.
    package static func problems(_ draft: MemberDraft, today: LocalDate) -> [DomainError] {
        // One do-catch per rule: closures would lose the typed throw.
        var found: [DomainError] = []
        do { try validateName(draft.name) } catch { found.append(error) }
        var identity: IdentityNumber?
        do { identity = try IdentityNumber.validate(draft.idNumber, field: "idNumber") } catch { found.append(error) }
        do { try validateBirth(draft, identity: identity, today: today) } catch { found.append(error) }
        do { try validateIdentityGender(draft, identity: identity) } catch { found.append(error) }
        let dates: [(LocalDate?, String, String)] = [
            (draft.joinDate, "joinDate", "入党日期"),
            (draft.probationStart, "probationStart", "预备期开始日期"),
            (draft.fullDate, "fullDate", "转正日期"),
        ]
        for case let (date?, field, label) in dates {
            do {
                try validateEventDate(date, field: field, label: label, birth: draft.birthDate, today: today)
            } catch { found.append(error) }
        }
        do { try validateJoinAge(draft) } catch { found.append(error) }
        do { try validateProbation(draft) } catch { found.append(error) }
        do { try validateOptionalText(draft) } catch { found.append(error) }
        do { try validateCodes(draft) } catch { found.append(error) }
        return found
    }

    /// Checks a 姓名: not blank, at most ``maxNameLength`` characters, no line breaks or control characters.
    package static func validateName(_ name: String, field: String = "name") throws(DomainError) {
        let trimmed = name.trimmedWhitespace
        guard !trimmed.isEmpty else { throw DomainError.invalid(field, "姓名不能为空", reason: "empty_name") }
        guard !exceeds(trimmed, maxNameLength) else {
            throw DomainError.invalid(field, "姓名过长（最多 \(maxNameLength) 字）", reason: "name_too_long")
        }
        // `invalid_name` is the reason this refusal has always had.
        try TextRules.validate(trimmed, field: field, label: "姓名", shape: .name, reason: "invalid_name")
    }

    /// Checks a telephone number: a mobile number of 11 digits starting with 1 (optionally after `+86`),
    /// or a landline of 7-20 digits and dashes such as `010-12345678` or `0571-87654321-123`.
    package static func validatePhone(_ phone: String, field: String = "phone") throws(DomainError) {
        guard isValidPhone(phone) else {
            throw DomainError.invalid(
                field,
                "电话号码“\(phone)”无效：手机号应为以 1 开头的 11 位数字，固定电话应为数字和 -（如 010-12345678）",
                reason: "invalid_phone"
            )
        }
    }

    /// Checks an e-mail address: one `@`, a non-empty local part, a domain containing a dot, no spaces.
    package static func validateEmail(_ email: String, field: String = "email") throws(DomainError) {
        guard isValidEmail(email) else {
            throw DomainError.invalid(field, "电子邮箱“\(email)”格式无效，应形如 name@example.com", reason: "invalid_email")
        }
    }

    /// Checks 出党, 死亡 or 停止党籍: a leave kind, an active member, a date neither in the future nor before
    /// the member's birth, and a reason.
    package static func validateLeave(
        kind: MemberStatus,
        date: LocalDate,
        reason: String,
        member: Member,
        today: LocalDate
    ) throws(DomainError) {
        guard MemberStatus.leaveKinds.contains(kind) else {
            throw DomainError.invalid(
                "kind",
                "“\(kind.rawValue)”不是减少党员的方式，应为：\(leaveKindNames)",
                reason: "invalid_leave_kind"
            )
        }
        guard member.isActive else {
            throw DomainError(
                .rule,
                reason: "member.not_active",
                field: "id",
                message: "\(label(member))已是历史党员（\(member.status.rawValue)），不能再办理\(kind.rawValue)"
            )
        }
        guard date <= today else {
            throw DomainError.invalid("date", "\(kind.rawValue)日期 \(date) 晚于今天 \(today)", reason: "date_in_future")
        }
        guard date >= member.birthDate else {
            throw DomainError.invalid(
                "date",
                "\(kind.rawValue)日期 \(date) 早于出生日期 \(member.birthDate)",
                reason: "date_order"
            )
        }
        let trimmed = reason.trimmedWhitespace
        guard !trimmed.isEmpty else {
            throw DomainError.invalid("reason", "\(kind.rawValue)原因不能为空", reason: "empty_reason")
        }
        guard !exceeds(trimmed, maxReasonLength) else {
            throw DomainError.invalid("reason", "\(kind.rawValue)原因过长（最多 \(maxReasonLength) 字）", reason: "too_long")
        }
        try TextRules.validate(trimmed, field: "reason", label: "\(kind.rawValue)原因", shape: .multiline)
    }

    /// Checks a restore: only a member in history (历史党员) can be put back on the roll.
    package static func validateRestore(member: Member) throws(DomainError) {
        guard !member.isActive else {
            throw DomainError(
                .rule,
                reason: "member.not_in_history",
                field: "id",
                message: "\(label(member))在册，不是历史党员，无需恢复"
            )
        }
    }

    /// The Chinese names of the leave kinds, for messages.
    package static var leaveKindNames: String { MemberStatus.leaveKinds.map(\.rawValue).joined(separator: "、") }

    // MARK: - Parts of the draft check

    private static func validateBirth(
        _ draft: MemberDraft,
        identity: IdentityNumber?,
        today: LocalDate
    )
        throws(DomainError)
    {
        let birth = draft.birthDate
        guard birth <= today else {
            throw DomainError.invalid("birthDate", "出生日期 \(birth) 晚于今天 \(today)", reason: "date_in_future")
        }
        guard birth >= earliestBirthDate else {
            throw DomainError.invalid(
                "birthDate",
                "出生日期 \(birth) 早于 \(earliestBirthDate)，请核对",
                reason: "date_too_early"
            )
        }
        if let idBirth = identity?.birthDate, idBirth != birth {
            throw DomainError.invalid(
                "birthDate",
                "身份证号中的出生日期 \(idBirth) 与出生日期 \(birth) 不一致",
                reason: "id_birth_mismatch"
            )
        }
    }

    private static func validateIdentityGender(_ draft: MemberDraft, identity: IdentityNumber?) throws(DomainError) {
        if let gender = identity?.gender, gender != draft.gender {
            throw DomainError.invalid(
                "gender",
                "身份证号中的性别（\(gender.rawValue)）与性别（\(draft.gender.rawValue)）不一致",
                reason: "id_gender_mismatch"
            )
        }
    }

    private static func validateEventDate(
        _ date: LocalDate,
        field: String,
        label: String,
        birth: LocalDate,
        today: LocalDate
    ) throws(DomainError) {
        guard date <= today else {
            throw DomainError.invalid(field, "\(label) \(date) 晚于今天 \(today)", reason: "date_in_future")
        }
        guard date > birth else {
            throw DomainError.invalid(field, "\(label) \(date) 不晚于出生日期 \(birth)", reason: "date_order")
        }
    }

    /// The age rule applies to the admission: the earlier of 入党日期 and 预备期开始日期.
    private static func validateJoinAge(_ draft: MemberDraft) throws(DomainError) {
        let candidates = [(draft.joinDate, "joinDate"), (draft.probationStart, "probationStart")]
            .compactMap { date, field in date.map { ($0, field) } }
        guard let (admitted, field) = candidates.min(by: { $0.0 < $1.0 }), admitted > draft.birthDate else { return }
        let age = draft.birthDate.wholeYears(until: admitted)
        guard age >= minimumJoinAge else {
            let label = field == "joinDate" ? "入党日期" : "预备期开始日期"
            throw DomainError.invalid(
                field,
                "入党时未满\(minimumJoinAge)周岁：出生日期 \(draft.birthDate)，\(label) \(admitted)（\(age) 周岁）",
                reason: "under_age"
            )
        }
    }

    private static func validateProbation(_ draft: MemberDraft) throws(DomainError) {
        if let full = draft.fullDate {
            if draft.category == .probationary {
                throw DomainError.invalid(
                    "fullDate",
                    "预备党员不应有转正日期 \(full)；已转正的请将人员类别改为正式党员",
                    reason: "probationary_with_full_date"
                )
            }
            if let start = draft.probationStart, full <= start {
                throw DomainError.invalid("fullDate", "转正日期 \(full) 应晚于预备期开始日期 \(start)", reason: "date_order")
            }
            if let join = draft.joinDate, full < join {
                throw DomainError.invalid("fullDate", "转正日期 \(full) 早于入党日期 \(join)", reason: "date_order")
            }
        }
        if draft.category == .probationary, draft.probationStart == nil, draft.joinDate == nil {
            throw DomainError.invalid(
                "probationStart",
                "预备党员须填写预备期开始日期（支部大会日期），预备期到期提醒据此计算",
                reason: "probation_start_missing"
            )
        }
    }

    private static func validateOptionalText(_ draft: MemberDraft) throws(DomainError) {
        if let phone = nonBlank(draft.phone) { try validatePhone(phone) }
        if let email = nonBlank(draft.email) { try validateEmail(email) }
        let limits: [(String?, String, String, Int)] = [
            (draft.ethnicity, "ethnicity", "民族", 20),
            (draft.education, "education", "学历", 50),
            (draft.job, "job", "工作岗位", 100),
            (draft.workUnit, "workUnit", "工作单位", 200),
            (draft.remarks, "remarks", "备注", maxRemarksLength),
        ]
        for case let (text?, field, label, limit) in limits {
            if exceeds(text, limit) {
                throw DomainError.invalid(field, "\(label)过长（最多 \(limit) 字）", reason: "too_long")
            }
            try TextRules.validate(text, field: field, label: label, shape: field == "remarks" ? .multiline : .line)
        }
    }

    private static func validateCodes(_ draft: MemberDraft) throws(DomainError) {
        let org = draft.orgCode.trimmedWhitespace
        guard !org.isEmpty else {
            throw DomainError.invalid("orgCode", "所在党组织代码不能为空", reason: "empty_org_code")
        }
        try OrgRules.validateCode(org, field: "orgCode")
        if let group = nonBlank(draft.groupCode) { try OrgRules.validateCode(group, field: "groupCode") }
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let trimmed = text?.trimmedWhitespace, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Whether `text` has more than `limit` characters, without counting them when its UTF-8 length settles it.
    static func exceeds(_ text: String, _ limit: Int) -> Bool {
        text.utf8.count > limit && text.count > limit
    }

    private static func label(_ member: Member) -> String { "\(member.name)（\(member.idNumber)）" }
}
