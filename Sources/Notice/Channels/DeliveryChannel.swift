import Foundation

/// A way to deliver a message: the seam between the outbox and the network.
///
/// `deliver` never throws: every failure is classified into an outcome the outbox can act on. The time comes in
/// as a parameter (signatures, timestamps and the e-mail date use it); no channel reads the system clock.
package protocol DeliveryChannel: Sendable {
    /// Sends `message` once, at `instant`, and classifies what happened.
    func deliver(_ message: OutgoingMessage, at instant: Date) async -> DeliveryOutcome
}

/// A channel that delivers by one HTTP POST and judges the response: building the request and classifying the
/// answer are its own, sending them is the same for every such channel.
package protocol HTTPDeliveryChannel: DeliveryChannel {
    /// The request for `message` at `instant` (signed, where the channel signs).
    func request(for message: OutgoingMessage, at instant: Date) -> HTTPRequest
    /// What a response means for the message.
    func classify(_ response: HTTPResponse) -> DeliveryOutcome
    /// The client that sends.
    var transport: CurlClient { get }
}

extension HTTPDeliveryChannel {
    /// Sends `message` and classifies the response; a transfer that fails is classified by its error.
    package func deliver(_ message: OutgoingMessage, at instant: Date) async -> DeliveryOutcome {
        do {
            return classify(try await transport.post(request(for: message, at: instant)))
        } catch {
            return DeliveryOutcome(error)
        }
    }
}
