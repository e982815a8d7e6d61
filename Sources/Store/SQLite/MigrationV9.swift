import GRDB

/// v9: a notice's life (scheduled, published, cancelled, retracted), whom it addresses (members, administrators
/// or both; whole organizations or members named one by one), the outbox's cancelled state and the purpose of
/// each row (the notice, or the word that it was retracted), and every delivery attempt kept for `delivery show`.
///
/// The value lists are written out here rather than read from the Swift enums, so that this migration's SQL
/// stays what it was when released whatever later cases the enums gain.
enum MigrationV9 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE notice ADD COLUMN state TEXT NOT NULL DEFAULT 'published'
                    CHECK (state IN ('scheduled', 'published', 'cancelled', 'retracted'));
                ALTER TABLE notice ADD COLUMN addressees TEXT NOT NULL DEFAULT 'members'
                    CHECK (addressees IN ('members', 'admins', 'all'));
                ALTER TABLE notice ADD COLUMN named_members INTEGER NOT NULL DEFAULT 0 CHECK (named_members IN (0, 1));
                ALTER TABLE notice ADD COLUMN retracted_at INTEGER;
                ALTER TABLE notice ADD COLUMN retract_reason TEXT;
                CREATE INDEX notice_scheduled ON notice(published_at) WHERE state = 'scheduled';
                CREATE TABLE notice_addressee (
                    notice_id INTEGER NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
                    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
                    PRIMARY KEY (notice_id, member_id)
                ) WITHOUT ROWID;
                CREATE TABLE outbox_v9 (
                    id INTEGER PRIMARY KEY,
                    notice_id INTEGER NOT NULL REFERENCES notice(id) ON DELETE RESTRICT,
                    channel_id INTEGER NOT NULL REFERENCES channel(id) ON DELETE RESTRICT,
                    member_id INTEGER REFERENCES member(id) ON DELETE RESTRICT,
                    purpose TEXT NOT NULL DEFAULT 'notice' CHECK (purpose IN ('notice', 'retraction')),
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead', 'cancelled')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL,
                    last_error TEXT,
                    created_at INTEGER NOT NULL,
                    sent_at INTEGER
                );
                INSERT INTO outbox_v9 (id, notice_id, channel_id, member_id, state, attempts, next_attempt_at,
                    last_error, created_at, sent_at)
                SELECT id, notice_id, channel_id, member_id, state, attempts, next_attempt_at, last_error, created_at,
                    sent_at FROM outbox;
                DROP TABLE outbox;
                ALTER TABLE outbox_v9 RENAME TO outbox;
                CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
                CREATE INDEX outbox_notice ON outbox(notice_id);
                CREATE TABLE delivery_attempt (
                    outbox_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
                    attempt INTEGER NOT NULL CHECK (attempt > 0),
                    at INTEGER NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'retryable', 'permanent')),
                    error TEXT,
                    PRIMARY KEY (outbox_id, attempt)
                ) WITHOUT ROWID;
                """
        )
    }
}
