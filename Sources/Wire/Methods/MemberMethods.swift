import Domain

/// Parameters naming one member by internal id or identity number.
package struct MemberRefParams: Codable, Sendable {
    /// Internal id or identity number.
    package var member: String
    /// Creates the parameters.
    package init(member: String) { self.member = member }
}

/// `member.add`: registers a member in a 党支部 or 联合党支部.
package enum MemberAdd: RPCMethod {
    /// The branch and the fields; name, gender, birthDate and idNumber are required.
    package struct Params: Codable, Sendable {
        /// The branch's code.
        package var org: String
        /// The fields.
        package var fields: MemberFields
        /// Creates the parameters.
        package init(org: String, fields: MemberFields) {
            self.org = org
            self.fields = fields
        }
    }
    package typealias Result = Member
    package static let name = "member.add"
    package static let summary = "新增党员"
}

/// `member.show`: one member record.
package enum MemberShow: RPCMethod {
    package typealias Params = MemberRefParams
    package typealias Result = Member
    package static let name = "member.show"
    package static let summary = "查看党员信息"
}

/// `member.edit`: changes fields of a member record (not the branch: see `member.move`).
package enum MemberEdit: RPCMethod {
    /// The member and the fields to change.
    package struct Params: Codable, Sendable {
        /// Internal id or identity number.
        package var member: String
        /// The fields to change.
        package var fields: MemberFields
        /// Creates the parameters.
        package init(member: String, fields: MemberFields) {
            self.member = member
            self.fields = fields
        }
    }
    package typealias Result = Member
    package static let name = "member.edit"
    package static let summary = "修改党员信息"
}

/// `member.move`: 支部间调整 within one 党委.
package enum MemberMove: RPCMethod {
    /// The member and the receiving branch.
    package struct Params: Codable, Sendable {
        /// Internal id or identity number.
        package var member: String
        /// The receiving branch's code.
        package var to: String
        /// Creates the parameters.
        package init(member: String, to: String) {
            self.member = member
            self.to = to
        }
    }
    package typealias Result = Member
    package static let name = "member.move"
    package static let summary = "党员支部间调整（同一党委内）"
}

/// `member.list`: members of an organization or its subtree, filtered and paged.
package enum MemberList: RPCMethod {
    package typealias Params = MemberListing
    /// One page and the total.
    package struct Result: Codable, Sendable {
        /// All matches, regardless of paging.
        package var total: Int
        /// This page.
        package var members: [Member]
        /// Creates the page.
        package init(total: Int, members: [Member]) {
            self.total = total
            self.members = members
        }
    }
    package static let name = "member.list"
    package static let summary = "党员名单（可含下级组织，按类别、标记、姓名或身份证号筛选）"
}

/// `member.leave`: moves a member to history (出党, 死亡, 停止党籍).
package enum MemberLeave: RPCMethod {
    /// The member, the way of leaving, the date and the reason.
    package struct Params: Codable, Sendable {
        /// Internal id or identity number.
        package var member: String
        /// 出党, 死亡 or 停止党籍.
        package var kind: String
        /// The date.
        package var date: String
        /// The reason.
        package var reason: String
        /// Creates the parameters.
        package init(member: String, kind: String, date: String, reason: String) {
            self.member = member
            self.kind = kind
            self.date = date
            self.reason = reason
        }
    }
    package typealias Result = Member
    package static let name = "member.leave"
    package static let summary = "党员出党、死亡或停止党籍（转入历史党员）"
}

/// `member.restore`: puts a member in history back on the roll.
package enum MemberRestore: RPCMethod {
    package typealias Params = MemberRefParams
    package typealias Result = Member
    package static let name = "member.restore"
    package static let summary = "恢复历史党员为在册"
}

/// `member.history`: roster changes in an organization's subtree or of one member.
package enum MemberHistory: RPCMethod {
    /// Which history.
    package struct Params: Codable, Sendable {
        /// The organization's code; defaults to the caller's scope.
        package var org: String?
        /// One member instead.
        package var member: String?
        /// At most this many (default 100, at most 10000).
        package var limit: Int?
        /// Creates the parameters.
        package init(org: String? = nil, member: String? = nil, limit: Int? = nil) {
            self.org = org
            self.member = member
            self.limit = limit
        }
    }
    /// Newest first.
    package struct Result: Codable, Sendable {
        /// The lines.
        package var entries: [MemberHistoryView]
        /// Creates the list.
        package init(entries: [MemberHistoryView]) { self.entries = entries }
    }
    package static let name = "member.history"
    package static let summary = "党员变动历史"
}

/// `member.export`: the 名册 CSV of an organization or its subtree.
package enum MemberExport: RPCMethod {
    /// Which members.
    package struct Params: Codable, Sendable {
        /// The organization's code.
        package var org: String
        /// Include the whole subtree.
        package var recursive: Bool?
        /// Skip this many rows: for delivery in pages (default 0).
        package var offset: Int?
        /// At most this many rows (1...100,000); absent = every row in one reply.
        package var limit: Int?
        /// Creates the parameters.
        package init(org: String, recursive: Bool? = nil, offset: Int? = nil, limit: Int? = nil) {
            self.org = org
            self.recursive = recursive
            self.offset = offset
            self.limit = limit
        }
    }
    /// The file, or one page of it.
    package struct Result: Codable, Sendable {
        /// Rows in this reply (without the header).
        package var rows: Int
        /// Rows in the whole export.
        package var total: Int
        /// The CSV text (UTF-8 with BOM, CRLF), as docs/roster-csv.md describes. Only the page at offset 0
        /// carries the byte order mark and the header, so pages concatenate into the whole file.
        package var csv: String
        /// Creates the result.
        package init(rows: Int, total: Int, csv: String) {
            self.rows = rows
            self.total = total
            self.csv = csv
        }
    }
    /// The largest page.
    package static let maximumPage = 100_000
    package static let name = "member.export"
    package static let summary = "导出党员名册 CSV"
}

/// `me.show`: the caller's own member record.
package enum MeShow: RPCMethod {
    package typealias Params = NoParams
    package typealias Result = Member
    package static let name = "me.show"
    package static let summary = "查看本人党员信息"
}
