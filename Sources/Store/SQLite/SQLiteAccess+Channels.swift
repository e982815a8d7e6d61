import Domain
import Foundation
import GRDB

extension SQLiteAccess {
    static func channel(_ row: Row, prefix: String = "") throws -> OrgChannel {
        let kindText: String = row[prefix + "kind"]
        let audienceText: String = row[prefix + "audience"]
        guard let kind = ChannelKind(rawValue: kindText), let audience = ChannelAudience(rawValue: audienceText) else {
            throw StoreCorruption(detail: "channel row \(row[prefix + "id"] ?? "?")")
        }
        return OrgChannel(
            id: row[prefix + "id"],
            orgID: row[prefix + "org_id"],
            kind: kind,
            name: row[prefix + "name"],
            url: row[prefix + "url"],
            secret: row[prefix + "secret"],
            keyword: row[prefix + "keyword"],
            audience: audience,
            sender: row[prefix + "sender"],
            login: row[prefix + "login"],
            active: row[prefix + "active"]
        )
    }

    static func outboxEntry(_ row: Row, prefix: String = "") throws -> OutboxEntry {
        let stateText: String = row[prefix + "state"]
        let purposeText: String = row[prefix + "purpose"]
        guard let state = DeliveryState(rawValue: stateText), let purpose = OutboxPurpose(rawValue: purposeText) else {
            throw StoreCorruption(detail: "outbox row \(row[prefix + "id"] ?? "?")")
        }
        return OutboxEntry(
            id: row[prefix + "id"],
            noticeID: row[prefix + "notice_id"],
            channelID: row[prefix + "channel_id"],
            memberID: row[prefix + "member_id"],
            purpose: purpose,
            state: state,
            attempts: row[prefix + "attempts"],
            nextAttemptAt: instant(row[prefix + "next_attempt_at"]),
            lastError: row[prefix + "last_error"],
            sentAt: (row[prefix + "sent_at"] as Int64?).map(instant)
        )
    }

    func channel(id: Int64) throws -> OrgChannel? {
        try Row.fetchOne(db, sql: "SELECT * FROM channel WHERE id = ?", arguments: [id]).map { try Self.channel($0) }
    }

