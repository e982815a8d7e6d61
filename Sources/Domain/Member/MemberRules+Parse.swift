import Foundation

/// Parsing of the enumerated member fields from what people type: the Chinese names the national systems
/// use, plus a few English and short aliases for the console. Latin aliases match case-insensitively.
extension MemberRules {
    /// Aliases accepted for 性别 besides 男 and 女.
    package static let genderAliases: [String: Gender] = [
        "male": .male, "m": .male, "男性": .male,
        "female": .female, "f": .female, "女性": .female,
    ]

    /// Aliases accepted for 人员类别 besides 正式党员 and 预备党员.
    package static let categoryAliases: [String: MemberCategory] = [
        "full": .full, "正式": .full,
        "probationary": .probationary, "probation": .probationary, "预备": .probationary,
    ]

    /// Aliases accepted for 党员标记 besides 困难党员, 流动党员 and 失联.
    package static let flagAliases: [String: MemberFlag] = [
        "hardship": .hardship, "困难": .hardship,
        "flowing": .flowing, "流动": .flowing,
        "lost-contact": .lostContact, "lost_contact": .lostContact, "lost": .lostContact, "失联党员": .lostContact,
    ]

    /// Aliases accepted for the ways of leaving the roll besides 出党, 死亡 and 停止党籍.
    package static let leaveKindAliases: [String: MemberStatus] = [
        "expelled": .expelled, "expel": .expelled,
        "deceased": .deceased, "dead": .deceased, "died": .deceased, "去世": .deceased,
        "suspended": .suspended, "suspend": .suspended,
    ]

    /// The separators accepted between 党员标记: `、` as written on export, and `;` `；` `,` `，`.
    package static let flagSeparators: Set<Character> = ["、", ";", "；", ",", "，"]

    /// Parses 性别 given in `field`: 男, 女, male, female, m, f.
    package static func parseGender(_ text: String, field: String = "gender") throws(DomainError) -> Gender {
        guard let gender = lookUp(text, aliases: genderAliases) else {
            throw DomainError.invalid(field, "性别“\(text)”无效，应为：男、女", reason: "invalid_gender")
        }
        return gender
    }

    /// Parses 人员类别 given in `field`: 正式党员, 预备党员, full, probationary.
    package static func parseCategory(_ text: String, field: String = "category") throws(DomainError) -> MemberCategory
    {
        guard let category = lookUp(text, aliases: categoryAliases) else {
            throw DomainError.invalid(
                field,
                "人员类别“\(text)”无效，应为：\(names(MemberCategory.allCases))",
                reason: "invalid_category"
            )
        }
        return category
    }

    /// Parses one 党员标记 given in `field`: 困难党员, 流动党员, 失联, or an alias.
    package static func parseFlag(_ text: String, field: String = "flags") throws(DomainError) -> MemberFlag {
        guard let flag = lookUp(text, aliases: flagAliases) else {
            throw DomainError.invalid(field, "党员标记“\(text)”无效，应为：\(names(MemberFlag.allCases))", reason: "invalid_flag")
        }
        return flag
    }

    /// Parses a list of 党员标记 separated by ``flagSeparators``; blank text is the empty set.
    package static func parseFlags(_ text: String, field: String = "flags") throws(DomainError) -> Set<MemberFlag> {
        if let single = lookUp(text, aliases: flagAliases) { return [single] }
        var flags: Set<MemberFlag> = []
        for part in text.split(whereSeparator: { flagSeparators.contains($0) }) {
            let trimmed = String(part).trimmedWhitespace
            if trimmed.isEmpty { continue }
            flags.insert(try parseFlag(trimmed, field: field))
        }
        return flags
    }

    /// Writes flags as the roster does: in ``MemberFlag`` order, joined by `、`.
    package static func formatFlags(_ flags: Set<MemberFlag>) -> String {
        flags.sorted().map(\.rawValue).joined(separator: "、")
    }

    /// Parses a way of leaving the roll given in `field`: 出党, 死亡, 停止党籍, or an alias. 在册 is refused.
    package static func parseLeaveKind(_ text: String, field: String = "kind") throws(DomainError) -> MemberStatus {
        guard let kind = lookUp(text, aliases: leaveKindAliases), MemberStatus.leaveKinds.contains(kind) else {
            throw DomainError.invalid(field, "减少方式“\(text)”无效，应为：\(leaveKindNames)", reason: "invalid_leave_kind")
        }
        return kind
    }

    private static func lookUp<Value: RawRepresentable<String>>(_ text: String, aliases: [String: Value]) -> Value? {
        let trimmed = text.trimmedWhitespace
        return Value(rawValue: trimmed) ?? aliases[trimmed.lowercased()]
    }

    private static func names<Value: RawRepresentable<String>>(_ values: [Value]) -> String {
        values.map(\.rawValue).joined(separator: "、")
    }
}
