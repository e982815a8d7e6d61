import GRDB

/// v16: indexes for the reminder rules' scans of members' dates, which otherwise read the whole member table (five
/// times a day, 340,000 rows each on a city). Birthdays and political birthdays are looked up by month and day,
/// `substr(date, 6)` (`MM-DD`: dates are stored `YYYY-MM-DD`), among members on the roll; probationers by a partial
/// index of the few thousand on the roll. The two day indexes hold only the key, to keep imports cheap: a day's
/// few hundred rows are then read from the table.
enum MigrationV16 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX member_birth_day ON member(substr(birth_date, 6)) WHERE status = '在册';
                CREATE INDEX member_join_day ON member(substr(join_date, 6)) WHERE status = '在册';
                CREATE INDEX member_probationers ON member(org_id, id, name, probation_start)
                    WHERE status = '在册' AND category = '预备党员';
                """
        )
    }
}
