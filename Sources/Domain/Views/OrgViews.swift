/// An organization as the protocol shows it: its fields, its parent's code and the counts of its subtree.
package struct OrgDetail: Codable, Sendable, Equatable {
    /// 组织代码.
    package var code: String
    /// 组织名称.
    package var name: String
    /// 组织类别.
    package var kind: OrgKind
    /// The parent's code; nil at the top of a tree.
    package var parentCode: String?
    /// 成立日期.
    package var founded: LocalDate?
    /// 单位名称.
    package var unitName: String?
    /// 单位类别.
    package var unitCategory: String?
    /// 联系方式.
    package var contact: String?
    /// active or revoked.
    package var status: OrgStatus
    /// 撤销日期.
    package var revokedOn: LocalDate?
    /// 撤销原因.
    package var revokedReason: String?
    /// Levels above it.
    package var depth: Int
    /// Direct children in service.
    package var childCount: Int
    /// Organizations in service in its subtree, itself included.
    package var subtreeOrgCount: Int
    /// Members on the roll registered directly in it.
    package var memberCount: Int
    /// Members on the roll in its whole subtree.
    package var subtreeMemberCount: Int

    /// Creates the view of `org` with its counts.
    package init(
        _ org: Organization,
        parentCode: String?,
        childCount: Int,
        subtreeOrgCount: Int,
        memberCount: Int,
        subtreeMemberCount: Int
    ) {
        code = org.code
        name = org.name
        kind = org.kind
        self.parentCode = parentCode
        founded = org.founded
        unitName = org.unitName
        unitCategory = org.unitCategory
        contact = org.contact
        status = org.status
        revokedOn = org.revokedOn
        revokedReason = org.revokedReason
        depth = org.path.depth
        self.childCount = childCount
        self.subtreeOrgCount = subtreeOrgCount
        self.memberCount = memberCount
        self.subtreeMemberCount = subtreeMemberCount
    }
}

/// One line of `org.tree`: an organization, its level below the root asked for, and its subtree's counts.
package struct OrgTreeNode: Codable, Sendable, Equatable {
    /// 组织代码.
    package var code: String
    /// 组织名称.
    package var name: String
    /// 组织类别.
    package var kind: OrgKind
    /// The parent's code.
    package var parentCode: String?
    /// 0 for the root of the listing.
    package var level: Int
    /// Organizations in service in its subtree, itself included.
    package var orgCount: Int
    /// Members on the roll in its subtree.
    package var memberCount: Int

    /// Creates a node.
    package init(
        code: String,
        name: String,
        kind: OrgKind,
        parentCode: String?,
        level: Int,
        orgCount: Int,
        memberCount: Int
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.level = level
        self.orgCount = orgCount
        self.memberCount = memberCount
    }
}

/// One change in an organization's history.
package struct HistoryEntry: Codable, Sendable, Equatable {
    /// When (ISO 8601, with the configured zone's offset).
    package var at: String
    /// Who (Unix user).
    package var actor: String
    /// What kind of change, e.g. `org.rename`.
    package var action: String
    /// A Chinese summary: what changed from what to what.
    package var summary: String

    /// Creates an entry.
    package init(at: String, actor: String, action: String, summary: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.summary = summary
    }
}
