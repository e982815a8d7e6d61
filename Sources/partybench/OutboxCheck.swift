import Foundation
import PartyTesting

/// The notice's rows as partyd's database holds them after the delivery, read with the `sqlite3` tool (WAL mode
/// lets it read beside the running daemon): recipient rows, outbox rows by state, attempts, and the worker's
/// rounds as the audit recorded them.
struct OutboxCheck {
    /// Recipient rows of the notice.
    var recipientRows: Int
    /// Outbox rows of the notice.
    var rows: Int
    /// Of which sent.
    var sent: Int
    /// Of which still pending.
    var pending: Int
    /// Of which given up.
    var dead: Int
    /// Attempts recorded over all rows (more than the rows means retries).
    var attempts: Int
    /// The ids of the sent rows.
    var sentIDs: Set<String>
    /// Delivery rounds the audit recorded (one transaction each).
    var auditedRounds: Int

    /// Reads the counts for notice `notice` from the database in `dataDir`.
    static func read(dataDir: String, notice: Int64, scratch: TemporaryDirectory) throws -> OutboxCheck {
        let floor = try SQLiteFloor(directory: scratch.appending("outbox-check"))
        let database = (dataDir as NSString).appendingPathComponent("partyd.sqlite")
        func query(_ sql: String) throws -> [String] {
            let result = try CommandRunner.run(
                floor.executable,
                ["-batch", "-bail", "-csv", "-noheader", database, sql],
                timeout: 300
            )
            guard result.status == 0 else { throw BenchError("sqlite3 读取发件箱失败：\(result.stderr)") }
            return result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let counts =
            try query(
                """
                SELECT (SELECT COUNT(*) FROM notice_recipient WHERE notice_id = \(notice)), COUNT(*),
                    TOTAL(state = 'sent'), TOTAL(state = 'pending'), TOTAL(state = 'dead'), TOTAL(attempts),
                    (SELECT COUNT(*) FROM audit WHERE method = 'delivery.attempt' AND summary LIKE '投递 %')
                FROM outbox WHERE notice_id = \(notice)
                """
            ).first?.split(separator: ",").map { Int(Double($0) ?? -1) } ?? []
        guard counts.count == 7 else { throw BenchError("sqlite3 返回的发件箱统计无法解读") }
        let ids = try query("SELECT id FROM outbox WHERE notice_id = \(notice) AND state = 'sent'")
        return OutboxCheck(
            recipientRows: counts[0],
            rows: counts[1],
            sent: counts[2],
            pending: counts[3],
            dead: counts[4],
            attempts: counts[5],
            sentIDs: Set(ids),
            auditedRounds: counts[6]
        )
    }

    /// Compares the outbox with what the receiver got; throws when a message is missing, and reports duplicates
    /// (allowed by at-least-once delivery) rather than failing on them.
    func verify(tally: BenchReceiver.Tally, expected: Int, recipients: Int) throws -> [String] {
        guard recipientRows == recipients else {
            throw BenchError("通知的收件人记录为 \(recipientRows) 行，应为 \(recipients) 行")
        }
        guard rows == expected, sent == expected else {
            throw BenchError("发件箱有 \(rows) 行，已送达 \(sent)、待投递 \(pending)、已放弃 \(dead)，应为 \(expected) 行全部送达")
        }
        let received = Set(tally.keys.keys)
        guard received == sentIDs else {
            let missing = sentIDs.subtracting(received).count
            let unknown = received.subtracting(sentIDs).count
            throw BenchError("接收端与发件箱不一致：\(missing) 条记为已送达却未收到，\(unknown) 条收到的不在发件箱")
        }
        guard tally.paths.count == expected else {
            throw BenchError("接收端只在 \(tally.paths.count) 个不同地址上收到消息，应为 \(expected) 个渠道各一条")
        }
        let repeated = tally.keys.values.filter { $0 > 1 }.count
        return [
            "通知的收件人记录 \(Format.count(recipientRows)) 行，与在册党员数一致",
            "发件箱 \(Format.count(rows)) 行全部为已送达（sent），尝试共 \(Format.count(attempts)) 次"
                + (attempts == rows ? "，没有重试" : "，含重试 \(Format.count(attempts - rows)) 次"),
            "接收端收到 \(Format.count(tally.requests)) 个请求，按 Idempotency-Key（发件箱行号）去重后 "
                + "\(Format.count(tally.distinct)) 条，与发件箱已送达的行号逐一相同；"
                + (tally.duplicates == 0 ? "没有重复投递" : "重复投递 \(tally.duplicates) 次（涉及 \(repeated) 条）"),
            "\(Format.count(tally.paths.count)) 个渠道地址各收到消息；未带签名头的请求 \(tally.unsigned) 个",
        ]
    }
}

/// The worker's rounds seen from the receiver: a round sends up to `batch` due rows (8 transfers at once), then
/// records them all in one transaction before it reads the next rows, so arrivals come in blocks of `batch` with
/// a gap between blocks that is the database work (commit of the round, read of the next rows).
struct RoundAnalysis {
    /// Blocks of arrivals.
    var rounds: Int
    /// Seconds from the first to the last arrival of each block, added up.
    var inside: Double
    /// Seconds from the last arrival of a block to the first of the next, added up.
    var between: Double
    /// The median of those gaps.
    var medianGap: Double
    /// The median time from a block's first arrival to its last.
    var medianSpan: Double

    /// Splits the sorted arrivals into blocks of `batch`.
    init(arrivals: [Double], batch: Int) {
        let sorted = arrivals.sorted()
        var spans: [Double] = []
        var gaps: [Double] = []
        var start = 0
        while start < sorted.count {
            let end = min(start + batch, sorted.count)
            spans.append(sorted[end - 1] - sorted[start])
            if end < sorted.count { gaps.append(sorted[end] - sorted[end - 1]) }
            start = end
        }
        rounds = spans.count
        inside = spans.reduce(0, +)
        between = gaps.reduce(0, +)
        medianGap = Samples(values: gaps).median
        medianSpan = Samples(values: spans).median
    }
}
