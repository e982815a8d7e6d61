import Domain
import Foundation
import Wire

/// One registered method: its declaration, what it requires, which organizations it touches, and its handler
/// erased to bytes in and bytes out.
package struct MethodEntry: Sendable {
    /// The namespaced name.
    package let name: String
    /// One line of Chinese.
    package let summary: String
    /// What the caller needs.
    package let access: Access
    /// Decodes the parameters (throwing `DecodingError`) and names the targets whose scope must be checked.
    let decode: @Sendable (Data) throws -> any Sendable
    /// The targets named by decoded parameters.
    let targets: @Sendable (any Sendable) -> [ScopeTarget]
    /// Runs the handler on decoded parameters and encodes its result.
    let invoke: @Sendable (any Sendable, RequestContext) async throws -> Data
}

/// Collects the methods the daemon serves. Every method states its access requirement and its targets here,
/// so the dispatcher can authorize before any handler runs.
package struct MethodRegistry: Sendable {
    private(set) var entries: [String: MethodEntry] = [:]

    /// Creates an empty registry.
    package init() {}

    /// Registers `method`, requiring `access` on the organizations `targets` returns for given parameters.
    package mutating func register<M: RPCMethod>(
        _ method: M.Type,
        access: Access,
        targets: @escaping @Sendable (M.Params) -> [ScopeTarget] = { _ in [] },
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
            targets: { params in targets(params as! M.Params) },
            invoke: { params, context in
                let result = try await handler(params as! M.Params, context)
                return try MethodRegistry.encoder.encode(result)
            }
        )
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
