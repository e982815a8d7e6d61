import Domain
import GRDB
import Synchronization

/// A member row is the `Member` value itself, through GRDB's Codable support: every stored property is a
/// column named in snake case (`idNumber` ↔ `id_number`, `orgID` ↔ `org_id`), so a new field needs only its
/// property and the migration that adds its column. `orgCode` and `groupCode` are read from the joined
/// organizations and never written (the table has no such columns).
extension Member: FetchableRecord, EncodableRecord {
    /// Columns are properties in snake case.
    package static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .custom { key in ColumnNames.shared.column(for: key.stringValue) }
    }

    /// Columns back to properties: snake case to camel case, with the word `id` after the first as `ID`.
    package static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { column in ColumnNames.shared.key(for: column) }
    }
}

/// The names of record columns and their coding keys, converted once and remembered: a roster import converts
/// every key of every row, and 340,000 rows of string munging would dominate it.
final class ColumnNames: Sendable {
    static let shared = ColumnNames()
    private let columns = Mutex<[String: String]>([:])
    private let keys = Mutex<[String: ColumnKey]>([:])

    /// `idNumber` → `id_number`, `orgID` → `org_id`.
    func column(for key: String) -> String {
        if let known = columns.withLock({ $0[key] }) { return known }
        let characters = Array(key)
        var column = ""
        for (index, character) in characters.enumerated() {
            // A word starts at an upper-case letter after a lower-case one or a digit (`orgID`), or at the last
            // capital of an acronym that a lower-case letter follows (`URLPath` → `url_path`).
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    column += "_"
                }
            }
            column += character.lowercased()
        }
        columns.withLock { $0[key] = column }
        return column
    }

    /// `id_number` → `idNumber`, `org_id` → `orgID`.
    func key(for column: String) -> ColumnKey {
        if let known = keys.withLock({ $0[column] }) { return known }
        let words = column.split(separator: "_")
        let key = ColumnKey(
            (words.first.map(String.init) ?? "")
                + words.dropFirst().map { $0 == "id" ? "ID" : $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        )
        keys.withLock { $0[column] = key }
        return key
    }
}

/// A coding key named by a string.
struct ColumnKey: CodingKey, Sendable {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

// The value types of member columns: dates as `YYYY-MM-DD` text, enums as their Chinese names. The flags, a
// set, are stored by GRDB as a JSON array of names (migration v4).

extension LocalDate: DatabaseValueConvertible {
    /// `YYYY-MM-DD` text.
    package var databaseValue: DatabaseValue { description.databaseValue }

    /// Reads `YYYY-MM-DD` text.
    package static func fromDatabaseValue(_ value: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(value).flatMap(LocalDate.init)
    }
}

extension Gender: DatabaseValueConvertible {}
extension MemberCategory: DatabaseValueConvertible {}
extension MemberStatus: DatabaseValueConvertible {}
