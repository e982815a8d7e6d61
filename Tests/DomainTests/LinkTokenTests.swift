import Domain
import Testing

/// The link token's bytes: layout, base64url, and what a malformed text is.
@Suite("Link tokens: layout")
struct LinkTokenTests {
    static let token = LinkToken(
        memberID: 42,
        subject: .notice(7),
        expiresAt: 1_800_000_000,
        id: Array(0..<16)
    )

    @Test func thePayloadSplitsBackIntoTheSameToken() throws {
        let signature = [UInt8](repeating: 0xAB, count: 32)
        let text = LinkToken.text(payload: Self.token.payload, signature: signature)
        #expect(text.count == 99)
        #expect(text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let (token, payload, carried) = try LinkToken.split(text)
        #expect(token == Self.token && payload == Self.token.payload && carried == signature)
        #expect(token.idText == "000102030405060708090a0b0c0d0e0f")
    }

    @Test(arguments: ["", "abc", "!!!!", String(repeating: "A", count: 99), String(repeating: "A", count: 400)])
    func malformedTextsAreInvalid(_ text: String) {
        #expect(throws: LinkRefusal.invalid) { try LinkToken.split(text) }
    }

    @Test func anUnknownVersionOrKindIsInvalid() {
        for index in [0, 1] {
            var payload = Self.token.payload
            payload[index] = 99
            let text = LinkToken.text(payload: payload, signature: Array(repeating: 0, count: 32))
            #expect(throws: LinkRefusal.invalid) { try LinkToken.split(text) }
        }
    }

    @Test func expiryIsExclusive() {
        #expect(!Self.token.isExpired(atUnixSeconds: 1_799_999_999))
        #expect(Self.token.isExpired(atUnixSeconds: 1_800_000_000))
    }

    @Test func base64URLRoundTripsEveryLength() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 250) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.decode("a+b/") == nil)
    }
}
