import Domain
import Foundation

/// An outbox row due for an attempt, with what sending it needs.
package struct DueDelivery: Sendable {
    /// The row.
    package var entry: OutboxEntry
    /// The notice it carries.
    package var notice: Notice
    /// The channel it goes through.
    package var channel: OrgChannel
    /// For e-mail: the member's name and address.
    package var recipient: (name: String, email: String)?
    /// The quiet hours in force for the notice's organization (nil: none), filled in by the core.
    package var quietHours: QuietHours? = nil
    /// For a group robot that can mention people by mobile number: the addressed members of the channel's
    /// organization to mention, filled in by the core.
    package var mentions: [String] = []
}

/// Channel and outbox reads inside a transaction.
package protocol ChannelReader {
    /// The channel with `id`, active or removed.
    func channel(id: Int64) throws -> OrgChannel?
    /// Active channels of the organizations in the subtree at `root` (or everywhere).
    func channels(under root: OrgPath?) throws -> [OrgChannel]
    /// Pending rows due at `now`, oldest due first, at most `limit`, skipping `excluding` (rows in flight) and the
    /// rows of `excludingChannels` (channels that can take nothing more now).
    func dueDeliveries(
        at now: Date,
        limit: Int,
        excluding: Set<Int64>,
        excludingChannels: Set<Int64>
    ) throws -> [DueDelivery]
    /// Outbox rows of channels in the subtree at `root` (or everywhere), optionally in one state, newest first.
    func deliveries(under root: OrgPath?, state: DeliveryState?, limit: Int) throws -> [DueDelivery]
    /// The outbox row with `id`.
    func outboxEntry(id: Int64) throws -> OutboxEntry?
    /// The outbox row with `id`, with its notice and channel.
    func delivery(id: Int64) throws -> DueDelivery?
    /// Every attempt made to deliver an outbox row, first first.
    func deliveryAttempts(of outboxID: Int64) throws -> [DeliveryAttemptRecord]
    /// The mobile numbers of up to `limit` members a notice addressed in organization `orgID` who have not yet
    /// acknowledged it (read it, when no acknowledgement is asked), or nil when more than `limit` such members
    /// are there: a group is not flooded with mentions.
    func mentionMobiles(notice: Notice, orgID: Int64, limit: Int) throws -> [String]?
}

/// Channel and outbox changes inside a write transaction.
package protocol ChannelWriter {
    /// Inserts a channel and returns it with its id.
    func insertChannel(_ channel: OrgChannel) throws -> OrgChannel
    /// Marks a channel removed and gives up its pending rows; returns how many were given up.
    func deactivateChannel(id: Int64) throws -> Int
    /// Saves an outbox row's state, attempts, next attempt, error and delivery time.
    func updateOutboxEntry(_ entry: OutboxEntry) throws
    /// Appends an attempt to a row's history, numbered after the last one.
    func recordDeliveryAttempt(
        _ outboxID: Int64,
        at instant: Date,
        outcome: DeliveryAttemptRecord.Outcome,
        error: String?
    )
        throws
}

/// Putting outbox rows back in line.
package protocol OutboxRequeuer {
    /// Makes dead rows of channels in the subtree at `root` (or everywhere) pending and due at once, their attempts
    /// counted afresh; only `ids` when given. Returns how many.
    func requeueDeadDeliveries(_ ids: [Int64]?, under root: OrgPath?) throws -> Int
    /// Writes outbox rows again for a notice: one per active group channel it first went through, and one per
    /// addressed member with an e-mail address who has not `acknowledged` (when asked) or read it; returns how many.
    func resendNotice(_ notice: Notice, mailServer: Int64?, acknowledgement: Bool) throws -> Int
    /// The mail server a notice's e-mail went through, if any.
    func mailServer(of noticeID: Int64) throws -> Int64?
}
