/// `notice.links`: members' personal links to a notice, for administrators who pass them on by hand.
package enum NoticeLinksMethod: RPCMethod {
    /// Which notice, and optionally which one member.
    package struct Params: Codable, Sendable {
        /// The notice's number.
        package var notice: Int64
        /// One recipient (id or 身份证号); all recipients when absent.
        package var member: String?
        /// Creates the parameters.
        package init(notice: Int64, member: String? = nil) {
            self.notice = notice
            self.member = member
        }
    }
    package typealias Result = NoticeLinkList
    package static let name = "notice.links"
    package static let summary = "生成通知收件党员的个人链接（供管理员转发；写入审计）"
}
