import Domain
import Foundation
import Store

/// Creating and describing organizations. Structural changes are in `OrgOperations+Structure.swift`, queries
/// in `OrgOperations+Queries.swift`.
extension PartyCore {
    /// `org.add`: creates an organization under a parent, or at the top (system administrators only).
    package func addOrganization(_ fields: OrgFields, by principal: Principal) async throws -> OrgDetail {
        // Without a parent the new organization tops a tree: within no subtree, admins only.
        let target: ScopeTarget =
            fields.parent?.nonBlank.map { .organization(code: $0, field: "parent") } ?? .forestTop(field: "parent")
        return try await write(.orgAdd, by: principal, targets: [target]) { op in
            let kind = try OrgKind.parse(fields.kind, field: "kind")
            let founded = try fields.founded?.nonBlank.map { text throws(DomainError) in
                try LocalDate.parse(text, field: "founded", label: "成立日期")
            }
            let code = fields.code.trimmingCharacters(in: .whitespaces)
            let name = fields.name.trimmingCharacters(in: .whitespacesAndNewlines)
            for (field, text) in [
                ("unitName", fields.unitName), ("unitCategory", fields.unitCategory), ("contact", fields.contact),
            ] {
                if let text = text?.nonBlank { try OrgRules.validateDescription(field: field, text) }
            }
            let parent = try fields.parent?.nonBlank.map { try OrgLookup.require($0, field: "parent", in: op.tx) }
            try OrgRules.validateNew(
                code: code,
                name: name,
                kind: kind,
                parent: parent,
                founded: founded,
                today: op.time.today
            )
            if let existing = try op.tx.organization(code: code) {
                throw Disclosure.duplicateOrgCode(code, existing: existing, caller: op.caller, field: "code")
            }
            let org = try op.tx.insertOrganization(
                NewOrganization(
                    code: code,
                    name: name,
                    kind: kind,
                    parent: parent,
                    founded: founded,
                    unitName: fields.unitName?.nonBlank,
                    unitCategory: fields.unitCategory?.nonBlank,
                    contact: fields.contact?.nonBlank
                )
            )
            let summary = "新建\(kind.rawValue)\(org.label)" + (parent.map { "，上级组织\($0.label)" } ?? "（顶级）")
            return op.orgChange(try OrgViewBuilder.detail(org, in: op.tx), org, summary)
        }
    }

    /// `org.edit`, and `org.rename` when only the name is given: changes descriptive fields.
    package func editOrganization(
        _ edits: OrgEdits,
        as operation: PartyOperation = .orgEdit,
        by principal: Principal
    ) async throws -> OrgDetail {
        try await write(operation, by: principal, targets: [.organization(code: edits.code, field: "code")]) { op in
            let founded = try edits.founded.map { text throws(DomainError) -> LocalDate? in
                guard let text = text.nonBlank else { return nil }
                return try LocalDate.parse(text, field: "founded", label: "成立日期")
            }
            if let name = edits.name { try OrgRules.validateName(name) }
            for (field, text) in [
                ("unitName", edits.unitName), ("unitCategory", edits.unitCategory), ("contact", edits.contact),
            ] {
                if let text = text?.nonBlank { try OrgRules.validateDescription(field: field, text) }
            }
            if let founded = founded ?? nil { try OrgRules.validateFounded(founded, today: op.time.today) }
            var org = try OrgLookup.require(edits.code, in: op.tx)
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
            if let name = edits.name?.trimmingCharacters(in: .whitespacesAndNewlines), name != org.name {
                changes.append("名称：\(org.name) → \(name)")
                org.name = name
            }
            let text: (String?) -> String = { $0 ?? "（空）" }
            change("成立日期", \.founded, founded) { $0?.description ?? "（空）" }
            change("单位名称", \.unitName, edits.unitName.map { $0.nonBlank }, text)
            change("单位类别", \.unitCategory, edits.unitCategory.map { $0.nonBlank }, text)
            change("联系方式", \.contact, edits.contact.map { $0.nonBlank }, text)
            let detail = try OrgViewBuilder.detail(org, in: op.tx)
            guard org != before else { return .unchanged(detail) }
            try op.tx.updateOrganization(org)
            return op.orgChange(detail, org, changes.joined(separator: "；"))
        }
    }

    /// `org.setKind`: changes an organization's kind where its parent, children and members allow.
    package func setOrganizationKind(code: String, kind: String, by principal: Principal) async throws -> OrgDetail {
        try await write(.orgSetKind, by: principal, targets: [.organization(code: code, field: "code")]) { op in
            let kind = try OrgKind.parse(kind, field: "kind")
            var org = try OrgLookup.require(code, in: op.tx)
            let parent = try org.parentID.flatMap { try op.tx.organization(id: $0) }
            try OrgRules.validateKindChange(
                org,
                to: kind,
                parent: parent,
                childKinds: try op.tx.childKinds(of: org.id),
                memberCount: try op.tx.memberCount(in: org.id, includeHistory: false)
            )
            guard kind != org.kind else { return .unchanged(try OrgViewBuilder.detail(org, in: op.tx)) }
            let summary = "组织类别：\(org.kind.rawValue) → \(kind.rawValue)"
            org.kind = kind
            try op.tx.updateOrganization(org)
            return op.orgChange(try OrgViewBuilder.detail(org, in: op.tx), org, summary)
        }
    }
}
