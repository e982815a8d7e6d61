/// An organization as a 党组织采集表 row describes it: its own fields, and its parent named by code.
package struct OrgDraft: Sendable, Codable, Equatable {
    /// 组织代码.
    package var code: String
    /// 组织名称.
    package var name: String
    /// 组织类别.
    package var kind: OrgKind
    /// 上级组织代码; nil at the top of a tree.
    package var parentCode: String?
    /// 成立日期.
    package var founded: LocalDate?
    /// 单位名称.
    package var unitName: String?
    /// 单位类别.
    package var unitCategory: String?
    /// 联系方式.
    package var contact: String?

    /// Creates a draft.
    package init(
        code: String,
        name: String,
        kind: OrgKind,
        parentCode: String? = nil,
        founded: LocalDate? = nil,
        unitName: String? = nil,
        unitCategory: String? = nil,
        contact: String? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.founded = founded
        self.unitName = unitName
        self.unitCategory = unitCategory
        self.contact = contact
    }

    /// The fields of a stored organization, with its parent's code.
    package init(_ organization: Organization, parentCode: String?) {
        self.init(
            code: organization.code,
            name: organization.name,
            kind: organization.kind,
            parentCode: parentCode,
            founded: organization.founded,
            unitName: organization.unitName,
            unitCategory: organization.unitCategory,
            contact: organization.contact
        )
    }
}

/// One organization row of an imported 党组织采集表 that passed its own checks, with the line it came from.
package struct OrgRow: Sendable, Codable, Equatable {
    /// The 1-based line of the file where the row starts.
    package var row: Int
    /// The organization the row describes.
    package var draft: OrgDraft

    /// Creates a row.
    package init(row: Int, draft: OrgDraft) {
        self.row = row
        self.draft = draft
    }
}

/// What decoding a 党组织采集表 produced: the rows that passed their checks, and every problem in the others.
package struct OrgDecodeResult: Sendable, Codable, Equatable {
    /// The valid rows, in file order.
    package var rows: [OrgRow]
    /// Every problem, in file order.
    package var errors: [RosterRowError]
    /// Problems found beyond the first ``RosterRowError/keptLimit``, counted but not kept: a file of junk must
    /// not fill the daemon's memory with messages nobody will read.
    package var omittedErrors: Int
    /// The data rows of the file (blank rows aside), valid or not.
    package var dataRows: Int

    /// Creates a result.
    package init(rows: [OrgRow], errors: [RosterRowError], omittedErrors: Int = 0, dataRows: Int? = nil) {
        self.rows = rows
        self.errors = errors
        self.omittedErrors = omittedErrors
        self.dataRows = dataRows ?? rows.count
    }

    /// The drafts of the valid rows, in file order.
    package var drafts: [OrgDraft] { rows.map(\.draft) }
}
