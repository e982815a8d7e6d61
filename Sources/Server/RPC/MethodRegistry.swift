import Core
import Domain
import Foundation
import Wire

/// One registered method: its declaration, what it requires (read from the core operation it calls, for the
/// catalog; the operation itself enforces it), and its handler erased to bytes in and bytes out.
package struct MethodEntry: Sendable {
    /// The namespaced name.
    package let name: String
    /// One line of Chinese.
    package let summary: String
    /// What the caller needs.
    package let access: Access
    /// Whether a call may take long and much of the machine (exports, whole lists, history, imports): such calls
    /// run under the heavy-request limits, so that they cannot crowd out short requests.
    package internal(set) var heavy = false
    /// Decodes the parameters (throwing `DecodingError`).
    let decode: @Sendable (Data) throws -> any Sendable
    /// Runs the handler on decoded parameters and encodes its result.
    let invoke: @Sendable (any Sendable, RequestContext) async throws -> Data
}

/// Collects the methods the daemon serves. Each names the core operation whose access requirement it shows in
/// the catalog; handlers only decode, call the core and encode, so every check happens inside the operation.
package struct MethodRegistry: Sendable {
    private(set) var entries: [String: MethodEntry] = [:]

    /// Creates an empty registry.
    package init() {}

    /// Registers `method`, which calls `operation` (or, for the protocol's own methods, needs `access`).
    package mutating func register<M: RPCMethod>(
        _ method: M.Type,
        access: Access,
        handler: @escaping @Sendable (M.Params, RequestContext) async throws -> M.Result
    ) {
        precondition(entries[M.name] == nil, "method \(M.name) registered twice")
        entries[M.name] = MethodEntry(
            name: M.name,
            summary: M.summary,
            access: access,
            decode: { data in
                try JSONDecoder().decode(RPCRequestParams<M.Params>.self, from: data).params
                    ?? JSONDecoder().decode(M.Params.self, from: Data("{}".utf8))
            },
            invoke: { params, context in
                let result = try await handler(params as! M.Params, context)
                return try MethodRegistry.encoder.encode(result)
            }
        )
    }

    /// Marks `methods`, already registered, as heavy (see ``MethodEntry/heavy``).
    package mutating func markHeavy(_ methods: [any RPCMethod.Type]) {
        for method in methods {
            precondition(entries[method.name] != nil, "method \(method.name) marked heavy but not registered")
            entries[method.name]?.heavy = true
        }
    }

    /// Registers `method` as the socket's door to the core operation of the same name.
    package mutating func register<M: RPCMethod>(
        _ method: M.Type,
        calling operation: PartyOperation,
        handler: @escaping @Sendable (M.Params, RequestContext) async throws -> M.Result
    ) {
        precondition(operation.name == M.name, "method \(M.name) calls operation \(operation.name)")
        register(method, access: operation.access, handler: handler)
    }

    /// The JSON encoder for results: compact, slashes unescaped.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    /// The entry named `name`.
    package func entry(_ name: String) -> MethodEntry? { entries[name] }

    /// Every method, sorted by name, for `system.methods`.
    package var catalog: [SystemMethods.Entry] {
        entries.values.sorted { $0.name < $1.name }.map {
            SystemMethods.Entry(name: $0.name, summary: $0.summary, access: MethodRegistry.describe($0.access))
        }
    }

    private static func describe(_ access: Access) -> String {
        switch access {
        case .anyone: "anyone"
        case .account: "account"
        case .systemAdmin: "system-admin"
        case .read: "read"
        case .write: "write"
        case .selfService: "self"
        }
    }
}
