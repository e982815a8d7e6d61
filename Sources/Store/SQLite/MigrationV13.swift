import GRDB

/// v13: timed jobs and their runs. A job keeps its rule, zone, misfire policy and action as JSON, and the slot it
/// waits for with that slot's instant (UTC ms) for the due-job query; each run is keyed by (job, slot), so an
/// occurrence fires at most once whatever restarts or clock jumps happen.
enum MigrationV13 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE schedule_job (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    org_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
                    recurrence TEXT NOT NULL,
                    zone TEXT NOT NULL,
                    misfire TEXT NOT NULL,
                    action TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    next_slot TEXT,
                    next_fire_at INTEGER,
                    last_fired_at INTEGER,
                    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    CHECK ((next_slot IS NULL) = (next_fire_at IS NULL))
                );
                CREATE INDEX schedule_job_due ON schedule_job(next_fire_at) WHERE active = 1;
                CREATE INDEX schedule_job_org ON schedule_job(org_id) WHERE active = 1;
                CREATE TABLE schedule_run (
                    job_id INTEGER NOT NULL REFERENCES schedule_job(id) ON DELETE CASCADE,
                    slot TEXT NOT NULL,
                    fired_at INTEGER NOT NULL,
                    outcome TEXT NOT NULL,
                    PRIMARY KEY (job_id, slot)
                ) WITHOUT ROWID;
                """
        )
    }
}
