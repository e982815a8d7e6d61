import Domain
import Foundation
import GRDB

extension SQLiteAccess: BoardReader, BoardWriter {
    /// The columns every board query reads: the message, its author's name, its organization's code and name.
    private static let boardSelect = """
        SELECT b.*, m.name AS author_name, o.code AS org_code, o.name AS org_name
        FROM board_message b JOIN member m ON m.id = b.author_member_id JOIN organization o ON o.id = b.org_id
        """

    static func boardEntry(_ row: Row) throws -> BoardEntry {
        let stateText: String = row["state"]
        guard let state = BoardState(rawValue: stateText) else {
            throw StoreCorruption(detail: "board_message row \(row["id"] ?? "?") has state \(stateText)")
        }
        let approvedAt: Int64? = row["approved_at"]
        let repliedAt: Int64? = row["replied_at"]
        let deletedAt: Int64? = row["deleted_at"]
        let message = BoardMessage(
            id: row["id"],
            orgID: row["org_id"],
            authorMemberID: row["author_member_id"],
            text: row["text"],
            postedAt: instant(row["posted_at"]),
            state: state,
            shown: row["shown"],
            approval: approvedAt.map { BoardMessage.Stamp(by: row["approved_by"] ?? "", at: instant($0)) },
            reply: repliedAt.map {
                BoardMessage.Reply(text: row["reply"] ?? "", by: row["replied_by"] ?? "", at: instant($0))
            },
            deletion: deletedAt.map {
                BoardMessage.Deletion(by: row["deleted_by"] ?? "", at: instant($0), reason: row["delete_reason"] ?? "")
            }
        )
        return BoardEntry(
            message: message,
            authorName: row["author_name"],
            orgCode: row["org_code"],
            orgName: row["org_name"]
        )
    }

    /// A `state IN (...)` fragment for `states`, with its arguments; in a fixed order so that the statement cache
    /// sees the same SQL for the same set.
    private static func stateFilter(_ states: Set<BoardState>) -> (sql: String, arguments: StatementArguments) {
        let wanted = BoardState.allCases.filter(states.contains)
        guard !wanted.isEmpty else { return ("0", []) }
        let marks = Array(repeating: "?", count: wanted.count).joined(separator: ",")
        return ("b.state IN (\(marks))", StatementArguments(wanted.map(\.rawValue)))
    }

    func boardMessage(id: Int64) throws -> BoardEntry? {
        try Row.fetchOne(db, sql: Self.boardSelect + " WHERE b.id = ?", arguments: [id]).map(Self.boardEntry)
    }

    func boardMessages(under root: OrgPath?, page: BoardPage) throws -> [BoardEntry] {
        let subtree = Self.subtreeFilter("o.path", root)
        let states = Self.stateFilter(page.states)
        return try Row.fetchAll(
            db,
            sql: Self.boardSelect + " WHERE \(subtree.sql) AND \(states.sql) AND b.id < ? ORDER BY b.id DESC LIMIT ?",
            arguments: subtree.arguments + states.arguments + [page.before ?? Int64.max, page.limit]
        ).map(Self.boardEntry)
    }

    func boardMessages(visibleTo memberID: Int64, in orgIDs: [Int64], page: BoardPage) throws -> [BoardEntry] {
        let ids = "[" + orgIDs.map(String.init).joined(separator: ",") + "]"
        let states = Self.stateFilter(page.states.subtracting([.deleted]))
        return try Row.fetchAll(
            db,
            sql: Self.boardSelect + """
                 WHERE b.org_id IN (SELECT value FROM json_each(?)) AND \(states.sql)
                    AND ((b.state = 'approved' AND b.shown = 1) OR b.author_member_id = ?)
                    AND b.id < ? ORDER BY b.id DESC LIMIT ?
                """,
            arguments: StatementArguments([ids]) + states.arguments + [memberID, page.before ?? Int64.max, page.limit]
        ).map(Self.boardEntry)
    }

    func boardMessages(author memberID: Int64, before: Int64?, limit: Int) throws -> [BoardEntry] {
        try Row.fetchAll(
            db,
            sql: Self.boardSelect + " WHERE b.author_member_id = ? AND b.id < ? ORDER BY b.id DESC LIMIT ?",
            arguments: [memberID, before ?? Int64.max, limit]
        ).map(Self.boardEntry)
    }

    func pendingBoardMessageCount(author memberID: Int64) throws -> Int {
        try Int.fetchOne(
            db,
            sql: "SELECT COUNT(*) FROM board_message WHERE author_member_id = ? AND state = 'pending'",
            arguments: [memberID]
        ) ?? 0
    }

    func insertBoardMessage(_ message: BoardMessage) throws -> BoardMessage {
        try db.execute(
            sql: """
                INSERT INTO board_message (org_id, author_member_id, text, posted_at, state, shown)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                message.orgID, message.authorMemberID, message.text, Self.milliseconds(message.postedAt),
                message.state.rawValue, message.shown,
            ]
        )
        var stored = message
        stored.id = db.lastInsertedRowID
        return stored
    }

    func updateBoardMessage(_ message: BoardMessage) throws {
        try db.execute(
            sql: """
                UPDATE board_message SET state = ?, shown = ?, approved_by = ?, approved_at = ?, reply = ?,
                    replied_by = ?, replied_at = ?, deleted_by = ?, deleted_at = ?, delete_reason = ?
                WHERE id = ?
                """,
            arguments: [
                message.state.rawValue, message.shown, message.approval?.by,
                message.approval.map { Self.milliseconds($0.at) }, message.reply?.text, message.reply?.by,
                message.reply.map { Self.milliseconds($0.at) }, message.deletion?.by,
                message.deletion.map { Self.milliseconds($0.at) }, message.deletion?.reason, message.id,
            ]
        )
    }
}
