import Domain
import GRDB

extension SQLiteAccess: QuietHoursReading, QuietHoursWriting {
    func quietSetting(at path: OrgPath) throws -> (setting: QuietSetting, orgID: Int64)? {
        let ids = "[" + path.ids.map(String.init).joined(separator: ",") + "]"
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT q.* FROM org_quiet_hours q JOIN organization o ON o.id = q.org_id
                    WHERE q.org_id IN (SELECT value FROM json_each(?)) ORDER BY o.depth DESC LIMIT 1
                    """,
                arguments: [ids]
            )
        else { return nil }
        let off: Bool = row["off"]
        let setting: QuietSetting =
            off ? .off : .window(QuietHours(start: row["start_minute"], end: row["end_minute"]))
        return (setting, row["org_id"])
    }

    func setQuietSetting(_ setting: QuietSetting?, orgID: Int64) throws {
        guard let setting else {
            try db.execute(sql: "DELETE FROM org_quiet_hours WHERE org_id = ?", arguments: [orgID])
            return
        }
        let window = setting.window
        try db.execute(
            sql: "INSERT OR REPLACE INTO org_quiet_hours (org_id, start_minute, end_minute, off) VALUES (?, ?, ?, ?)",
            arguments: [orgID, window?.start, window?.end, window == nil]
        )
    }
}
