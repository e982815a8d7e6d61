/// A member's personal link to a record, as `notice.links` lists it for administrators who pass links on by
/// hand.
package struct MemberLinkView: Codable, Sendable, Equatable {
    /// The member's id.
    package var memberID: Int64
    /// The member's name.
    package var memberName: String
    /// Their branch's code.
    package var orgCode: String
    /// The link (`<base>/m/<token>`).
    package var url: String

    /// Creates the line.
    package init(memberID: Int64, memberName: String, orgCode: String, url: String) {
        self.memberID = memberID
        self.memberName = memberName
        self.orgCode = orgCode
        self.url = url
    }
}

/// The personal links made for a notice's recipients.
package struct NoticeLinkList: Codable, Sendable, Equatable {
    /// The notice.
    package var notice: Int64
    /// Its title.
    package var title: String
    /// When these links expire (ISO 8601 with the zone's offset).
    package var expiresAt: String
    /// One per member, by branch then name.
    package var links: [MemberLinkView]

    /// Creates the list.
    package init(notice: Int64, title: String, expiresAt: String, links: [MemberLinkView]) {
        self.notice = notice
        self.title = title
        self.expiresAt = expiresAt
        self.links = links
    }
}

/// Read receipts and acknowledgements of a notice that arrived through one channel.
package struct ReceiptChannelCounts: Codable, Sendable, Equatable {
    /// `console` (`me.read`/`me.ack`) or `link` (the member's page).
    package var channel: ReceiptChannel
    /// Read receipts that came this way.
    package var read: Int
    /// Acknowledgements that came this way.
    package var acknowledged: Int

    /// Creates the counts.
    package init(channel: ReceiptChannel, read: Int, acknowledged: Int) {
        self.channel = channel
        self.read = read
        self.acknowledged = acknowledged
    }
}
