/// How a member's read receipt or acknowledgement arrived: through the console or the protocol (`me.read`,
/// `me.ack`), or through their personal link's page.
package enum ReceiptChannel: String, Codable, Sendable, CaseIterable {
    /// `me.read` / `me.ack` (partyadmin, or any protocol client).
    case console
    /// The member's personal link (`POST /m/{token}/read|ack`).
    case link
}
