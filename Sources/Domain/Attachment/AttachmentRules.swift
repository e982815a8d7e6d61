/// What an attachment is filed as within its record (issue 10's organizational life sorts them so).
package enum AttachmentTag: String, Codable, Sendable, CaseIterable {
    /// 通知.
    case notice = "通知"
    /// 会议记录.
    case minutes = "会议记录"
    /// 签到表.
    case signIn = "签到表"
    /// 照片.
    case photo = "照片"
    /// 其他.
    case other = "其他"

    /// The English names the console accepts (`--tag photo`).
    private static let aliases: [String: AttachmentTag] = [
        "notice": .notice, "minutes": .minutes, "sign-in": .signIn, "signin": .signIn, "photo": .photo,
        "other": .other,
    ]

    /// The tag named `text` (Chinese, or notice, minutes, sign-in, photo, other), or the refusal listing the tags.
    package static func parse(_ text: String, field: String = "tag") throws(DomainError) -> AttachmentTag {
        let trimmed = text.trimmedWhitespace
        guard let tag = AttachmentTag(rawValue: trimmed) ?? aliases[trimmed.lowercased()] else {
            throw DomainError.invalid(
                field,
                "附件分类“\(text)”无效，应为：\(allCases.map(\.rawValue).joined(separator: "、"))",
                reason: "attachment.invalid_tag"
            )
        }
        return tag
    }
}

/// The record an attachment is linked to: a notice or an activity of organizational life.
package enum AttachmentOwner: Sendable, Hashable {
    /// A notice, by number.
    case notice(Int64)
    /// An activity, by number.
    case activity(Int64)

    /// The owner's kind as stored (`attachment_link.owner_kind`).
    package var kind: String {
        switch self {
        case .notice: "notice"
        case .activity: "activity"
        }
    }

    /// The owner's number within its kind.
    package var id: Int64 {
        switch self {
        case .notice(let id), .activity(let id): id
        }
    }

    /// The owner stored as `kind` and `id`, or nil for a kind this version does not know.
    package init?(kind: String, id: Int64) {
        switch kind {
        case "notice": self = .notice(id)
        case "activity": self = .activity(id)
        default: return nil
        }
    }

    /// How the owner is named in messages and audit entries.
    package var label: String {
        switch self {
        case .notice(let id): "通知 \(id)"
        case .activity(let id): "活动 \(id)"
        }
    }
}

/// Rules on attachments' names.
package enum AttachmentRules {
    /// The longest display name, in characters.
    package static let maxNameLength = 120

    /// The display name of a file as the user named it: only the last path component (a client may send
    /// `C:\Users\…\报告.pdf` or `../x`), trimmed, one line without invisible characters, at most
    /// ``maxNameLength`` characters. The name is shown, never used as a path by the daemon.
    package static func displayName(_ raw: String, field: String = "name") throws(DomainError) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let name = last.trimmedWhitespace
        guard !name.isEmpty, name != ".", name != ".." else {
            throw DomainError.invalid(field, "附件名称不能为空", reason: "attachment.invalid_name")
        }
        try TextRules.validate(name, field: field, label: "附件名称", shape: .name, reason: "attachment.invalid_name")
        guard name.count <= maxNameLength else {
            throw DomainError.invalid(
                field,
                "附件名称过长（\(name.count) 个字符，最多 \(maxNameLength) 个）",
                reason: "attachment.invalid_name"
            )
        }
        return name
    }

    /// Whether `text` is a SHA-256 digest written as 64 lowercase hexadecimal digits.
    package static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
