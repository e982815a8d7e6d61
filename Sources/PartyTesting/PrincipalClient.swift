import Core
import Domain
import Foundation
import NIOCore
import Server
import Wire

/// Calls a daemon's methods on behalf of any principal, through its real dispatcher (decode, core operation,
/// encode) but without a socket: tests drive every method as a scoped Unix user, a member's link or the
/// daemon itself, as root or as an ordinary user alike.
package struct PrincipalClient: Sendable {
    /// The dispatcher of the daemon under test.
    package let dispatcher: Dispatcher
    /// Who the calls come from.
    package let principal: Principal

    /// Creates a client for `principal` on `daemon`.
    package init(_ daemon: TestDaemon, as principal: Principal) {
        dispatcher = daemon.daemon.dispatcher
        self.principal = principal
    }

    /// A client for a Unix user with an invented uid (no such user need exist on the machine).
    package init(_ daemon: TestDaemon, unixUser name: String, uid: UInt32 = 60_000) {
        self.init(daemon, as: .unixUser(uid: uid, name: name))
    }

    /// Calls `method`; a refusal is thrown as the ``RPCErrorObject`` the socket would have sent.
    package func call<M: RPCMethod>(_ method: M.Type, _ params: M.Params) async throws -> M.Result {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let line = try encoder.encode(RPCRequest(id: .number(1), method: M.name, params: params))
        guard let reply = await dispatcher.handle(line: ByteBuffer(bytes: line), as: principal) else {
            throw TestSupportError("no reply to \(M.name)")
        }
        let response = try JSONDecoder().decode(RPCResponse<M.Result>.self, from: Data(reply.readableBytesView))
        if let error = response.error { throw error }
        guard let result = response.result else { throw TestSupportError("reply to \(M.name) has no result") }
        return result
    }

    /// Calls a method that takes no parameters.
    package func call<M: RPCMethod>(_ method: M.Type) async throws -> M.Result where M.Params == NoParams {
        try await call(method, NoParams())
    }
}
