/// A new organization's fields as typed: `kind` takes the Chinese name or an alias, dates are YYYY-MM-DD. The
/// operation parses and checks them, so that the caller learns in Chinese which value is wrong.
package struct OrgFields: Codable, Sendable, Equatable {
    /// 组织代码.
    package var code: String
    /// 组织名称.
    package var name: String
    /// 组织类别.
    package var kind: String
    /// The parent's code; omitted for a top-level organization.
    package var parent: String?
    /// 成立日期.
    package var founded: String?
    /// 单位名称.
    package var unitName: String?
    /// 单位类别.
    package var unitCategory: String?
    /// 联系方式.
    package var contact: String?

    /// Creates the parameters.
    package init(
        code: String,
        name: String,
        kind: String,
        parent: String? = nil,
        founded: String? = nil,
        unitName: String? = nil,
        unitCategory: String? = nil,
        contact: String? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parent = parent
        self.founded = founded
        self.unitName = unitName
        self.unitCategory = unitCategory
        self.contact = contact
    }
}

/// Changes to an organization's descriptive fields as typed; absent ones stay as they are, and an empty string
/// clears an optional one.
package struct OrgEdits: Codable, Sendable, Equatable {
    /// 组织代码 of the organization to edit.
    package var code: String
    /// New 组织名称.
    package var name: String?
    /// New 成立日期.
    package var founded: String?
    /// New 单位名称.
    package var unitName: String?
    /// New 单位类别.
    package var unitCategory: String?
    /// New 联系方式.
    package var contact: String?
    /// Creates the parameters.
    package init(
        code: String,
        name: String? = nil,
        founded: String? = nil,
        unitName: String? = nil,
        unitCategory: String? = nil,
        contact: String? = nil
    ) {
        self.code = code
        self.name = name
        self.founded = founded
        self.unitName = unitName
        self.unitCategory = unitCategory
        self.contact = contact
    }
}
