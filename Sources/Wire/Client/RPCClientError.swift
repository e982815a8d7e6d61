/// Why a call did not get an answer from the daemon. An answer that is an error arrives as ``RPCErrorObject``.
package enum RPCClientError: Error, Sendable, CustomStringConvertible {
    /// Nothing accepts connections at the socket path.
    case cannotConnect(socketPath: String, reason: String)
    /// The daemon closed the connection before answering.
    case connectionClosed
    /// The daemon's answer could not be read.
    case malformedResponse(String)

    /// A Chinese explanation for the console.
    package var description: String {
        switch self {
        case .cannotConnect(let path, let reason):
            "无法连接 partyd（套接字 \(path)）：\(reason)"
        case .connectionClosed:
            "partyd 在回复前关闭了连接"
        case .malformedResponse(let detail):
            "无法解析 partyd 的回复：\(detail)"
        }
    }
}
