import Domain
import Foundation
import Store

/// Finding organizations named in requests, with the Chinese "not found" every handler gives.
enum OrgLookup {
    static func notFound(_ code: String, field: String) -> DomainError {
        DomainError.notFound(field, "党组织“\(code)”不存在", reason: "org.not_found")
    }

    /// The organization with `code`, or a not-found refusal naming `field`.
    static func require(_ code: String, field: String = "code", in tx: any StoreReader) throws -> Organization {
        guard let org = try tx.organization(code: code) else { throw notFound(code, field: field) }
        return org
    }
}

/// Finding members named in requests by internal id or identity number.
enum MemberLookup {
    static func notFound(_ reference: String, field: String) -> DomainError {
        DomainError.notFound(field, "党员“\(reference)”不存在（可用内部编号或身份证号）", reason: "member.not_found")
    }

    /// The member named by `reference`, or a not-found refusal naming `field`.
    static func require(_ reference: String, field: String = "member", in tx: any StoreReader) throws -> Member {
        guard let member = try tx.member(reference: reference) else { throw notFound(reference, field: field) }
        return member
    }
}

extension PartyCore {
    /// A page size as asked (`limit`, else `defaultSize`), refused outside `range` with the one message every
    /// listing gives.
    static func pageSize(_ limit: Int?, default defaultSize: Int, in range: ClosedRange<Int>) throws(DomainError) -> Int
    {
        let size = limit ?? defaultSize
        guard range.contains(size) else {
            throw DomainError.invalid("limit", "条数须在 \(range.lowerBound) 到 \(range.upperBound) 之间")
        }
        return size
    }
}
