/// A key/value layout for one record (`org show`, `status`): labels padded to one display width, then values.
///
/// ```
/// 代码      0101
/// 名称      第一党支部
/// 成立日期  2020-07-01
/// ```
struct Record {
    /// The label/value pairs in the order they are shown.
    private(set) var fields: [(label: String, value: String)] = []

    /// Creates an empty record.
    init() {}

    /// Adds a field; a missing or empty value shows as ``Format/none`` so that every label keeps its line.
    mutating func add(_ label: String, _ value: String?) {
        fields.append((label, Format.orNone(value)))
    }

    /// Adds a field only when it has a value (e.g. the revocation date of an organization still in service).
    mutating func addIfPresent(_ label: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        fields.append((label, value))
    }

    /// The record as text, continuation lines of multi-line values indented under the first; no final newline.
    func render() -> String {
        let width = fields.reduce(0) { max($0, DisplayWidth.of($1.label)) }
        let indent = String(repeating: " ", count: width + 2)
        return fields.map { field in
            let lines = field.value.split(separator: "\n", omittingEmptySubsequences: false)
            let first = DisplayWidth.pad(field.label, to: width) + "  " + (lines.first.map(String.init) ?? "")
            return ([first] + lines.dropFirst().map { indent + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
