import GRDB

/// v15: administrators' e-mail. An account may have an address, so that reminders for an organization's
/// administrators reach them by e-mail as well as in the committee's groups; an outbox row may carry the address
/// (and name) it is mailed to when it is not a member's.
enum MigrationV15 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE account ADD COLUMN email TEXT;
                ALTER TABLE outbox ADD COLUMN address TEXT;
                ALTER TABLE outbox ADD COLUMN address_name TEXT;
                """
        )
    }
}
