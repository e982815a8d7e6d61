import Domain
import GRDB

/// v5: notices and their recipients. A notice's audience is expanded into one recipient row per member at
/// publication, so that later changes to the roster do not change who was told, and read and acknowledged
/// times are kept per recipient.
enum MigrationV5 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE notice (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN (\(Migrations.quotedList(NoticeKind.allCases)))),
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    body TEXT NOT NULL,
                    org_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
                    subtree INTEGER NOT NULL CHECK (subtree IN (0, 1)),
                    category TEXT CHECK (category IN (\(Migrations.quotedList(MemberCategory.allCases)))),
                    flag TEXT CHECK (flag IN (\(Migrations.quotedList(MemberFlag.allCases)))),
                    priority TEXT NOT NULL CHECK (priority IN (\(Migrations.quotedList(NoticePriority.allCases)))),
                    author TEXT NOT NULL,
                    published_at INTEGER NOT NULL,
                    ack_required INTEGER NOT NULL CHECK (ack_required IN (0, 1)),
                    ack_deadline TEXT,
                    expires_on TEXT,
                    recipient_count INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX notice_org ON notice(org_id, id);
                CREATE TABLE notice_recipient (
                    notice_id INTEGER NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
                    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
                    org_id INTEGER NOT NULL,
                    read_at INTEGER,
                    acknowledged_at INTEGER,
                    PRIMARY KEY (notice_id, member_id)
                ) WITHOUT ROWID;
                CREATE INDEX notice_recipient_member ON notice_recipient(member_id, notice_id);
                """
        )
    }
}
