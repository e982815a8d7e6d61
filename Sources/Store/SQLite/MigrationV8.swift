import Domain
import GRDB

/// v8: attachments. `attachment` is the content, one row per distinct SHA-256 (the bytes live in the file
/// store under that digest); `attachment_upload` is an uploader's claim on content not yet (or no longer) needed
/// by a record, which keeps it alive for a day; `attachment_link` attaches content to a record (a notice now,
/// activities later) under a display name. Content with neither a link nor a fresh upload is collected.
enum MigrationV8 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE attachment (
                    id INTEGER PRIMARY KEY,
                    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
                    size INTEGER NOT NULL CHECK (size > 0),
                    kind TEXT NOT NULL CHECK (kind IN (\(Migrations.quotedList(AttachmentKind.allCases)))),
                    created_at INTEGER NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE TABLE attachment_upload (
                    attachment_id INTEGER NOT NULL REFERENCES attachment(id) ON DELETE CASCADE,
                    uploader_kind TEXT NOT NULL,
                    uploader_id TEXT NOT NULL,
                    uploader TEXT NOT NULL,
                    name TEXT NOT NULL,
                    uploaded_at INTEGER NOT NULL,
                    PRIMARY KEY (attachment_id, uploader_kind, uploader_id)
                );
                CREATE INDEX attachment_upload_time ON attachment_upload(uploaded_at);
                CREATE TABLE attachment_link (
                    attachment_id INTEGER NOT NULL REFERENCES attachment(id) ON DELETE RESTRICT,
                    owner_kind TEXT NOT NULL,
                    owner_id INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    tag TEXT CHECK (tag IN (\(Migrations.quotedList(AttachmentTag.allCases)))),
                    position INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (owner_kind, owner_id, attachment_id)
                );
                CREATE INDEX attachment_link_attachment ON attachment_link(attachment_id);
                """
        )
    }
}
