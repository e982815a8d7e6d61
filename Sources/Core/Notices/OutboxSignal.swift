import Synchronization

/// Tells the delivery worker that an operation wrote rows to the outbox, so that they go out at once rather than
/// at the worker's next poll. The daemon connects it to the worker; without a connection it does nothing.
package final class OutboxSignal: Sendable {
    private let handler = Mutex<(@Sendable () -> Void)?>(nil)

    /// A signal connected to nothing.
    package init() {}

    /// Calls `body` whenever rows are written from now on.
    package func connect(_ body: @escaping @Sendable () -> Void) { handler.withLock { $0 = body } }

    /// Rows were written and committed.
    func ring() { handler.withLock { $0 }?() }
}
