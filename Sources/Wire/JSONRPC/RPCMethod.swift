/// A method of the protocol: its name, a one-line Chinese description, and the types of its parameters and
/// result. Daemon and console share these declarations, so they cannot drift apart.
package protocol RPCMethod: Sendable {
    /// The parameters, sent as a JSON object.
    associatedtype Params: Codable & Sendable
    /// The result.
    associatedtype Result: Codable & Sendable
    /// The namespaced name, e.g. `org.add`.
    static var name: String { get }
    /// One line of Chinese shown by `system.methods`.
    static var summary: String { get }
}

/// Parameters of a method that takes none.
package struct NoParams: Codable, Sendable, Equatable {
    /// Creates the empty parameters.
    package init() {}
}

/// The result of a method that reports only success.
package struct OK: Codable, Sendable, Equatable {
    /// Always true.
    package var ok = true
    /// Creates the result.
    package init() {}
}
