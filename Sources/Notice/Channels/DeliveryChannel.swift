import Foundation

/// A way to deliver a message: the seam between the outbox and the network.
///
/// `deliver` never throws: every failure is classified into an outcome the outbox can act on. The time comes in
/// as a parameter (signatures, timestamps and the e-mail date use it); no channel reads the system clock.
package protocol DeliveryChannel: Sendable {
    /// Sends `message` once, at `instant`, and classifies what happened.
    func deliver(_ message: OutgoingMessage, at instant: Date) async -> DeliveryOutcome
}
