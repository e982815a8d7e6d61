import GRDB

/// v3: instants become integer UTC milliseconds, and the audit names its actor by kind and id.
///
/// v1 and v2 stored instants as ISO 8601 text with the zone's offset (`2026-11-23T10:00:00.123+08:00`), which
/// neither sorts as time across offsets nor serves `due <= now` through an index. SQLite's `julianday` reads
/// that text, offset included, so the conversion is exact to the millisecond. The audit gains `actor_kind` and
/// `actor_id` (a daemon's scheduled work or a member's link has no uid), so its table is rebuilt with the uid
/// kept as the id of the `unix` actors it already holds.
enum MigrationV3 {
    /// Text instant → UTC milliseconds.
    private static func milliseconds(_ column: String) -> String {
        "CAST(round((julianday(\(column)) - 2440587.5) * 86400000.0) AS INTEGER)"
    }

    /// Replaces the text instant `column` of `table` by its integer milliseconds under the same name.
    private static func convert(_ table: String, _ column: String, _ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE \(table) ADD COLUMN \(column)_ms INTEGER NOT NULL DEFAULT 0;
                UPDATE \(table) SET \(column)_ms = \(milliseconds(column));
                ALTER TABLE \(table) DROP COLUMN \(column);
                ALTER TABLE \(table) RENAME COLUMN \(column)_ms TO \(column);
                """
        )
    }

    static func migrate(_ db: Database) throws {
        for (table, column) in [
            ("organization", "created_at"), ("organization", "updated_at"), ("org_history", "at"),
            ("account", "created_at"), ("member", "created_at"), ("member", "updated_at"), ("member_history", "at"),
        ] {
            try convert(table, column, db)
        }
        try db.execute(
            sql: """
                CREATE TABLE audit_v3 (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('unix', 'member', 'daemon')),
                    actor_id TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    method TEXT NOT NULL,
                    target TEXT NOT NULL,
                    org_id INTEGER,
                    summary TEXT NOT NULL
                );
                INSERT INTO audit_v3 (id, at, actor_kind, actor_id, actor, method, target, org_id, summary)
                    SELECT id, \(milliseconds("at")), 'unix', CAST(actor_uid AS TEXT), actor, method, target, org_id,
                        summary
                    FROM audit;
                DROP TABLE audit;
                ALTER TABLE audit_v3 RENAME TO audit;
                CREATE INDEX audit_org ON audit(org_id, id);
                CREATE INDEX audit_at ON audit(at);
                """
        )
    }
}
