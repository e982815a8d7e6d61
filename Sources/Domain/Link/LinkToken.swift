/// The payload of a member's personal link: who acts, on which record, until when, and a random id that makes
/// each token distinct and names its single use. Signing and checking the signature are Core's (it holds the
/// key); this type only lays the bytes out and reads them back.
///
/// Layout (42 bytes, integers big-endian), followed by the 32-byte HMAC-SHA256 of those bytes, all in base64url
/// without padding (99 characters):
///
/// | bytes | field |
/// |---|---|
/// | 0 | version, 1 |
/// | 1 | subject kind (``LinkSubject/Kind``) |
/// | 2–9 | subject record id |
/// | 10–17 | member id |
/// | 18–25 | expiry, Unix seconds |
/// | 26–41 | token id (random) |
package struct LinkToken: Sendable, Hashable {
    /// The layout version this code writes and reads.
    package static let version: UInt8 = 1
    /// Bytes of the random token id.
    package static let idBytes = 16
    /// Bytes of the signed payload.
    package static let payloadBytes = 26 + idBytes
    /// Bytes of the signature (HMAC-SHA256).
    package static let signatureBytes = 32

    /// The member the link acts as.
    package var memberID: Int64
    /// The one record it is for.
    package var subject: LinkSubject
    /// The instant (Unix seconds) from which it is refused.
    package var expiresAt: Int64
    /// Random bytes naming this token (its single use is recorded under them).
    package var id: [UInt8]

    /// Creates the payload.
    package init(memberID: Int64, subject: LinkSubject, expiresAt: Int64, id: [UInt8]) {
        self.memberID = memberID
        self.subject = subject
        self.expiresAt = expiresAt
        self.id = id
    }

    /// The token id as 32 lowercase hexadecimal digits, as the store keeps it.
    package var idText: String {
        id.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
        }.joined()
    }

    /// The bytes that are signed.
    package var payload: [UInt8] {
        var bytes: [UInt8] = [Self.version, subject.kind.rawValue]
        bytes.reserveCapacity(Self.payloadBytes)
        for value in [subject.recordID, memberID, expiresAt] {
            withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
        }
        bytes.append(contentsOf: id)
        return bytes
    }

    /// Whether the token is refused at `now` (Unix seconds): from its expiry instant on.
    package func isExpired(atUnixSeconds now: Int64) -> Bool { now >= expiresAt }

    /// The text of a link: payload and signature in base64url.
    package static func text(payload: [UInt8], signature: [UInt8]) -> String {
        Base64URL.encode(payload + signature)
    }

    /// Splits a link's text into the payload it claims and the signature it carries, before any check of the
    /// signature: a text that cannot be a token of this version is ``LinkRefusal/invalid``.
    package static func split(
        _ text: String
    ) throws(LinkRefusal) -> (token: LinkToken, payload: [UInt8], signature: [UInt8]) {
        guard text.utf8.count <= 200, let bytes = Base64URL.decode(text),
            bytes.count == payloadBytes + signatureBytes, bytes[0] == version
        else { throw .invalid }
        let payload = Array(bytes[0..<payloadBytes])
        func integer(at offset: Int) -> Int64 {
            payload[offset..<offset + 8].reduce(0) { ($0 << 8) | Int64($1) }
        }
        guard let subject = LinkSubject(kind: payload[1], id: integer(at: 2)) else { throw .invalid }
        let token = LinkToken(
            memberID: integer(at: 10),
            subject: subject,
            expiresAt: integer(at: 18),
            id: Array(payload[26..<payloadBytes])
        )
        return (token, payload, Array(bytes[payloadBytes...]))
    }
}
