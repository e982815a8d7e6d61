/// The fields of a request the server reads before it knows the method: everything but the parameters.
package struct RPCRequestHead: Decodable, Sendable {
    /// Must be "2.0".
    package let jsonrpc: String?
    /// The id; absent for a notification.
    package let id: RPCID?
    /// The method name, e.g. `org.add`.
    package let method: String?

    private enum CodingKeys: String, CodingKey { case jsonrpc, id, method }

    /// Decodes, distinguishing an explicit `"id": null` from a missing id.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jsonrpc = try container.decodeIfPresent(String.self, forKey: .jsonrpc)
        id = container.contains(.id) ? try container.decode(RPCID.self, forKey: .id) : nil
        method = try container.decodeIfPresent(String.self, forKey: .method)
    }
}

/// The parameters of a request, decoded once the method (and so their type) is known.
package struct RPCRequestParams<Params: Decodable>: Decodable {
    /// The parameters; nil when the request has none.
    package let params: Params?
}

/// A whole request as the client sends it.
package struct RPCRequest<Params: Encodable & Sendable>: Encodable, Sendable {
    /// Always "2.0".
    package let jsonrpc = "2.0"
    /// The id the response will carry.
    package let id: RPCID
    /// The method name.
    package let method: String
    /// The parameters.
    package let params: Params

    /// Creates a request.
    package init(id: RPCID, method: String, params: Params) {
        self.id = id
        self.method = method
        self.params = params
    }
}

/// A successful response.
package struct RPCSuccess<Result: Encodable & Sendable>: Encodable, Sendable {
    /// Always "2.0".
    package let jsonrpc = "2.0"
    /// The request's id.
    package let id: RPCID
    /// The method's result.
    package let result: Result

    /// Creates a response.
    package init(id: RPCID, result: Result) {
        self.id = id
        self.result = result
    }
}

/// The machine-readable detail of an error: what scripts match on and what the console prints.
package struct RPCErrorData: Codable, Sendable, Equatable {
    /// A stable dotted reason such as `org.nesting` or `rpc.parse_error`.
    package let reason: String
    /// The parameter at fault, when one is.
    package let field: String?
    /// The explanation in Chinese.
    package let message: String
    /// Per-row problems of a bulk operation (CSV import), when there are any.
    package let details: [RPCErrorDetail]?

    /// Creates error data.
    package init(reason: String, field: String?, message: String, details: [RPCErrorDetail]? = nil) {
        self.reason = reason
        self.field = field
        self.message = message
        self.details = details
    }
}

/// One problem in a bulk request: the row and column of a CSV file and what is wrong there.
package struct RPCErrorDetail: Codable, Sendable, Equatable {
    /// The 1-based line of the file where the row starts.
    package let row: Int?
    /// The column header at fault.
    package let column: String?
    /// What is wrong, in Chinese.
    package let message: String

    /// Creates a detail.
    package init(row: Int?, column: String?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }
}

/// The error object of a failed response.
package struct RPCErrorObject: Codable, Sendable, Equatable, Error {
    /// One of ``RPCErrorCode``.
    package let code: Int
    /// The Chinese message (the same as `data.message`, for generic JSON-RPC clients).
    package let message: String
    /// The detail.
    package let data: RPCErrorData

    /// Creates an error object whose message is the data's message.
    package init(code: Int, data: RPCErrorData) {
        self.code = code
        self.message = data.message
        self.data = data
    }

    /// Creates an error object from its parts.
    package init(code: Int, reason: String, field: String? = nil, message: String) {
        self.init(code: code, data: RPCErrorData(reason: reason, field: field, message: message))
    }
}

/// A failed response.
package struct RPCFailure: Encodable, Sendable {
    /// Always "2.0".
    package let jsonrpc = "2.0"
    /// The request's id, or null when it could not be read.
    package let id: RPCID
    /// The error.
    package let error: RPCErrorObject

    /// Creates a failed response.
    package init(id: RPCID, error: RPCErrorObject) {
        self.id = id
        self.error = error
    }
}

/// What the client reads back: either a result or an error, with the id.
package struct RPCResponse<Result: Decodable>: Decodable {
    /// The id of the request answered.
    package let id: RPCID?
    /// The result on success.
    package let result: Result?
    /// The error on failure.
    package let error: RPCErrorObject?
}
