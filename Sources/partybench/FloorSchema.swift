import Store

/// partyd's schema for the floor, taken from the store's own migrations so the sqlite3 database has exactly
/// the same tables, indexes and checks as the daemon's.
enum FloorSchema {
    /// The CREATE statements, each terminated for the sqlite3 shell.
    static var statements: String {
        get throws { try SQLiteStore.schemaStatements().map { $0 + ";\n" }.joined() }
    }
}
