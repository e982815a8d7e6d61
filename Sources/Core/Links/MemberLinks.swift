import Crypto
import Domain
import Foundation
import Synchronization

/// Signs and checks members' personal links, and knows where they point. A link is
/// `<base>/m/<token>`: the token (``LinkToken``) names the member, the one record, the expiry and a random id,
/// and carries the HMAC-SHA256 of those bytes under the daemon's key (``LinkKey``). Checking is constant-time.
package final class MemberLinks: Sendable {
    /// How long a link stays valid from when it is made.
    package let lifetime: TimeInterval
    /// The base that links sent to members carry (the public address behind the reverse proxy), when configured.
    package let publicBaseURL: String?
    /// Whether the daemon serves the pages at all (the HTTP listener is configured).
    package let served: Bool
    // The raw bytes: swift-crypto's SymmetricKey is not Sendable; a key is rebuilt from them for each use.
    private let keyBytes: [UInt8]
    private let listenerBase = Mutex<String?>(nil)

    /// Links signed with `key`, valid for `lifetime` seconds, pointing at `publicBaseURL` (a trailing `/` is
    /// dropped); `served` says whether an HTTP listener serves them.
    package init(key: [UInt8], lifetime: TimeInterval, publicBaseURL: String?, served: Bool) {
        keyBytes = key
        self.lifetime = lifetime
        self.publicBaseURL = publicBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.served = served
    }

    /// Links for a daemon without an HTTP listener (tests that do not serve pages): a fresh key, no base.
    package static func unserved() -> MemberLinks {
        MemberLinks(key: LinkKey.random(), lifetime: 30 * 86400, publicBaseURL: nil, served: false)
    }

    /// The listener tells where it is bound (`http://127.0.0.1:8080`): the base of links made for administrators
    /// when no public base is configured.
    package func listenerBound(at base: String) { listenerBase.withLock { $0 = base } }

    /// The base messages' links use: the public base, when the pages are served at all; nil when messages carry
    /// no links.
    package var messageBase: String? { served ? publicBaseURL : nil }

    /// The base of links given to administrators (`notice.links`): the public one, else the listener's own.
    package var baseURL: String? { publicBaseURL ?? listenerBase.withLock { $0 } }

    /// A new signed token for `memberID` on `subject`, valid from `now` for the lifetime.
    package func token(memberID: Int64, subject: LinkSubject, now: Date) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<LinkToken.idBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = LinkToken(
            memberID: memberID,
            subject: subject,
            expiresAt: Int64(now.timeIntervalSince1970.rounded(.down)) + Int64(lifetime),
            id: id
        )
        return LinkToken.text(payload: token.payload, signature: signature(of: token.payload))
    }

    /// The link to `token` under `base`.
    package static func url(base: String, token: String) -> String { "\(base)/m/\(token)" }

    /// The token in `text`, once its signature is ours and it has not expired at `now`; else why not.
    package func verify(_ text: String, now: Date) throws(LinkRefusal) -> LinkToken {
        let (token, payload, signature) = try LinkToken.split(text)
        guard
            HMAC<SHA256>.isValidAuthenticationCode(
                signature,
                authenticating: payload,
                using: SymmetricKey(data: keyBytes)
            )
        else {
            throw .invalid
        }
        guard !token.isExpired(atUnixSeconds: Int64(now.timeIntervalSince1970.rounded(.down))) else {
            throw .expired
        }
        return token
    }

    private func signature(of payload: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: keyBytes)))
    }
}
