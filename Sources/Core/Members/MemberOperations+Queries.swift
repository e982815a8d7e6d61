import Domain
import Foundation
import Store

/// Reading the roster: one member, one's own record, listings, history and the 名册 export.
extension PartyCore {
    /// The largest page of `member.list` and `member.history`.
    package static let maximumMemberPage = 10_000
    /// The largest page of `member.export`.
    package static let maximumExportPage = 100_000

    /// `member.show`: one member by internal id or identity number.
    package func member(_ reference: String, by principal: Principal) async throws -> Member {
        try await read(.memberShow, by: principal, targets: [.member(reference: reference, field: "member")]) { op in
            try MemberLookup.require(reference, in: op.tx)
        }
    }

    /// `me.show`: the member record the caller's account is bound to.
    package func ownRecord(by principal: Principal) async throws -> Member {
        try await read(.meShow, by: principal) { op in
            try MemberLookup.require(String(try Self.requireOwnMember(op.caller)), in: op.tx)
        }
    }

    /// `member.list`: one page of members matching `listing`, with the total.
    package func members(
        _ listing: MemberListing,
        by principal: Principal
    ) async throws -> (
        total: Int, members: [Member]
    ) {
        try await read(.memberList, by: principal, targets: Self.optionalOrg(listing.org, field: "org")) { op in
            let limit = try Self.pageSize(listing.limit, default: 100, in: 0...Self.maximumMemberPage)
            let offset = listing.offset ?? 0
            guard offset >= 0 else { throw DomainError.invalid("offset", "偏移不能为负数") }
            let category = try listing.category?.nonBlank.map { text throws(DomainError) in
                try MemberRules.parseCategory(text)
            }
            let flag = try listing.flag?.nonBlank.map { text throws(DomainError) in try MemberRules.parseFlag(text) }
            if let search = listing.search {
                try TextRules.validate(search, field: "search", label: "搜索内容", shape: .line)
            }
            var query = MemberQuery(
                category: category,
                flag: flag,
                search: listing.search?.nonBlank,
                history: listing.history ?? false,
                limit: limit,
                offset: offset
            )
            if let code = listing.org {
                let org = try OrgLookup.require(code, field: "org", in: op.tx)
                if listing.recursive ?? false { query.subtree = org.path } else { query.orgID = org.id }
            } else {
                query.subtree = op.defaultRoot
            }
            let total = try op.tx.countMembers(query)
            return (total, limit == 0 ? [] : try op.tx.members(query))
        }
    }

    /// `member.history`: roster changes in an organization's subtree (default the caller's scope) or of one
    /// member, newest first.
    package func memberHistory(
        org: String?,
        member: String?,
        limit: Int,
        by principal: Principal
    ) async throws -> [MemberHistoryView] {
        let targets =
            Self.optionalOrg(org, field: "org") + (member.map { [.member(reference: $0, field: "member")] } ?? [])
        let zone = timeZone
        return try await read(.memberHistory, by: principal, targets: targets) { op in
            let limit = try Self.pageSize(limit, default: 100, in: 1...Self.maximumMemberPage)
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            let memberID = try member.map { try MemberLookup.require($0, in: op.tx).id }
            return try op.tx.memberHistory(subtree: root, memberID: memberID, limit: limit).map {
                MemberHistoryView(
                    memberID: $0.memberID,
                    memberName: $0.memberName,
                    at: LocalTime.text($0.at, in: zone),
                    actor: $0.actor,
                    action: $0.action,
                    summary: $0.summary
                )
            }
        }
    }

    /// `member.export`: one page of the 名册 CSV of an organization (or its subtree); the header comes with the
    /// first page.
    package func exportMembers(
        org: String,
        recursive: Bool,
        offset: Int,
        limit: Int?,
        by principal: Principal
    ) async throws -> (rows: Int, total: Int, csv: String) {
        try await read(.memberExport, by: principal, targets: [.organization(code: org, field: "org")]) { op in
            guard offset >= 0 else { throw DomainError.invalid("offset", "偏移不能为负数") }
            if let limit, !(1...Self.maximumExportPage).contains(limit) {
                throw DomainError.invalid("limit", "每页行数须在 1 到 \(Self.maximumExportPage) 之间")
            }
            let org = try OrgLookup.require(org, field: "org", in: op.tx)
            var query = MemberQuery(limit: limit ?? Int.max, offset: offset)
            if recursive { query.subtree = org.path } else { query.orgID = org.id }
            let total = try op.tx.countMembers(query)
            let members = try op.tx.members(query)
            return (members.count, total, RosterCSV.encode(members, header: offset == 0))
        }
    }
}
