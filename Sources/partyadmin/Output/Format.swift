import Wire

/// Small text conversions shared by the renderers: blanks, timestamps, durations and Chinese labels for the
/// protocol's English enumerations.
enum Format {
    /// What an absent value shows as in tables and records.
    static let none = "-"

    /// `value`, or ``none`` when it is nil or empty.
    static func orNone(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return none }
        return value
    }

    /// `value`'s description, or ``none`` when it is nil (dates, ids).
    static func orNone(_ value: (some CustomStringConvertible)?) -> String {
        value.map(\.description) ?? none
    }

    /// An ISO 8601 timestamp of the daemon (`2024-07-01T09:30:00.000+08:00`) as wall-clock time
    /// (`2024-07-01 09:30:00`); the offset is the daemon's configured zone, which `status` shows.
    static func timestamp(_ iso: String) -> String {
        let characters = Array(iso)
        guard characters.count >= 19, characters[10] == "T" else { return iso }
        return String(characters[0..<10]) + " " + String(characters[11..<19])
    }

    /// A duration in seconds as 天/小时/分/秒, largest units first, leaving out leading zero units.
    static func duration(seconds: Int) -> String {
        let parts = [
            (seconds / 86_400, "天"), (seconds % 86_400 / 3_600, "小时"), (seconds % 3_600 / 60, "分"), (seconds % 60, "秒"),
        ]
        let shown = parts.drop { $0.0 == 0 && $0.1 != "秒" }
        return shown.map { "\($0.0)\($0.1)" }.joined()
    }

    /// 党员标记 for display: in the order ``MemberFlag`` declares them, joined by `、` as the roster writes them, so
    /// that a record prints the same way every time (a set has no order of its own).
    static func flags(_ flags: Set<MemberFlag>) -> String {
        flags.sorted().map(\.rawValue).joined(separator: "、")
    }

    /// The Chinese label of a role name as the protocol sends it, or the name itself when unknown.
    static func role(_ name: String) -> String {
        Role(rawValue: name)?.label ?? name
    }

    /// The Chinese label of an organization status.
    static func status(_ status: OrgStatus) -> String {
        switch status {
        case .active: "正常"
        case .revoked: "已撤销"
        }
    }

    /// The Chinese label of a method's access requirement as `system.methods` names it.
    static func access(_ access: String) -> String {
        switch access {
        case "anyone": "任何人"
        case "account": "任何账户"
        case "system-admin": "系统管理员"
        case "read": "范围内查看"
        case "write": "范围内修改"
        case "self": "党员本人"
        default: access
        }
    }

    /// A short Chinese label for the method recorded in an organization's or a member's history, or the method name
    /// itself.
    static func action(_ method: String) -> String {
        switch method {
        case "org.add": "新建"
        case "org.edit": "修改信息"
        case "org.rename": "更名"
        case "org.setKind": "变更类别"
        case "org.move": "整建制转移"
        case "org.merge": "合并"
        case "org.revoke": "撤销"
        case "org.import": "采集表导入"
        case "member.add": "新增"
        case "member.edit": "修改"
        case "member.move": "支部间调整"
        case "member.leave": "减少"
        case "member.restore": "恢复"
        case "member.import": "名册导入"
        default: method
        }
    }
}
