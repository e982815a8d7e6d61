import Domain
import GRDB

/// v6: channels (an organization's chat robots, webhooks and mail server) and the outbox: one row per notice and
/// group channel, and one per notice and member for e-mail, written in the transaction that publishes the notice,
/// so that nothing published is ever left unsent.
enum MigrationV6 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE channel (
                    id INTEGER PRIMARY KEY,
                    org_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
                    kind TEXT NOT NULL CHECK (kind IN (\(Migrations.quotedList(ChannelKind.allCases)))),
                    name TEXT NOT NULL,
                    url TEXT NOT NULL,
                    secret TEXT,
                    keyword TEXT,
                    sender TEXT,
                    login TEXT,
                    audience TEXT NOT NULL CHECK (audience IN (\(Migrations.quotedList(ChannelAudience.allCases)))),
                    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX channel_org ON channel(org_id, active);
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    notice_id INTEGER NOT NULL REFERENCES notice(id) ON DELETE RESTRICT,
                    channel_id INTEGER NOT NULL REFERENCES channel(id) ON DELETE RESTRICT,
                    member_id INTEGER REFERENCES member(id) ON DELETE RESTRICT,
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN (\(Migrations.quotedList(DeliveryState.allCases)))),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL,
                    last_error TEXT,
                    created_at INTEGER NOT NULL,
                    sent_at INTEGER
                );
                CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
                CREATE INDEX outbox_notice ON outbox(notice_id);
                """
        )
    }
}
