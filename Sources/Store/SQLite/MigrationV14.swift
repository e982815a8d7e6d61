import GRDB

/// v14: reminders. `reminder` holds each announcement a rule's scan found, keyed by (rule, subject, due date,
/// stage) so that the same fact is never announced twice whatever scans, restarts and crashes happen, with where
/// it stands and the notice that carried it; `reminder_rule_state` each rule's last scan, so that a daily scan
/// runs once a day and once after downtime.
enum MigrationV14 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE reminder (
                    id INTEGER PRIMARY KEY,
                    rule TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    due_on TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    org_id INTEGER REFERENCES organization(id) ON DELETE CASCADE,
                    audience TEXT NOT NULL CHECK (audience IN ('admins', 'member', 'outstanding', 'system')),
                    member_id INTEGER REFERENCES member(id) ON DELETE CASCADE,
                    urgent INTEGER NOT NULL CHECK (urgent IN (0, 1)),
                    title TEXT NOT NULL,
                    line TEXT NOT NULL,
                    found_at INTEGER NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'snoozed', 'sent', 'undeliverable')),
                    snoozed_until INTEGER,
                    sent_at INTEGER,
                    notice_id INTEGER REFERENCES notice(id) ON DELETE SET NULL,
                    route TEXT CHECK (route IN ('admins', 'members', 'inbox', 'system')),
                    UNIQUE (rule, subject, due_on, stage),
                    CHECK ((audience = 'member') = (member_id IS NOT NULL)),
                    CHECK ((audience = 'system') = (org_id IS NULL)),
                    CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL)),
                    CHECK ((state = 'sent') = (sent_at IS NOT NULL))
                );
                CREATE INDEX reminder_waiting ON reminder(state) WHERE state IN ('pending', 'snoozed');
                CREATE INDEX reminder_org ON reminder(org_id, due_on);
                CREATE TABLE reminder_rule_state (
                    rule TEXT PRIMARY KEY,
                    last_scan_day TEXT NOT NULL,
                    last_scan_at INTEGER NOT NULL,
                    last_found INTEGER NOT NULL,
                    last_new INTEGER NOT NULL,
                    last_duration_ms INTEGER NOT NULL
                ) WITHOUT ROWID;
                """
        )
    }
}
