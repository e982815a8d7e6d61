/// The rules of a notice: what its fields may hold, and when a recipient may acknowledge it.
package enum NoticeRules {
    /// The longest title, in characters.
    package static let maxTitleLength = 100
    /// The longest body, in characters.
    package static let maxBodyLength = 20_000

    /// Parses 通知公告 or 工作动态 (or their aliases); 系统消息 is the daemon's own and cannot be posted.
    package static func parseKind(_ text: String, field: String = "kind") throws(DomainError) -> NoticeKind {
        let aliases: [String: NoticeKind] = [
            "通知公告": .announcement, "通知": .announcement, "公告": .announcement, "announcement": .announcement,
            "工作动态": .news, "动态": .news, "news": .news,
        ]
        guard let kind = aliases[text.trimmedWhitespace.lowercased()] ?? aliases[text.trimmedWhitespace] else {
            throw DomainError.invalid(field, "通知类别“\(text)”无效，应为：通知公告、工作动态", reason: "invalid_notice_kind")
        }
        return kind
    }

    /// Parses 普通, 重要 or 紧急 (or normal, important, urgent).
    package static func parsePriority(_ text: String, field: String = "priority") throws(DomainError) -> NoticePriority
    {
        let aliases: [String: NoticePriority] = [
            "普通": .normal, "normal": .normal, "重要": .important, "important": .important, "紧急": .urgent,
            "urgent": .urgent,
        ]
        guard let priority = aliases[text.trimmedWhitespace.lowercased()] ?? aliases[text.trimmedWhitespace] else {
            throw DomainError.invalid(field, "优先级“\(text)”无效，应为：普通、重要、紧急", reason: "invalid_priority")
        }
        return priority
    }

    /// Checks a notice about to be published `today`: a title on one line, a body within its length, and an
    /// acknowledgement deadline and expiry that are not already past (the deadline only when one is asked for).
    package static func validate(
        title: String,
        body: String,
        ackRequired: Bool,
        ackDeadline: LocalDate?,
        expiresOn: LocalDate?,
        today: LocalDate
    ) throws(DomainError) {
        let title = title.trimmedWhitespace
        guard !title.isEmpty else { throw DomainError.invalid("title", "标题不能为空", reason: "empty_title") }
        guard !MemberRules.exceeds(title, maxTitleLength) else {
            throw DomainError.invalid("title", "标题过长（最多 \(maxTitleLength) 字）", reason: "too_long")
        }
        try TextRules.validate(title, field: "title", label: "标题", shape: .line)
        guard !body.trimmedWhitespace.isEmpty else { throw DomainError.invalid("body", "正文不能为空", reason: "empty_body") }
        guard !MemberRules.exceeds(body, maxBodyLength) else {
            throw DomainError.invalid("body", "正文过长（最多 \(maxBodyLength) 字）", reason: "too_long")
        }
        try TextRules.validate(body, field: "body", label: "正文", shape: .multiline)
        if let ackDeadline {
            guard ackRequired else {
                throw DomainError.invalid("ackDeadline", "只有要求确认的通知才有确认期限", reason: "deadline_without_ack")
            }
            guard ackDeadline >= today else {
                throw DomainError.invalid("ackDeadline", "确认期限 \(ackDeadline) 早于今天 \(today)", reason: "date_in_past")
            }
        }
        if let expiresOn, expiresOn < today {
            throw DomainError.invalid("expiresOn", "有效期至 \(expiresOn) 早于今天 \(today)", reason: "date_in_past")
        }
        if let expiresOn, let ackDeadline, expiresOn < ackDeadline {
            throw DomainError.invalid("expiresOn", "有效期至 \(expiresOn) 早于确认期限 \(ackDeadline)", reason: "date_order")
        }
    }

    /// Decides whether a recipient may acknowledge: only a notice that asks for it; a second acknowledgement
    /// changes nothing (returns false), and one after the deadline is still taken, since the record matters more
    /// than the lateness, which receipts show.
    package static func mayAcknowledge(_ notice: Notice, alreadyAcknowledged: Bool) throws(DomainError) -> Bool {
        guard notice.ackRequired else {
            throw DomainError(.rule, reason: "notice.ack_not_required", field: "notice", message: "该通知不需要确认，阅读即可")
        }
        return !alreadyAcknowledged
    }
}
