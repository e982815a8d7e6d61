import Core
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The routes of members' pages. The token in the path is the capability: pages are read with GET (changing
/// nothing, since chat apps fetch links to draw previews), actions are POSTed by the page's own forms (no
/// cookies, so another site cannot act with a member's session), and every response says no-store, noindex
/// and no-referrer. Handlers only decode, call Core and render.
enum MemberPageRoutes {
    /// The largest request body read (the forms post at most a short reason).
    static let maxBodyBytes = 16 * 1024

    /// A router with the pages, their headers and the Chinese error pages.
    static func router(core: PartyCore, logger: Logger) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: PageMiddleware(logger: logger))
        router.get("/m/:token") { _, context in
            let link = try context.parameters.require("token")
            return try await htmlResponse(.ok, page(for: link, core: core).show(link: link, core: core))
        }
        router.post("/m/:token/:action") { request, context in
            let link = try context.parameters.require("token")
            let action = try context.parameters.require("action")
            let body = try await request.body.collect(upTo: maxBodyBytes)
            let page = try page(for: link, core: core)
            guard page.actions.contains(action) else { throw HTTPError(.notFound) }
            try await page.perform(action, link: link, form: FormFields.parse(String(buffer: body)), core: core)
            // Back to the page (relative, so any prefix of the reverse proxy stays): a reload does not post again.
            var response = Response(status: .seeOther)
            response.headers[.location] = "../\(link)"
            return response
        }
        router.get("/m/:token/files/:attachment") { _, context in
            let link = try context.parameters.require("token")
            guard let id = context.parameters.get("attachment", as: Int64.self) else { throw HTTPError(.notFound) }
            _ = try page(for: link, core: core)
            return try await AttachmentResponse.download(link: link, attachment: id, core: core)
        }
        return router
    }

    /// The page of the kind of record the link names; an unknown kind is an invalid link.
    static func page(for link: String, core: PartyCore) throws -> any MemberRecordPage.Type {
        guard let page = MemberPages.page(for: try core.checkLink(link).subject.kind) else { throw LinkRefusal.invalid }
        return page
    }

    /// An HTML response.
    static func htmlResponse(_ status: HTTPResponse.Status, _ html: String) -> Response {
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        response.headers[.contentType] = "text/html; charset=utf-8"
        return response
    }
}

/// Adds the privacy headers to every response and turns every refusal into a Chinese page with its status.
struct PageMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    /// Where unexpected failures are logged (never the token).
    let logger: Logger

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
            if response.status == .notFound, response.headers[.contentType] == nil {
                response = Self.refusal(.notFound, "页面不存在", "请检查链接是否完整。")
            }
        } catch let refusal as LinkRefusal {
            response = Self.refusal(Self.status(of: refusal), refusal.title, refusal.message)
        } catch let error as DomainError {
            let status: HTTPResponse.Status = error.kind == .notFound ? .notFound : .conflict
            response = Self.refusal(status, status == .notFound ? "未找到" : "无法办理", error.message)
        } catch let error as any HTTPResponseError {
            response = Self.refusal(error.status, Self.title(of: error.status), Self.text(of: error.status))
        } catch {
            logger.error("member page failed", metadata: ["error": "\(String(describing: type(of: error)))"])
            response = Self.refusal(.internalServerError, "服务暂时不可用", "请稍后再试，或联系所在党支部。")
        }
        response.headers[.cacheControl] = "no-store"
        response.headers[Self.referrerPolicy] = "no-referrer"
        response.headers[Self.robotsTag] = "noindex, nofollow"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'"
        return response
    }

    private static let robotsTag = HTTPField.Name("X-Robots-Tag")!
    private static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    /// The status a refusal is answered with: the client's mistake or the link's state, never a server error.
    static func status(of refusal: LinkRefusal) -> HTTPResponse.Status {
        switch refusal {
        case .invalid: .notFound
        case .expired, .withdrawn: .gone
        case .used, .notApplicable: .conflict
        case .revoked: .forbidden
        }
    }

    private static func refusal(_ status: HTTPResponse.Status, _ title: String, _ text: String) -> Response {
        MemberPageRoutes.htmlResponse(status, HTML.message(title: title, text: text))
    }

    private static func title(of status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "页面不存在"
        case .contentTooLarge: "提交内容过大"
        case .methodNotAllowed: "不支持的操作"
        default: "请求无效"
        }
    }

    private static func text(of status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "请检查链接是否完整。"
        case .contentTooLarge: "请返回页面后直接点击按钮提交。"
        default: "请返回原消息重新打开链接。"
        }
    }
}

/// The fields of an `application/x-www-form-urlencoded` body (`+` for spaces, percent-escapes in UTF-8); a
/// field given twice keeps its first value, and a malformed escape leaves the field out.
enum FormFields {
    /// The fields of `body`.
    static func parse(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), fields[name] == nil else { continue }
            fields[name] = parts.count == 2 ? decode(parts[1]) : ""
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
