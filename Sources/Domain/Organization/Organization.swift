/// Whether an organization is working or has been revoked (撤销).
package enum OrgStatus: String, Sendable, Codable, CaseIterable {
    /// In service.
    case active
    /// Revoked: kept read-only in the revoked list until deleted.
    case revoked
}

/// A Party organization in the tree (党组织), as stored and as shown.
package struct Organization: Sendable, Codable, Equatable {
    /// The internal identifier, stable for the organization's life.
    package var id: Int64
    /// 组织代码: unique, chosen by the organization department.
    package var code: String
    /// 组织名称.
    package var name: String
    /// 组织类别.
    package var kind: OrgKind
    /// The internal identifier of the parent; nil at the top of a tree.
    package var parentID: Int64?
    /// The position in the tree: see ``OrgPath``.
    package var path: OrgPath
    /// 成立日期.
    package var founded: LocalDate?
    /// 单位名称: the unit the organization is set up in.
    package var unitName: String?
    /// 单位类别 (企业, 机关, 事业单位, 农村, 社区 ...).
    package var unitCategory: String?
    /// A contact person or telephone.
    package var contact: String?
    /// Active or revoked.
    package var status: OrgStatus
    /// 撤销日期, when revoked.
    package var revokedOn: LocalDate?
    /// 撤销原因, when revoked.
    package var revokedReason: String?

    /// Creates an organization record.
    package init(
        id: Int64,
        code: String,
        name: String,
        kind: OrgKind,
        parentID: Int64?,
        path: OrgPath,
        founded: LocalDate? = nil,
        unitName: String? = nil,
        unitCategory: String? = nil,
        contact: String? = nil,
        status: OrgStatus = .active,
        revokedOn: LocalDate? = nil,
        revokedReason: String? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.path = path
        self.founded = founded
        self.unitName = unitName
        self.unitCategory = unitCategory
        self.contact = contact
        self.status = status
        self.revokedOn = revokedOn
        self.revokedReason = revokedReason
    }

    /// Whether the organization is still in service.
    package var isActive: Bool { status == .active }

    /// The label used in messages: `name（code）`.
    package var label: String { "\(name)（\(code)）" }
}
