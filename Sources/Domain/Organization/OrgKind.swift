import Foundation

/// The kinds of Party organization the national systems know, named by their Chinese names on the wire.
package enum OrgKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// 党委 (基层党委 and above).
    case committee = "党委"
    /// 党总支 (总支部).
    case generalBranch = "党总支"
    /// 党支部.
    case branch = "党支部"
    /// 联合党支部, a branch shared by several small units.
    case jointBranch = "联合党支部"
    /// 党小组, a group of members inside a branch.
    case group = "党小组"
    /// 党组, the leading group of a state organ, found at the top of a tree.
    case leadingGroup = "党组"
    /// 党工委 (工作委员会), found at the top of a tree, e.g. for a district or a development zone.
    case workingCommittee = "党工委"

    /// English and short aliases the console accepts besides the Chinese name.
    package static let aliases: [String: OrgKind] = [
        "committee": .committee, "dangwei": .committee,
        "general-branch": .generalBranch, "general_branch": .generalBranch, "zongzhi": .generalBranch,
        "总支": .generalBranch, "党总支部": .generalBranch,
        "branch": .branch, "zhibu": .branch, "支部": .branch,
        "joint-branch": .jointBranch, "joint_branch": .jointBranch, "联合支部": .jointBranch,
        "group": .group, "xiaozu": .group, "小组": .group,
        "leading-group": .leadingGroup, "leading_group": .leadingGroup, "dangzu": .leadingGroup,
        "working-committee": .workingCommittee, "working_committee": .workingCommittee, "党工作委员会": .workingCommittee,
    ]

    /// Resolves a Chinese name or an alias, case-insensitively for the Latin ones.
    package static func parse(_ text: String) -> OrgKind? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return OrgKind(rawValue: trimmed) ?? aliases[trimmed.lowercased()]
    }

    /// Parses a kind given in `field`, or refuses listing the accepted names.
    package static func parse(_ text: String, field: String) throws(DomainError) -> OrgKind {
        guard let kind = parse(text) else {
            let names = OrgKind.allCases.map(\.rawValue).joined(separator: "、")
            throw DomainError.invalid(field, "组织类别“\(text)”无效，应为：\(names)", reason: "invalid_kind")
        }
        return kind
    }
}

extension OrgKind {
    /// Which kinds may sit directly under which (《中国共产党支部工作条例》 and the national system's rules).
    ///
    /// A 支部 or 联合支部 holds only 党小组; a 党小组 holds nothing; committees hold committees and branches.
    package static let allowedChildren: [OrgKind: Set<OrgKind>] = [
        .committee: [.committee, .workingCommittee, .generalBranch, .branch, .jointBranch],
        .workingCommittee: [.committee, .workingCommittee, .generalBranch, .branch, .jointBranch],
        .leadingGroup: [.committee, .generalBranch, .branch, .jointBranch],
        .generalBranch: [.branch, .jointBranch],
        .branch: [.group],
        .jointBranch: [.group],
        .group: [],
    ]

    /// Whether an organization of this kind may have `child` directly under it.
    package func canContain(_ child: OrgKind) -> Bool {
        OrgKind.allowedChildren[self, default: []].contains(child)
    }

    /// Whether members are registered directly in this kind (only 支部 and 联合支部).
    package var holdsMembers: Bool { self == .branch || self == .jointBranch }

    /// Whether this kind may stand at the top of a tree; a 党小组 always lives inside a branch.
    package var canBeRoot: Bool { self != .group }

    /// The kinds this kind may contain, in declaration order, for messages.
    package var childKindNames: String {
        let names = OrgKind.allCases.filter(canContain).map(\.rawValue)
        return names.isEmpty ? "任何下级组织" : names.joined(separator: "、")
    }
}
