import Domain
import GRDB

/// The schema's history. A migration that has shipped is never edited: changes come as new migrations.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-organizations-accounts-audit", migrate: v1)
        migrator.registerMigration("v2-members", migrate: v2)
        migrator.registerMigration("v3-utc-instants-actor-kinds", migrate: MigrationV3.migrate)
        migrator.registerMigration("v4-member-flags-json", migrate: v4)
        migrator.registerMigration("v5-notices", migrate: MigrationV5.migrate)
        migrator.registerMigration("v6-channels-outbox", migrate: MigrationV6.migrate)
        migrator.registerMigration("v7-quiet-hours", migrate: MigrationV7.migrate)
        migrator.registerMigration("v8-attachments", migrate: MigrationV8.migrate)
        migrator.registerMigration("v9-notice-life-delivery-attempts", migrate: MigrationV9.migrate)
        migrator.registerMigration("v10-message-board", migrate: MigrationV10.migrate)
        migrator.registerMigration("v11-activities", migrate: MigrationV11.migrate)
        migrator.registerMigration("v12-member-links", migrate: MigrationV12.migrate)
        migrator.registerMigration("v13-timed-jobs", migrate: MigrationV13.migrate)
        migrator.registerMigration("v14-reminders", migrate: MigrationV14.migrate)
        migrator.registerMigration("v15-account-email", migrate: MigrationV15.migrate)
        migrator.registerMigration("v16-member-date-indexes", migrate: MigrationV16.migrate)
        return migrator
    }

    /// The raw values of an enum, quoted and joined, for a `CHECK (column IN (...))` constraint.
    static func quotedList<T: RawRepresentable<String>>(_ values: [T]) -> String {
        values.map { "'\($0.rawValue)'" }.joined(separator: ",")
    }

    private static func v1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE organization (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    kind TEXT NOT NULL CHECK (kind IN (\(quotedList(OrgKind.allCases)))),
                    parent_id INTEGER REFERENCES organization(id) ON DELETE RESTRICT,
                    path TEXT NOT NULL UNIQUE,
                    depth INTEGER NOT NULL CHECK (depth >= 0),
                    founded TEXT,
                    unit_name TEXT,
                    unit_category TEXT,
                    contact TEXT,
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
                    revoked_on TEXT,
                    revoked_reason TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    CHECK ((status = 'revoked') = (revoked_on IS NOT NULL))
                );
                CREATE INDEX organization_parent ON organization(parent_id, status);
                CREATE TABLE org_history (
                    id INTEGER PRIMARY KEY,
                    org_id INTEGER NOT NULL,
                    org_code TEXT NOT NULL,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    summary TEXT NOT NULL
                );
                CREATE INDEX org_history_org ON org_history(org_id, id);
                CREATE TABLE account (
                    unix_user TEXT PRIMARY KEY,
                    role TEXT NOT NULL CHECK (role IN (\(quotedList(Role.allCases)))),
                    org_id INTEGER REFERENCES organization(id) ON DELETE RESTRICT,
                    member_id INTEGER,
                    created_at TEXT NOT NULL,
                    CHECK ((role IN ('org-admin', 'auditor')) = (org_id IS NOT NULL)),
                    CHECK ((role = 'member') = (member_id IS NOT NULL))
                );
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    actor_uid INTEGER NOT NULL,
                    method TEXT NOT NULL,
                    target TEXT NOT NULL,
                    org_id INTEGER,
                    summary TEXT NOT NULL
                );
                CREATE INDEX audit_org ON audit(org_id, id);
                """
        )
    }

    private static func v2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE member (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    gender TEXT NOT NULL CHECK (gender IN (\(quotedList(Gender.allCases)))),
                    ethnicity TEXT,
                    birth_date TEXT NOT NULL,
                    id_number TEXT NOT NULL,
                    phone TEXT,
                    email TEXT,
                    education TEXT,
                    job TEXT,
                    work_unit TEXT,
                    join_date TEXT,
                    probation_start TEXT,
                    full_date TEXT,
                    category TEXT NOT NULL CHECK (category IN (\(quotedList(MemberCategory.allCases)))),
                    org_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
                    group_id INTEGER REFERENCES organization(id) ON DELETE SET NULL,
                    flags TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL DEFAULT '在册' CHECK (status IN (\(quotedList(MemberStatus.allCases)))),
                    left_on TEXT,
                    left_reason TEXT,
                    remarks TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE UNIQUE INDEX member_id_number ON member(id_number) WHERE id_number <> '#';
                CREATE INDEX member_org ON member(org_id, status);
                CREATE INDEX member_name ON member(name);
                CREATE TABLE member_history (
                    id INTEGER PRIMARY KEY,
                    member_id INTEGER NOT NULL,
                    org_id INTEGER NOT NULL,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    summary TEXT NOT NULL
                );
                CREATE INDEX member_history_member ON member_history(member_id, id);
                CREATE INDEX member_history_org ON member_history(org_id, id);
                """
        )
    }

    /// v4: a member's flags as a JSON array of names (`["困难党员","流动党员"]`), as GRDB's Codable records store a
    /// set, instead of names joined by commas; the member row is then `Member` itself.
    private static func v4(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE member SET flags = CASE WHEN flags = '' THEN '[]'
                    ELSE '["' || replace(flags, ',', '","') || '"]' END
                """
        )
    }
}
