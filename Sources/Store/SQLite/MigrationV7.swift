import GRDB

/// v7: organizations' quiet hours. A row is an organization's own setting (a window, or off); organizations
/// without one inherit from the nearest one above that has one.
enum MigrationV7 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE org_quiet_hours (
                    org_id INTEGER PRIMARY KEY REFERENCES organization(id) ON DELETE CASCADE,
                    start_minute INTEGER CHECK (start_minute BETWEEN 0 AND 1439),
                    end_minute INTEGER CHECK (end_minute BETWEEN 0 AND 1439),
                    off INTEGER NOT NULL CHECK (off IN (0, 1)),
                    CHECK ((off = 1) = (start_minute IS NULL AND end_minute IS NULL))
                );
                """
        )
    }
}
