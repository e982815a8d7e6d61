import GRDB

/// v10: the message board (留言). One row per message: the organization it is addressed to, its author, the
/// text (kept after deletion, for the audit), its state and whether the members see it, the approval, the
/// administrators' reply, and the deletion with its reason.
///
/// Registered after v9; v8 is reserved for the attachment store. The value lists are written out rather than
/// read from the Swift enums, so that this SQL stays what it was when released.
enum MigrationV10 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE board_message (
                    id INTEGER PRIMARY KEY,
                    org_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
                    author_member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE RESTRICT,
                    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                    posted_at INTEGER NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'deleted')),
                    shown INTEGER NOT NULL DEFAULT 0 CHECK (shown IN (0, 1)),
                    approved_by TEXT,
                    approved_at INTEGER,
                    reply TEXT,
                    replied_by TEXT,
                    replied_at INTEGER,
                    deleted_by TEXT,
                    deleted_at INTEGER,
                    delete_reason TEXT,
                    CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
                    CHECK ((reply IS NULL) = (replied_at IS NULL) AND (reply IS NULL) = (replied_by IS NULL)),
                    CHECK ((state = 'deleted') = (deleted_at IS NOT NULL)),
                    CHECK ((deleted_at IS NULL) = (deleted_by IS NULL) AND (deleted_at IS NULL) = (delete_reason IS NULL)),
                    CHECK (state <> 'approved' OR approved_at IS NOT NULL),
                    CHECK (state <> 'pending' OR (approved_at IS NULL AND reply IS NULL)),
                    CHECK (shown = 0 OR state = 'approved')
                );
                CREATE INDEX board_message_org ON board_message(org_id, state, id);
                CREATE INDEX board_message_author ON board_message(author_member_id, id);
                """
        )
    }
}
