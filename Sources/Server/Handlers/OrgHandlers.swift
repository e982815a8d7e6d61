import Domain
import Foundation
import Store
import Wire

/// `org.*` methods that create and describe organizations. Structural changes are in
/// `OrgHandlers+Structure.swift`, queries in `OrgHandlers+Queries.swift`.
enum OrgHandlers {
    static func register(in registry: inout MethodRegistry) {
        registry.register(
            OrgAdd.self,
            access: .write,
            targets: { params in
                // Without a parent the new organization tops a tree: within no subtree, admins only.
                [
                    params.parent?.nonBlank.map { .organization(code: $0, field: "parent") }
                        ?? .forestTop(field: "parent")
                ]
            }
        ) {
            params,
            context in
            try await add(params, context)
        }
        registry.register(OrgEdit.self, access: .write, targets: { [.organization(code: $0.code, field: "code")] }) {
            params,
            context in
            try await edit(params, context)
        }
        registry.register(OrgRename.self, access: .write, targets: { [.organization(code: $0.code, field: "code")] }) {
            params,
            context in
            try await edit(OrgEdit.Params(code: params.code, name: params.name), context, method: OrgRename.name)
        }
        registry.register(OrgSetKind.self, access: .write, targets: { [.organization(code: $0.code, field: "code")] }) {
            params,
            context in
            try await setKind(params, context)
        }
        registerStructure(in: &registry)
        registerQueries(in: &registry)
    }

    private static func add(_ params: OrgAdd.Params, _ context: RequestContext) async throws -> OrgDetail {
        let kind = try OrgKind.parse(params.kind, field: "kind")
        let founded = try params.founded?.nonBlank.map { text throws(DomainError) in
            try LocalDate.parse(text, field: "founded", label: "成立日期")
        }
        let code = params.code.trimmingCharacters(in: .whitespaces)
        let name = params.name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await context.store.write { tx in
            let parent = try params.parent?.nonBlank.map { try OrgLookup.require($0, field: "parent", in: tx) }
            try OrgRules.validateNew(
                code: code,
                name: name,
                kind: kind,
                parent: parent,
                founded: founded,
                today: context.today
            )
            if let existing = try tx.organization(code: code) {
                throw DomainError(
                    .conflict,
                    reason: "org.duplicate_code",
                    field: "code",
                    message: "组织代码 \(code) 已被\(existing.label)使用"
                )
            }
            let org = try tx.insertOrganization(
                NewOrganization(
                    code: code,
                    name: name,
                    kind: kind,
                    parent: parent,
                    founded: founded,
                    unitName: params.unitName?.nonBlank,
                    unitCategory: params.unitCategory?.nonBlank,
                    contact: params.contact?.nonBlank
                ),
                at: context.timestamp
            )
            let summary = "新建\(kind.rawValue)\(org.label)" + (parent.map { "，上级组织\($0.label)" } ?? "（顶级）")
            try record(tx, context, OrgAdd.name, org, summary)
            return try OrgViewBuilder.detail(org, in: tx)
        }
    }

    private static func edit(
        _ params: OrgEdit.Params,
        _ context: RequestContext,
        method: String = OrgEdit.name
    ) async throws -> OrgDetail {
        let founded = try params.founded.map { text throws(DomainError) -> LocalDate? in
            guard let text = text.nonBlank else { return nil }
            return try LocalDate.parse(text, field: "founded", label: "成立日期")
        }
        if let name = params.name { try OrgRules.validateName(name) }
        if let founded = founded ?? nil { try OrgRules.validateFounded(founded, today: context.today) }
        return try await context.store.write { tx in
            var org = try OrgLookup.require(params.code, in: tx)
            try OrgRules.requireActive(org)
            let before = org
            var changes: [String] = []
            func change<T: Equatable>(
                _ label: String,
                _ keyPath: WritableKeyPath<Organization, T?>,
                _ value: T??,
                _ show: (T?) -> String
            ) {
                guard let value, value != org[keyPath: keyPath] else { return }
                changes.append("\(label)：\(show(org[keyPath: keyPath])) → \(show(value))")
                org[keyPath: keyPath] = value
            }
            if let name = params.name?.trimmingCharacters(in: .whitespacesAndNewlines), name != org.name {
                changes.append("名称：\(org.name) → \(name)")
                org.name = name
            }
            let text: (String?) -> String = { $0 ?? "（空）" }
            change("成立日期", \.founded, founded) { $0?.description ?? "（空）" }
            change("单位名称", \.unitName, params.unitName.map { $0.nonBlank }, text)
            change("单位类别", \.unitCategory, params.unitCategory.map { $0.nonBlank }, text)
            change("联系方式", \.contact, params.contact.map { $0.nonBlank }, text)
            if org != before {
                try tx.updateOrganization(org, at: context.timestamp)
                try record(tx, context, method, org, changes.joined(separator: "；"))
            }
            return try OrgViewBuilder.detail(org, in: tx)
        }
    }

    private static func setKind(_ params: OrgSetKind.Params, _ context: RequestContext) async throws -> OrgDetail {
        let kind = try OrgKind.parse(params.kind, field: "kind")
        return try await context.store.write { tx in
            var org = try OrgLookup.require(params.code, in: tx)
            let parent = try org.parentID.flatMap { try tx.organization(id: $0) }
            try OrgRules.validateKindChange(
                org,
                to: kind,
                parent: parent,
                childKinds: try tx.childKinds(of: org.id),
                memberCount: try tx.memberCount(in: org.id, includeHistory: false)
            )
            guard kind != org.kind else { return try OrgViewBuilder.detail(org, in: tx) }
            let summary = "组织类别：\(org.kind.rawValue) → \(kind.rawValue)"
            org.kind = kind
            try tx.updateOrganization(org, at: context.timestamp)
            try record(tx, context, OrgSetKind.name, org, summary)
            return try OrgViewBuilder.detail(org, in: tx)
        }
    }

    /// Writes the history line and the audit entry of a change to `org`, in the change's transaction.
    static func record(
        _ tx: any StoreWriter,
        _ context: RequestContext,
        _ method: String,
        _ org: Organization,
        _ summary: String
    ) throws {
        try tx.appendHistory(
            orgID: org.id,
            code: org.code,
            at: context.timestamp,
            actor: context.caller.userName,
            action: method,
            summary: summary
        )
        try tx.appendAudit(context.audit(method: method, target: org.code, orgID: org.id, summary: summary))
    }
}
