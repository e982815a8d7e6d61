/// The materialized path of an organization: the ids from the root down to it, written `/1/17/342/`.
///
/// A subtree is every path that starts with the root's path, so "is X inside Y" and "everything under Y"
/// are prefix tests, which an index answers as a range scan.
package struct OrgPath: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The ids from the root to the organization itself.
    package let ids: [Int64]

    /// Creates a path from ids, root first.
    package init(ids: [Int64]) { self.ids = ids }

    /// Parses the `/1/17/342/` form; nil when malformed.
    package init?(_ text: String) {
        guard text.hasPrefix("/"), text.hasSuffix("/") else { return nil }
        var ids: [Int64] = []
        for part in text.split(separator: "/") {
            guard let id = Int64(part) else { return nil }
            ids.append(id)
        }
        guard !ids.isEmpty else { return nil }
        self.ids = ids
    }

    /// The position above every top-level organization; it lies within no organization's subtree.
    package static let forestTop = OrgPath(ids: [])

    /// The `/1/17/342/` form.
    package var description: String { "/" + ids.map(String.init).joined(separator: "/") + "/" }

    /// The number of ancestors: 0 at a root.
    package var depth: Int { ids.count - 1 }

    /// The path of a child with `id` under this one.
    package func appending(_ id: Int64) -> OrgPath { OrgPath(ids: ids + [id]) }

    /// Whether this path is `ancestor` itself or lies below it.
    package func isWithin(_ ancestor: OrgPath) -> Bool {
        ids.count >= ancestor.ids.count && Array(ids.prefix(ancestor.ids.count)) == ancestor.ids
    }

    /// Encodes as the string form.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes the string form.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let path = OrgPath(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid path \(text)")
        }
        self = path
    }
}
