import Core
import Domain

/// An activity on the member's page: what, when and where, the member's own attendance, attachments to
/// download, and the 确认参加 / 请假 forms while the link has its use and the rules still allow an answer.
enum ActivityRecordPage: MemberRecordPage {
    static let kind = LinkSubject.Kind.activity
    static let actions: Set<String> = ["confirm", "leave"]

    static func show(link: String, core: PartyCore) async throws -> String {
        render(try await core.activityLinkPage(link), link: link)
    }

    static func perform(_ action: String, link: String, form: [String: String], core: PartyCore) async throws {
        switch action {
        case "confirm": _ = try await core.recordActivityLink(link, action: .confirm)
        case "leave": _ = try await core.recordActivityLink(link, action: .leave(reason: form["reason"] ?? ""))
        default: throw LinkRefusal.invalid
        }
    }

    /// The page's markup; forms and file links are relative to `/m/{token}`.
    static func render(_ page: ActivityLinkPage, link: String) -> String {
        let activity = page.mine.activity
        let mine = page.mine.mine
        let token = HTML.escape(link)
        var body = "<h1>\(HTML.escape(activity.title))</h1>\n"
        body += "<p class=\"meta\">\(HTML.escape(activity.orgName)) · \(HTML.escape(activity.kind.rawValue))</p>\n"
        var facts = ["时间：\(HTML.escape(WebTime.text(activity.heldAt ?? activity.plannedAt)))"]
        if let place = activity.place { facts.append("地点：\(HTML.escape(place))") }
        if let theme = activity.theme { facts.append("议题：\(HTML.escape(theme))") }
        if let host = activity.host { facts.append("主持：\(HTML.escape(host))") }
        if let deadline = activity.signupDeadline { facts.append("报名截止：\(HTML.escape(WebTime.text(deadline)))") }
        body += "<div class=\"body\">\(facts.joined(separator: "\n"))</div>\n"
        if let files = activity.attachments, !files.isEmpty {
            body += "<h2>附件</h2>\n<ul class=\"files\">\n"
            for file in files {
                body += "<li><a href=\"\(token)/files/\(file.id)\">\(HTML.escape(file.name))</a>"
                body += " <span class=\"meta\">(\(HTML.escape(WebSize.text(file.size))))</span></li>\n"
            }
            body += "</ul>\n"
        }
        var state = ["\(HTML.escape(mine.memberName))同志：您的参加情况为<strong>\(HTML.escape(mine.status.label))</strong>。"]
        if let reason = mine.reason { state.append("请假理由：\(HTML.escape(reason))") }
        if let confirmed = mine.confirmedAt { state.append("已于 \(HTML.escape(WebTime.text(confirmed))) 确认。") }
        body += "<div class=\"state\">\(state.joined(separator: "<br>"))</div>\n"
        if page.linkUsed {
            body += "<p class=\"meta\">此链接已完成登记。</p>\n"
        } else if mine.confirmedAt == nil && mine.status != .leave {
            body += "<form method=\"post\" action=\"\(token)/confirm\"><button type=\"submit\">确认参加</button></form>\n"
            if activity.heldAt == nil {
                body += "<form method=\"post\" action=\"\(token)/leave\">"
                body += "<label>请假理由<br><input type=\"text\" name=\"reason\" maxlength=\"100\" required></label>"
                body += "<button type=\"submit\" class=\"secondary\">请假</button></form>\n"
            }
        }
        body += "<p class=\"foot\">此为您的个人链接，代表您本人登记，请勿转发。有效期至 \(HTML.escape(WebTime.text(page.expiresAt)))。</p>"
        return HTML.page(title: activity.title, body: body)
    }
}
