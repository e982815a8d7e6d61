import GRDB

/// v11: organizational life. `activity` is the plan, then the record of its holding (or its cancellation) and
/// its publication, with the invitation and feed notices it sent; `activity_attendance` is each invitee's
/// standing (one row each, the current status), `activity_attendance_event` every change of it with its time,
/// channel and actor; `activity_points` the points granted for a confirmed attendance, counted in a year, so
/// that each year's totals stay as they were when the next year starts again from the base score.
///
/// The value lists are written out here rather than read from the Swift enums, so that this migration's SQL
/// stays what it was when released whatever later cases the enums gain.
enum MigrationV11 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE activity (
                    id INTEGER PRIMARY KEY,
                    org_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
                    kind TEXT NOT NULL CHECK (kind IN ('支部党员大会', '支委会', '党小组会', '党课', '主题党日',
                        '组织生活会', '民主评议', '其他')),
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    state TEXT NOT NULL DEFAULT 'planned'
                        CHECK (state IN ('planned', 'held', 'published', 'cancelled')),
                    planned_at INTEGER NOT NULL,
                    place TEXT,
                    theme TEXT,
                    host TEXT,
                    recorder TEXT,
                    signup_deadline INTEGER,
                    invitation_notice_id INTEGER REFERENCES notice(id) ON DELETE RESTRICT,
                    created_by TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    held_at INTEGER,
                    duration_minutes INTEGER CHECK (duration_minutes BETWEEN 1 AND 1440),
                    minutes TEXT,
                    decisions TEXT,
                    recorded_at INTEGER,
                    due_on TEXT,
                    late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
                    cancelled_at INTEGER,
                    cancel_reason TEXT,
                    published_at INTEGER,
                    feed_notice_id INTEGER REFERENCES notice(id) ON DELETE RESTRICT,
                    CHECK ((state IN ('held', 'published')) = (held_at IS NOT NULL AND recorded_at IS NOT NULL
                        AND due_on IS NOT NULL)),
                    CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL)),
                    CHECK ((state = 'published') = (published_at IS NOT NULL))
                );
                CREATE INDEX activity_org ON activity(org_id, id);
                CREATE INDEX activity_day ON activity(COALESCE(held_at, planned_at));
                CREATE TABLE activity_attendance (
                    activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
                    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE RESTRICT,
                    org_id INTEGER NOT NULL,
                    status TEXT NOT NULL DEFAULT 'invited'
                        CHECK (status IN ('invited', 'signed_up', 'leave', 'present', 'absent')),
                    reason TEXT,
                    confirmed_at INTEGER,
                    changed_at INTEGER NOT NULL,
                    channel TEXT NOT NULL CHECK (channel IN ('plan', 'console', 'on_behalf', 'link', 'record')),
                    CHECK ((status = 'leave') = (reason IS NOT NULL)),
                    PRIMARY KEY (activity_id, member_id)
                ) WITHOUT ROWID;
                CREATE INDEX activity_attendance_member ON activity_attendance(member_id, activity_id);
                CREATE TABLE activity_attendance_event (
                    id INTEGER PRIMARY KEY,
                    activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
                    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE RESTRICT,
                    status TEXT NOT NULL CHECK (status IN ('invited', 'signed_up', 'leave', 'present', 'absent')),
                    reason TEXT,
                    channel TEXT NOT NULL CHECK (channel IN ('plan', 'console', 'on_behalf', 'link', 'record')),
                    actor TEXT NOT NULL,
                    at INTEGER NOT NULL
                );
                CREATE INDEX activity_attendance_event_activity ON activity_attendance_event(activity_id, id);
                CREATE TABLE activity_points (
                    activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE RESTRICT,
                    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE RESTRICT,
                    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
                    points INTEGER NOT NULL CHECK (points >= 0),
                    granted_at INTEGER NOT NULL,
                    PRIMARY KEY (activity_id, member_id)
                ) WITHOUT ROWID;
                CREATE INDEX activity_points_year ON activity_points(year, member_id);
                """
        )
    }
}
