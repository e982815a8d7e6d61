import Core
import Domain

/// A notice on the member's page: title, organization, time, body (escaped text, its line breaks kept),
/// attachments to download, what the member has done, and the 已阅 / 确认收到 forms while the link has its use.
enum NoticeRecordPage: MemberRecordPage {
    static let kind = LinkSubject.Kind.notice
    static let actions = Set(NoticeLinkAction.allCases.map(\.rawValue))

    static func show(link: String, core: PartyCore) async throws -> String {
        render(try await core.noticeLinkPage(link), link: link)
    }

    static func perform(_ action: String, link: String, form: [String: String], core: PartyCore) async throws {
        guard let action = NoticeLinkAction(rawValue: action) else { throw LinkRefusal.invalid }
        _ = try await core.recordNoticeLink(link, action: action)
    }

    /// The page's markup. Forms and file links are relative to `/m/{token}`, so the page works under any prefix
    /// the reverse proxy adds.
    static func render(_ page: NoticeLinkPage, link: String) -> String {
        let notice = page.notice
        let token = HTML.escape(link)
        var body = "<h1>\(HTML.escape(notice.title))</h1>\n"
        var meta = "\(HTML.escape(notice.orgName)) · \(HTML.escape(WebTime.text(notice.publishedAt)))"
        if notice.priority != .normal {
            meta += " <span class=\"badge\">\(HTML.escape(notice.priority.rawValue))</span>"
        }
        body += "<p class=\"meta\">\(meta)</p>\n"
        if notice.ackRequired {
            let deadline = notice.ackDeadline.map { "，请于 \(HTML.escape($0.description)) 前确认" } ?? ""
            body += "<p class=\"meta\">本通知需要确认收到\(deadline)。</p>\n"
        }
        body += "<div class=\"body\">\(HTML.escape(notice.body))</div>\n"
        if let files = notice.attachments, !files.isEmpty {
            body += "<h2>附件</h2>\n<ul class=\"files\">\n"
            for file in files {
                body += "<li><a href=\"\(token)/files/\(file.id)\">\(HTML.escape(file.name))</a>"
                body += " <span class=\"meta\">(\(HTML.escape(WebSize.text(file.size))))</span></li>\n"
            }
            body += "</ul>\n"
        }
        var state: [String] = ["\(HTML.escape(page.memberName))同志："]
        if let read = page.readAt { state.append("您已于 \(HTML.escape(WebTime.text(read))) 阅读。") }
        if let ack = page.acknowledgedAt {
            state.append("<strong>已确认收到</strong>（\(HTML.escape(WebTime.text(ack)))）。")
        }
        if page.readAt == nil { state.append("请阅读以上通知。") }
        body += "<div class=\"state\">\(state.joined(separator: "<br>"))</div>\n"
        if page.linkUsed {
            body += "<p class=\"meta\">此链接已完成登记。</p>\n"
        } else {
            if page.readAt == nil {
                let style = notice.ackRequired ? " class=\"secondary\"" : ""
                body +=
                    "<form method=\"post\" action=\"\(token)/read\"><button type=\"submit\"\(style)>已阅</button></form>\n"
            }
            if notice.ackRequired && page.acknowledgedAt == nil {
                body += "<form method=\"post\" action=\"\(token)/ack\"><button type=\"submit\">确认收到</button></form>\n"
            }
        }
        body += "<p class=\"foot\">此为您的个人链接，代表您本人登记，请勿转发。有效期至 \(HTML.escape(WebTime.text(page.expiresAt)))。</p>"
        return HTML.page(title: notice.title, body: body)
    }
}

/// Times as people read them: `2026-11-23T10:00:00+08:00` → `2026-11-23 10:00`.
enum WebTime {
    /// The date and minute of an ISO 8601 text, or the text itself when it is not one.
    static func text(_ iso: String) -> String {
        guard iso.count >= 16, iso.dropFirst(10).first == "T" else { return iso }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }
}

/// Sizes as people read them.
enum WebSize {
    /// `512 B`, `12.3 KB`, `4.5 MB`.
    static func text(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return "\((Double(bytes) / 1024 * 10).rounded() / 10) KB" }
        return "\((Double(bytes) / Double(1 << 20) * 10).rounded() / 10) MB"
    }
}