    func channels(under root: OrgPath?) throws -> [OrgChannel] {
        let filter = Self.subtreeFilter("o.path", root)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT c.* FROM channel c JOIN organization o ON o.id = c.org_id
                WHERE c.active = 1 AND \(filter.sql) ORDER BY o.path, c.id
                """,
            arguments: filter.arguments
        ).map { try Self.channel($0) }
    }

    /// Joins an outbox row with its notice and channel, each under its own column prefix.
    private static let deliverySelect = """
        SELECT x.id AS x_id, x.notice_id AS x_notice_id, x.channel_id AS x_channel_id, x.member_id AS x_member_id,
            x.state AS x_state, x.purpose AS x_purpose,
            x.attempts AS x_attempts, x.next_attempt_at AS x_next_attempt_at, x.last_error AS x_last_error,
            x.sent_at AS x_sent_at,
            c.id AS c_id, c.org_id AS c_org_id, c.kind AS c_kind, c.name AS c_name, c.url AS c_url,
            c.secret AS c_secret, c.keyword AS c_keyword, c.audience AS c_audience, c.active AS c_active,
            c.sender AS c_sender, c.login AS c_login, COALESCE(r.name, x.address_name) AS r_name,
            COALESCE(r.email, x.address) AS r_email,
            n.*
        FROM outbox x JOIN channel c ON c.id = x.channel_id JOIN notice n ON n.id = x.notice_id
        LEFT JOIN member r ON r.id = x.member_id
        """

    private static func delivery(_ row: Row) throws -> DueDelivery {
        let email: String? = row["r_email"]
        return DueDelivery(
            entry: try outboxEntry(row, prefix: "x_"),
            notice: try notice(row),
            channel: try channel(row, prefix: "c_"),
            recipient: email.map { (row["r_name"] ?? "", $0) }
        )
    }

    func dueDeliveries(
        at now: Date,
        limit: Int,
        excluding: Set<Int64>,
        excludingChannels: Set<Int64>
    ) throws -> [DueDelivery] {
        try Row.fetchAll(
            db,
            sql: Self.deliverySelect + """
                 WHERE x.state = 'pending' AND x.next_attempt_at <= ?
                    AND x.id NOT IN (SELECT value FROM json_each(?))
                    AND x.channel_id NOT IN (SELECT value FROM json_each(?))
                ORDER BY x.next_attempt_at, x.id LIMIT ?
                """,
            arguments: [
                Self.milliseconds(now), Self.jsonList(Array(excluding)), Self.jsonList(Array(excludingChannels)), limit,
            ]
        ).map(Self.delivery)
    }

    func deliveries(under root: OrgPath?, state: DeliveryState?, limit: Int) throws -> [DueDelivery] {
        let filter = Self.subtreeFilter("o.path", root)
        var sql = Self.deliverySelect + " JOIN organization o ON o.id = c.org_id WHERE \(filter.sql)"
        var arguments = filter.arguments
        if let state {
            sql += " AND x.state = ?"
            arguments += [state.rawValue]
        }
        sql += " ORDER BY x.id DESC LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.delivery)
    }

    func outboxEntry(id: Int64) throws -> OutboxEntry? {
        // Cached: the delivery worker reads each row it records, thousands a minute.
        let statement = try db.cachedStatement(sql: "SELECT * FROM outbox WHERE id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map { try Self.outboxEntry($0) }
    }

    func deliveryAttempts(of outboxID: Int64) throws -> [DeliveryAttemptRecord] {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM delivery_attempt WHERE outbox_id = ? ORDER BY attempt",
            arguments: [outboxID]
        ).map { row in
            let outcomeText: String = row["outcome"]
            guard let outcome = DeliveryAttemptRecord.Outcome(rawValue: outcomeText) else {
                throw StoreCorruption(detail: "delivery_attempt row \(outboxID)")
            }
            return DeliveryAttemptRecord(
                attempt: row["attempt"],
                at: Self.instant(row["at"]),
                outcome: outcome,
                error: row["error"]
            )
        }
    }

    func mentionMobiles(notice: Notice, orgID: Int64, limit: Int) throws -> [String]? {
        let pending = notice.ackRequired ? "r.acknowledged_at IS NULL" : "r.read_at IS NULL"
        let phones = try String.fetchAll(
            db,
            sql: """
                SELECT m.phone FROM notice_recipient r JOIN member m ON m.id = r.member_id
                WHERE r.notice_id = ? AND r.org_id = ? AND \(pending) AND m.phone IS NOT NULL AND m.phone <> ''
                ORDER BY m.id LIMIT ?
                """,
            arguments: [notice.id, orgID, limit + 1]
        )
        return phones.count > limit ? nil : phones
    }

    func delivery(id: Int64) throws -> DueDelivery? {
        try Row.fetchOne(db, sql: Self.deliverySelect + " WHERE x.id = ?", arguments: [id]).map(Self.delivery)
    }

    func recordDeliveryAttempt(
        _ outboxID: Int64,
        at instant: Date,
        outcome: DeliveryAttemptRecord.Outcome,
        error: String?
    )
        throws
    {
        // Numbered on from the row's last attempt: a retried dead row starts its counter afresh, its history not.
        try db.cachedStatement(
            sql: """
                INSERT INTO delivery_attempt (outbox_id, attempt, at, outcome, error)
                SELECT ?, COALESCE(MAX(attempt), 0) + 1, ?, ?, ? FROM delivery_attempt WHERE outbox_id = ?
                """
        ).execute(arguments: [outboxID, Self.milliseconds(instant), outcome.rawValue, error, outboxID])
    }

    func insertChannel(_ channel: OrgChannel) throws -> OrgChannel {
        try db.execute(
            sql: """
                INSERT INTO channel (org_id, kind, name, url, secret, keyword, sender, login, audience, active, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                """,
            arguments: [
                channel.orgID, channel.kind.rawValue, channel.name, channel.url, channel.secret, channel.keyword,
                channel.sender, channel.login, channel.audience.rawValue, now,
            ]
        )
        var inserted = channel
        inserted.id = db.lastInsertedRowID
        inserted.active = true
        return inserted
    }

    func deactivateChannel(id: Int64) throws -> Int {
        try db.execute(sql: "UPDATE channel SET active = 0 WHERE id = ?", arguments: [id])
        try db.execute(
            sql: "UPDATE outbox SET state = 'dead', last_error = '渠道已删除' WHERE channel_id = ? AND state = 'pending'",
            arguments: [id]
        )
        return db.changesCount
    }

    func updateOutboxEntry(_ entry: OutboxEntry) throws {
        try db.cachedStatement(
            sql: """
                UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ?
                WHERE id = ?
                """
        ).execute(
            arguments: [
                entry.state.rawValue, entry.attempts, Self.milliseconds(entry.nextAttemptAt), entry.lastError,
                entry.sentAt.map(Self.milliseconds), entry.id,
            ]
        )
    }
}
