import GRDB

/// v12: personal links. How each read receipt and acknowledgement arrived (`console` for `me.read`/`me.ack`,
/// `link` for the member's page; those recorded before this migration came through the console, the only way
/// there was), and the single uses of link tokens: a token's id is kept from its state-changing use until it
/// expires, and a second use is refused.
///
/// The kinds of record are written out (`notice`, and `activity` ahead of its arrival) rather than read from
/// the Swift enums, so that this migration's SQL stays what it was when released.
enum MigrationV12 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE notice_recipient ADD COLUMN read_via TEXT CHECK (read_via IN ('console', 'link'));
                ALTER TABLE notice_recipient ADD COLUMN acknowledged_via TEXT
                    CHECK (acknowledged_via IN ('console', 'link'));
                UPDATE notice_recipient SET read_via = 'console' WHERE read_at IS NOT NULL;
                UPDATE notice_recipient SET acknowledged_via = 'console' WHERE acknowledged_at IS NOT NULL;
                CREATE TABLE member_link_use (
                    token_id TEXT PRIMARY KEY CHECK (length(token_id) = 32),
                    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
                    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('notice', 'activity')),
                    subject_id INTEGER NOT NULL,
                    action TEXT NOT NULL,
                    used_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX member_link_use_expiry ON member_link_use(expires_at);
                """
        )
    }
}
