import Domain
import Foundation
import NIOCore
import Testing
import Wire

/// Runs `body`, expects the daemon to refuse it with `code` (and `reason` when given), and returns the error.
@discardableResult
func expectRefusal(
    code: Int,
    reason: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> RPCErrorObject? {
    do {
        try await body()
        Issue.record("expected error \(code) \(reason ?? "")", sourceLocation: sourceLocation)
        return nil
    } catch let error as RPCErrorObject {
        #expect(error.code == code, "\(error.data.message)", sourceLocation: sourceLocation)
        if let reason { #expect(error.data.reason == reason, "\(error.data.message)", sourceLocation: sourceLocation) }
        #expect(!error.data.message.isEmpty, sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Sends a raw line and decodes the error object of the reply.
func rawError(_ client: RPCClient, _ line: String) async throws -> RPCErrorObject? {
    let reply = try await client.exchange(Array((line + "\n").utf8))
    struct Reply: Decodable { let error: RPCErrorObject? }
    return try JSONDecoder().decode(Reply.self, from: Data(reply.readableBytesView)).error
}

/// Builds a small tree: 市委 A → 党委 B → 支部 B1, B2; 总支 C → 支部 C1.
func seedTree(_ client: RPCClient) async throws {
    _ = try await client.call(OrgAdd.self, .init(code: "A", name: "市委", kind: "党委", founded: "2000-01-01"))
    _ = try await client.call(OrgAdd.self, .init(code: "B", name: "区委", kind: "committee", parent: "A"))
    _ = try await client.call(OrgAdd.self, .init(code: "B1", name: "一支部", kind: "党支部", parent: "B"))
    _ = try await client.call(OrgAdd.self, .init(code: "B2", name: "二支部", kind: "branch", parent: "B"))
    _ = try await client.call(OrgAdd.self, .init(code: "C", name: "机关总支", kind: "党总支", parent: "A"))
    _ = try await client.call(OrgAdd.self, .init(code: "C1", name: "机关一支部", kind: "党支部", parent: "C"))
}
