/// The numeric error codes of the protocol. The JSON-RPC 2.0 ones are negative; application codes are stable
/// positive numbers documented in `docs/protocol.md`. Never renumber: scripts depend on them.
package enum RPCErrorCode {
    /// The line is not valid JSON.
    package static let parseError = -32700
    /// The JSON is not a valid request object (wrong `jsonrpc`, missing `method`, a batch, or an oversized frame).
    package static let invalidRequest = -32600
    /// No method by that name.
    package static let methodNotFound = -32601
    /// The parameters are missing, of the wrong type, or malformed.
    package static let invalidParams = -32602
    /// The daemon failed; the request changed nothing.
    package static let internalError = -32603
    /// The caller's Unix user has no account.
    package static let unauthenticated = 1000
    /// The caller's role or scope does not cover the request.
    package static let forbidden = 1001
    /// A value is malformed or out of range.
    package static let invalidValue = 2000
    /// The thing named does not exist.
    package static let notFound = 2001
    /// The change collides with an existing record.
    package static let conflict = 2002
    /// A domain rule forbids the change.
    package static let ruleViolation = 2003
    /// The organization still holds members or children.
    package static let notEmpty = 2004
    /// The daemon is shutting down or otherwise cannot take the request now; try again.
    package static let unavailable = 3000
}
