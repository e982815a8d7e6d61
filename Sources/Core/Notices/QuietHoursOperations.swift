import Domain
import Foundation
import Store

/// Quiet hours: when non-urgent messages wait.
extension PartyCore {
    /// `org.quietHours`: the quiet hours in force at an organization, and where they come from.
    package func quietHours(code: String, by principal: Principal) async throws -> QuietHoursView {
        try await read(.orgQuietHours, by: principal, targets: [.organization(code: code, field: "code")]) { op in
            try Self.quietView(try OrgLookup.require(code, in: op.tx), in: op.tx)
        }
    }

    /// `org.setQuietHours`: sets an organization's own window (`from`, `to` as HH:MM), turns quiet hours off
    /// (`off`), or lets it inherit again (none of them); the setting applies down its subtree.
    package func setQuietHours(
        code: String,
        from: String?,
        to: String?,
        off: Bool,
        by principal: Principal
    ) async throws -> QuietHoursView {
        try await write(.orgSetQuietHours, by: principal, targets: [.organization(code: code, field: "code")]) { op in
            let setting: QuietSetting?
            switch (from?.nonBlank, to?.nonBlank, off) {
            case (let from?, let to?, false):
                setting = .window(
                    QuietHours(
                        start: try QuietHours.parseTime(from, field: "from"),
                        end: try QuietHours.parseTime(to, field: "to")
                    )
                )
            case (nil, nil, true):
                setting = .off
            case (nil, nil, false):
                setting = nil
            default:
                throw DomainError.invalid("from", "须同时给出开始与结束时间，或只选择关闭", reason: "invalid_quiet_hours")
            }
            let org = try OrgLookup.require(code, in: op.tx)
            try op.tx.setQuietSetting(setting, orgID: org.id)
            let view = try Self.quietView(org, in: op.tx)
            let summary =
                switch setting {
                case .window(let hours): "静默时段设为 \(hours.description)"
                case .off: "关闭静默时段"
                case nil: "静默时段改为沿用上级设置（现为 \(view.window ?? "关闭")）"
                }
            return op.orgChange(view, org, summary)
        }
    }

    /// The window in force at `org` (nil: off) and the organization that set it (nil: the standard window).
    static func quietHours(at org: Organization, in tx: any StoreReader) throws -> (QuietHours?, Int64?) {
        guard let found = try tx.quietSetting(at: org.path) else { return (.standard, nil) }
        return (found.setting.window, found.orgID)
    }

    static func quietView(_ org: Organization, in tx: any StoreReader) throws -> QuietHoursView {
        let (window, setBy) = try quietHours(at: org, in: tx)
        return QuietHoursView(
            orgCode: org.code,
            window: window?.description,
            setBy: try setBy.flatMap { try tx.codes(of: [$0])[$0] }
        )
    }
}
