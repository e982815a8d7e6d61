import CCurl

/// Why a libcurl transfer did not complete: the kind decides whether a later attempt can succeed.
///
/// The description names the libcurl code and the server's last reply code, never the URL, the credentials or
/// libcurl's own error buffer, because those can carry a webhook key or a host the operator considers private.
package struct TransferError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as far as a retry decision is concerned.
    package enum Kind: Sendable, Hashable {
        /// The connect or total timeout expired.
        case timedOut
        /// No connection, or it broke while sending or receiving.
        case connectionFailed
        /// The caller's task was cancelled; nothing is known about delivery.
        case cancelled
        /// The server refused the credentials or the access.
        case loginDenied
        /// TLS could not be set up or the peer's certificate was refused.
        case tlsFailed
        /// The request itself cannot work (bad URL, unsupported scheme, bad option).
        case invalidRequest
        /// The server answered something the protocol does not allow at that point.
        case unexpectedReply
        /// Any other libcurl failure.
        case other
    }

    /// What went wrong.
    package let kind: Kind
    /// The raw `CURLcode`.
    package let curlCode: Int
    /// The last HTTP status or SMTP reply code libcurl saw, 0 when none arrived.
    package let responseCode: Int

    /// Wraps a libcurl result code and the last reply code.
    package init(kind: Kind, curlCode: Int, responseCode: Int = 0) {
        self.kind = kind
        self.curlCode = curlCode
        self.responseCode = responseCode
    }

    /// Classifies a libcurl result code.
    package init(code: CURLcode, responseCode: Int) {
        self.init(kind: Self.kind(of: code), curlCode: Int(code.rawValue), responseCode: responseCode)
    }

    /// A Chinese sentence for operators; it carries no URL and no secret.
    package var description: String {
        let reply = responseCode > 0 ? ",服务器应答 \(responseCode)" : ""
        return "\(kind.summary)(libcurl 错误 \(curlCode)\(reply))"
    }

    private static func kind(of code: CURLcode) -> Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR,
            CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM,
            CURLE_SSL_CONNECT_ERROR:
            return .connectionFailed
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_LOGIN_DENIED, CURLE_REMOTE_ACCESS_DENIED, CURLE_AUTH_ERROR:
            return .loginDenied
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE, CURLE_USE_SSL_FAILED,
            CURLE_SSL_CIPHER, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return .tlsFailed
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_FUNCTION_ARGUMENT, CURLE_NOT_BUILT_IN,
            CURLE_UNKNOWN_OPTION:
            return .invalidRequest
        case CURLE_WEIRD_SERVER_REPLY:
            return .unexpectedReply
        default:
            return .other
        }
    }
}

extension TransferError.Kind {
    /// The Chinese summary used in descriptions and delivery reasons.
    package var summary: String {
        switch self {
        case .timedOut: "连接或传输超时"
        case .connectionFailed: "无法连接或连接中断"
        case .cancelled: "发送已取消"
        case .loginDenied: "服务器拒绝登录或访问"
        case .tlsFailed: "TLS 握手或证书校验失败"
        case .invalidRequest: "请求无效(地址或参数有误)"
        case .unexpectedReply: "服务器应答不符合协议"
        case .other: "传输失败"
        }
    }
}
