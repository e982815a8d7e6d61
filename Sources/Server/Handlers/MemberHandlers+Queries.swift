import Domain
import Foundation
import Store
import Wire

extension MemberHandlers {
    /// The largest page of `member.list` and `member.history`.
    static let maximumPage = 10_000

    /// show, list, history, export and the member's own record.
    static func registerQueries(in registry: inout MethodRegistry) {
        registry.register(MemberShow.self, access: .read, targets: { [.member(reference: $0.member, field: "member")] })
        {
            params,
            context in
            try await context.store.read { tx in try MemberLookup.require(params.member, in: tx) }
        }
        registry.register(MeShow.self, access: .selfService) { _, context in
            guard let memberID = context.caller.memberID else {
                throw DomainError(
                    .rule,
                    reason: "me.not_member",
                    field: nil,
                    message: "当前账户（\(context.caller.role?.label ?? "")）未绑定党员记录"
                )
            }
            return try await context.store.read { tx in try MemberLookup.require(String(memberID), in: tx) }
        }
        registry.register(
            MemberList.self,
            access: .read,
            targets: { $0.org.map { [.organization(code: $0, field: "org")] } ?? [] }
        ) {
            params,
            context in
            let limit = params.limit ?? 100
            guard (0...maximumPage).contains(limit) else {
                throw DomainError.invalid("limit", "条数须在 0 到 \(maximumPage) 之间")
            }
            guard (params.offset ?? 0) >= 0 else { throw DomainError.invalid("offset", "偏移不能为负数") }
            let category = try params.category?.nonBlank.map { text throws(DomainError) in
                try MemberRules.parseCategory(text)
            }
            let flag = try params.flag?.nonBlank.map { text throws(DomainError) in try MemberRules.parseFlag(text) }
            let defaultRoot = context.defaultRoot
            return try await context.store.read { tx in
                var query = MemberQuery(
                    category: category,
                    flag: flag,
                    search: params.search?.nonBlank,
                    history: params.history ?? false,
                    limit: limit,
                    offset: params.offset ?? 0
                )
                if let code = params.org {
                    let org = try OrgLookup.require(code, field: "org", in: tx)
                    if params.recursive ?? false { query.subtree = org.path } else { query.orgID = org.id }
                } else {
                    query.subtree = defaultRoot
                }
                let total = try tx.countMembers(query)
                return MemberList.Result(total: total, members: limit == 0 ? [] : try tx.members(query))
            }
        }
        registry.register(
            MemberHistory.self,
            access: .read,
            targets: { params in
                (params.org.map { [ScopeTarget.organization(code: $0, field: "org")] } ?? [])
                    + (params.member.map { [ScopeTarget.member(reference: $0, field: "member")] } ?? [])
            }
        ) { params, context in
            let limit = params.limit ?? 100
            guard (1...maximumPage).contains(limit) else {
                throw DomainError.invalid("limit", "条数须在 1 到 \(maximumPage) 之间")
            }
            let defaultRoot = context.defaultRoot
            return try await context.store.read { tx in
                let root = try params.org.map { try OrgLookup.require($0, field: "org", in: tx).path } ?? defaultRoot
                let memberID = try params.member.map { try MemberLookup.require($0, in: tx).id }
                return MemberHistory.Result(
                    entries: try tx.memberHistory(subtree: root, memberID: memberID, limit: limit).map {
                        MemberHistoryView(
                            memberID: $0.memberID,
                            memberName: $0.memberName,
                            at: $0.at,
                            actor: $0.actor,
                            action: $0.action,
                            summary: $0.summary
                        )
                    }
                )
            }
        }
        registry.register(MemberExport.self, access: .read, targets: { [.organization(code: $0.org, field: "org")] }) {
            params,
            context in
            let offset = params.offset ?? 0
            guard offset >= 0 else { throw DomainError.invalid("offset", "偏移不能为负数") }
            if let limit = params.limit, !(1...MemberExport.maximumPage).contains(limit) {
                throw DomainError.invalid("limit", "每页行数须在 1 到 \(MemberExport.maximumPage) 之间")
            }
            return try await context.store.read { tx in
                let org = try OrgLookup.require(params.org, field: "org", in: tx)
                var query = MemberQuery(limit: params.limit ?? Int.max, offset: offset)
                if params.recursive ?? false { query.subtree = org.path } else { query.orgID = org.id }
                let total = try tx.countMembers(query)
                let members = try tx.members(query)
                return MemberExport.Result(
                    rows: members.count,
                    total: total,
                    csv: RosterCSV.encode(members, header: offset == 0)
                )
            }
        }
    }
}
