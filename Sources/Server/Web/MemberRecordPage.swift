import Core
import Domain

/// The page of one kind of record a member's link can name (``LinkSubject/Kind``): how it is shown and what
/// its forms do. Each kind is one small type (``NoticeRecordPage``) listed in ``MemberPages/all``; the routes,
/// headers, refusal pages and attachment downloads are shared. Implementations only call Core and render.
protocol MemberRecordPage: Sendable {
    /// The kind of record this page shows.
    static var kind: LinkSubject.Kind { get }
    /// The actions its forms post to (`POST /m/{token}/{action}`).
    static var actions: Set<String> { get }
    /// The page for a link, its values escaped (``HTML``); reading changes nothing.
    static func show(link: String, core: PartyCore) async throws -> String
    /// Takes `action` (one of ``actions``) through the link with the form's fields; the routes then redirect to
    /// the page.
    static func perform(_ action: String, link: String, form: [String: String], core: PartyCore) async throws
}

/// Every kind of record that has a member's page.
enum MemberPages {
    /// The pages by kind; a new kind of record adds its type here.
    static let all: [any MemberRecordPage.Type] = [NoticeRecordPage.self, ActivityRecordPage.self]

    /// The page for `kind`, if one is served.
    static func page(for kind: LinkSubject.Kind) -> (any MemberRecordPage.Type)? {
        all.first { $0.kind == kind }
    }
}
