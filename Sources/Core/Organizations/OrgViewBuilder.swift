import Domain
import Foundation
import Store

/// Builds the protocol's views of organizations from stored records.
enum OrgViewBuilder {
    /// The detail of one organization with its counts.
    static func detail(_ org: Organization, in tx: any StoreReader) throws -> OrgDetail {
        let parentCode = try org.parentID.flatMap { try tx.codes(of: [$0])[$0] }
        let subtree = try tx.counts(under: org.path)
        return OrgDetail(
            org,
            parentCode: parentCode,
            childCount: try tx.childCount(of: org.id, includeRevoked: false),
            subtreeOrgCount: subtree.organizations,
            memberCount: try tx.memberCount(in: org.id, includeHistory: false),
            subtreeMemberCount: subtree.members
        )
    }

    /// Details of several organizations, for lists.
    static func details(_ orgs: [Organization], in tx: any StoreReader) throws -> [OrgDetail] {
        try orgs.map { try detail($0, in: tx) }
    }

    /// The tree under `root` (or every top-level organization) in pre-order, siblings by code, listing at most
    /// `depth` levels below each root while counting whole subtrees.
    static func tree(root: OrgPath?, depth: Int?, in tx: any StoreReader) throws -> [OrgTreeNode] {
        let orgs = try tx.subtree(of: root, includeRevoked: false)
        let directMembers = try tx.activeMemberCountsByOrganization(under: root)
        var orgCount: [Int64: Int] = [:]
        var memberCount: [Int64: Int] = [:]
        var children: [Int64: [Organization]] = [:]
        var byID: [Int64: Organization] = [:]
        for org in orgs { byID[org.id] = org }
        // Paths sort parents before descendants, so walking backwards finishes every subtree before its parent.
        for org in orgs.reversed() {
            orgCount[org.id, default: 0] += 1
            memberCount[org.id, default: 0] += directMembers[org.id, default: 0]
            if let parent = org.parentID, byID[parent] != nil {
                orgCount[parent, default: 0] += orgCount[org.id, default: 0]
                memberCount[parent, default: 0] += memberCount[org.id, default: 0]
                children[parent, default: []].append(org)
            }
        }
        let tops = orgs.filter { org in org.parentID.map { byID[$0] == nil } ?? true }.sorted { $0.code < $1.code }
        var nodes: [OrgTreeNode] = []
        nodes.reserveCapacity(orgs.count)
        let maxLevel = depth ?? Int.max
        func visit(_ org: Organization, level: Int) {
            nodes.append(
                OrgTreeNode(
                    code: org.code,
                    name: org.name,
                    kind: org.kind,
                    parentCode: org.parentID.flatMap { byID[$0]?.code },
                    level: level,
                    orgCount: orgCount[org.id, default: 1],
                    memberCount: memberCount[org.id, default: 0]
                )
            )
            guard level < maxLevel else { return }
            for child in (children[org.id] ?? []).sorted(by: { $0.code < $1.code }) { visit(child, level: level + 1) }
        }
        for top in tops { visit(top, level: 0) }
        return nodes
    }
}
