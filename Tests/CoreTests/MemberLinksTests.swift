import Core
import Domain
import Foundation
import PartyTesting
import Testing

/// Signing and checking members' links with the daemon's key: round trip, any altered byte, another key, the
/// expiry boundary, and the key file.
@Suite("Link tokens: signing")
struct MemberLinksTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let key = [UInt8](repeating: 7, count: 32)
    static let links = MemberLinks(key: key, lifetime: 3600, publicBaseURL: "https://dj.example.cn/", served: true)

    @Test func aTokenChecksOutForItsMemberAndRecord() throws {
        let text = Self.links.token(memberID: 5, subject: .notice(9), now: Self.now)
        let token = try Self.links.verify(text, now: Self.now)
        #expect(token.memberID == 5 && token.subject == .notice(9))
        #expect(token.expiresAt == 1_795_003_600)
        #expect(Self.links.token(memberID: 5, subject: .notice(9), now: Self.now) != text, "each token has its own id")
        #expect(MemberLinks.url(base: Self.links.publicBaseURL!, token: text) == "https://dj.example.cn/m/\(text)")
    }

    @Test func changingAnyByteMakesItInvalid() throws {
        let text = Self.links.token(memberID: 5, subject: .notice(9), now: Self.now)
        let bytes = try #require(Base64URL.decode(text))
        for index in bytes.indices {
            var altered = bytes
            altered[index] ^= 0x01
            #expect(throws: LinkRefusal.invalid, "byte \(index)") {
                try Self.links.verify(Base64URL.encode(altered), now: Self.now)
            }
        }
        #expect(throws: LinkRefusal.invalid) { try Self.links.verify(String(text.dropLast()), now: Self.now) }
    }

    @Test func anotherKeysTokenIsInvalid() {
        let other = MemberLinks(key: [UInt8](repeating: 8, count: 32), lifetime: 3600, publicBaseURL: nil, served: true)
        let text = other.token(memberID: 5, subject: .notice(9), now: Self.now)
        #expect(throws: LinkRefusal.invalid) { try Self.links.verify(text, now: Self.now) }
    }

    @Test func itExpiresAtItsLifetimeToTheSecond() throws {
        let text = Self.links.token(memberID: 5, subject: .notice(9), now: Self.now)
        _ = try Self.links.verify(text, now: Self.now.addingTimeInterval(3599.9))
        #expect(throws: LinkRefusal.expired) { try Self.links.verify(text, now: Self.now.addingTimeInterval(3600)) }
    }

    @Test func theKeyFileIsMadeOnceOwnerOnlyAndKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("link.key")
        let first = try LinkKey.loadOrCreate(at: path)
        #expect(first.count == 32)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try LinkKey.loadOrCreate(at: path) == first)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        #expect(throws: LinkKeyError.self) { try LinkKey.loadOrCreate(at: path) }
    }
}
