import Foundation

/// The rules an organization change must satisfy, as pure functions: they take the records involved and
/// either return normally or throw a ``DomainError`` naming the rule in Chinese.
///
/// Storage calls them inside the transaction that applies the change, so the facts they judge cannot
/// move underneath them.
package enum OrgRules {
    /// The longest accepted 组织代码.
    package static let maxCodeLength = 64
    /// The longest accepted 组织名称.
    package static let maxNameLength = 200

    /// Checks an 组织代码: 1-64 characters of letters, digits, `-`, `_` or `.`.
    package static func validateCode(_ code: String, field: String = "code") throws(DomainError) {
        let ok =
            !code.isEmpty && code.count <= maxCodeLength
            && code.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            }
        guard ok else {
            throw DomainError.invalid(
                field,
                "组织代码“\(code)”无效：须为 1-\(maxCodeLength) 位字母、数字或 - _ .",
                reason: "invalid_code"
            )
        }
    }

    /// Checks a 组织名称: not blank, at most 200 characters.
    package static func validateName(_ name: String, field: String = "name") throws(DomainError) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DomainError.invalid(field, "组织名称不能为空", reason: "empty_name") }
        guard trimmed.count <= maxNameLength else {
            throw DomainError.invalid(field, "组织名称过长（最多 \(maxNameLength) 字）", reason: "name_too_long")
        }
        try TextRules.validate(trimmed, field: field, label: "组织名称", shape: .name)
    }

    /// The longest accepted 单位名称, 单位类别 and 联系方式, by field.
    package static let descriptionLimits: [(field: String, label: String, limit: Int)] = [
        ("unitName", "单位名称", 200), ("unitCategory", "单位类别", 50), ("contact", "联系方式", 100),
    ]

    /// Checks an organization's descriptive text (单位名称, 单位类别, 联系方式): one line each, within its limit.
    package static func validateDescription(field: String, _ text: String) throws(DomainError) {
        guard let (_, label, limit) = descriptionLimits.first(where: { $0.field == field }) else { return }
        if MemberRules.exceeds(text, limit) {
            throw DomainError.invalid(field, "\(label)过长（最多 \(limit) 字）", reason: "too_long")
        }
        try TextRules.validate(text, field: field, label: label, shape: .line)
    }

    /// Refuses any change to a revoked organization: it is kept read-only until deleted.
    package static func requireActive(_ org: Organization, field: String = "code") throws(DomainError) {
        guard org.isActive else {
            throw DomainError(.rule, reason: "org.revoked", field: field, message: "\(org.label)已撤销，只读，不能修改")
        }
    }

    /// Checks that `kind` may be placed under `parent` (or at the top when there is none).
    package static func validatePlacement(
        kind: OrgKind,
        under parent: Organization?,
        field: String = "parent"
    ) throws(DomainError) {
        guard let parent else {
            guard kind.canBeRoot else {
                throw DomainError(.rule, reason: "org.nesting", field: field, message: "党小组必须设在党支部或联合党支部之下")
            }
            return
        }
        guard parent.isActive else {
            throw DomainError(
                .rule,
                reason: "org.revoked",
                field: field,
                message: "上级组织\(parent.label)已撤销，不能在其下设立或转入组织"
            )
        }
        guard parent.kind.canContain(kind) else {
            throw DomainError(
                .rule,
                reason: "org.nesting",
                field: field,
                message:
                    "\(parent.kind.rawValue)\(parent.label)下不能设立\(kind.rawValue)：\(parent.kind.rawValue)之下只能设立\(parent.kind.childKindNames)"
            )
        }
    }

    /// Checks a new organization: code, name, placement and founding date (not in the future).
    package static func validateNew(
        code: String,
        name: String,
        kind: OrgKind,
        parent: Organization?,
        founded: LocalDate?,
        today: LocalDate
    ) throws(DomainError) {
        try validateCode(code)
        try validateName(name)
        try validatePlacement(kind: kind, under: parent)
        if let founded { try validateFounded(founded, today: today) }
    }

    /// A founding date may not lie in the future.
    package static func validateFounded(_ founded: LocalDate, today: LocalDate) throws(DomainError) {
        guard founded <= today else {
            throw DomainError.invalid("founded", "成立日期 \(founded) 晚于今天 \(today)", reason: "date_in_future")
        }
    }

    /// Checks a change of kind: the parent must accept the new kind, the new kind must accept every child,
    /// and members may stay only in a kind that holds members.
    package static func validateKindChange(
        _ org: Organization,
        to newKind: OrgKind,
        parent: Organization?,
        childKinds: Set<OrgKind>,
        memberCount: Int
    ) throws(DomainError) {
        try requireActive(org)
        try validatePlacement(kind: newKind, under: parent, field: "kind")
        for child in OrgKind.allCases where childKinds.contains(child) && !newKind.canContain(child) {
            throw DomainError(
                .rule,
                reason: "org.nesting",
                field: "kind",
                message:
                    "\(org.label)下有\(child.rawValue)，改为\(newKind.rawValue)后不合规：\(newKind.rawValue)之下只能设立\(newKind.childKindNames)"
            )
        }
        if memberCount > 0 && !newKind.holdsMembers {
            throw DomainError(
                .rule,
                reason: "org.has_members",
                field: "kind",
                message:
                    "\(org.label)有 \(memberCount) 名党员，\(newKind.rawValue)不直接管理党员；请先将党员转入其他支部，或新建\(newKind.rawValue)后将本支部转移到其下"
            )
        }
    }

    /// Checks 整建制转移: never under itself or a descendant, and the new parent must accept the kind.
    package static func validateMove(_ org: Organization, to newParent: Organization) throws(DomainError) {
        try requireActive(org)
        guard !newParent.path.isWithin(org.path) else {
            throw DomainError(
                .rule,
                reason: "org.move_into_subtree",
                field: "to",
                message: "不能将\(org.label)转移到其自身或其下级组织\(newParent.label)之下"
            )
        }
        try validatePlacement(kind: org.kind, under: newParent, field: "to")
    }

    /// Checks a merge of `source` into `target`: distinct, neither inside the other, and the target must be able
    /// to take every child and (when there are any) the members.
    package static func validateMerge(
        _ source: Organization,
        into target: Organization,
        childKinds: Set<OrgKind>,
        memberCount: Int
    ) throws(DomainError) {
        try requireActive(source)
        guard source.id != target.id else {
            throw DomainError(.rule, reason: "org.merge_self", field: "into", message: "不能将组织合并到其自身")
        }
        try requireActive(target, field: "into")
        guard !target.path.isWithin(source.path) else {
            throw DomainError(
                .rule,
                reason: "org.move_into_subtree",
                field: "into",
                message: "不能将\(source.label)合并到其下级组织\(target.label)"
            )
        }
        for child in OrgKind.allCases where childKinds.contains(child) && !target.kind.canContain(child) {
            throw DomainError(
                .rule,
                reason: "org.nesting",
                field: "into",
                message:
                    "\(source.label)下有\(child.rawValue)，而\(target.kind.rawValue)\(target.label)之下只能设立\(target.kind.childKindNames)"
            )
        }
        if memberCount > 0 && !target.kind.holdsMembers {
            throw DomainError(
                .rule,
                reason: "org.has_members",
                field: "into",
                message: "\(source.label)有 \(memberCount) 名党员，只能合并到党支部或联合党支部，\(target.label)是\(target.kind.rawValue)"
            )
        }
    }

    /// Checks 撤销: only an active organization with no members and no active children.
    package static func validateRevoke(
        _ org: Organization,
        activeChildren: Int,
        memberCount: Int,
        on date: LocalDate,
        today: LocalDate,
        reason: String
    ) throws(DomainError) {
        try requireActive(org)
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DomainError.invalid("reason", "撤销原因不能为空", reason: "empty_reason")
        }
        try TextRules.validate(reason.trimmedWhitespace, field: "reason", label: "撤销原因", shape: .multiline)
        guard date <= today else {
            throw DomainError.invalid("date", "撤销日期 \(date) 晚于今天 \(today)", reason: "date_in_future")
        }
        if let founded = org.founded, date < founded {
            throw DomainError.invalid("date", "撤销日期 \(date) 早于成立日期 \(founded)", reason: "date_order")
        }
        try requireEmpty(org, children: activeChildren, members: memberCount, action: "撤销")
    }

    /// Checks 删除: no children of any status and no member records at all.
    package static func validateDelete(_ org: Organization, children: Int, memberCount: Int) throws(DomainError) {
        try requireEmpty(org, children: children, members: memberCount, action: "删除")
    }

    private static func requireEmpty(
        _ org: Organization,
        children: Int,
        members: Int,
        action: String
    ) throws(DomainError) {
        if members > 0 {
            throw DomainError(
                .notEmpty,
                reason: "org.not_empty",
                field: "code",
                message: "\(org.label)还有 \(members) 名党员（含历史党员记录），不能\(action)；请先转出或合并"
            )
        }
        if children > 0 {
            throw DomainError(
                .notEmpty,
                reason: "org.not_empty",
                field: "code",
                message: "\(org.label)还有 \(children) 个下级组织，不能\(action)；请先转移、合并或撤销下级组织"
            )
        }
    }
}
