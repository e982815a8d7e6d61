import Dispatch
import Foundation

/// A small libcurl client for the delivery channels: HTTP POST and SMTP submission with connect and total
/// timeouts, connection reuse and a bound on concurrent transfers.
///
/// `curl_easy_perform` blocks its thread for the whole transfer, so transfers run on the client's own dispatch
/// queue and the caller's task waits on a continuation; the cooperative pool is never blocked. At most
/// `maximumConcurrentTransfers` transfers run at once, each on an easy handle lent by a pool; a handle keeps its
/// connections open between transfers, so a second message to the same robot skips the TCP and TLS handshakes.
/// Cancelling the caller's task aborts its transfer at libcurl's next progress call.
package final class CurlClient: Sendable {
    /// The client's limits.
    package struct Limits: Sendable, Hashable {
        /// Transfers running at once; further callers wait their turn.
        package var maximumConcurrentTransfers: Int
        /// Time allowed to open the connection (TCP and TLS).
        package var connectTimeout: Duration
        /// Time allowed for the whole transfer, connection included.
        package var totalTimeout: Duration
        /// Response bytes kept; a robot's answer is a few hundred bytes, the rest is dropped.
        package var maximumResponseBytes: Int

        /// Limits with defaults suited to chat robots and a mail relay.
        package init(
            maximumConcurrentTransfers: Int = 4,
            connectTimeout: Duration = .seconds(5),
            totalTimeout: Duration = .seconds(20),
            maximumResponseBytes: Int = 64 * 1024
        ) {
            self.maximumConcurrentTransfers = maximumConcurrentTransfers
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.maximumResponseBytes = maximumResponseBytes
        }
    }

    /// The limits this client applies.
    package let limits: Limits
    private let pool: CurlHandlePool
    private let queue = DispatchQueue(label: "partyd.notice.curl", attributes: .concurrent)

    /// A client with `limits`.
    package init(limits: Limits = Limits()) {
        self.limits = limits
        pool = CurlHandlePool(limit: limits.maximumConcurrentTransfers)
    }

    /// POSTs `request` and returns the response, whatever its status; throws only when no response arrived.
    package func post(_ request: HTTPRequest) async throws(TransferError) -> HTTPResponse {
        let transferLimits = transferLimits
        return try await run { handle, cancel in
            CurlTransfer.post(request, on: handle, limits: transferLimits, cancel: cancel)
        }
    }

    /// Submits `mail` over SMTP; throws with the server's last reply code when it is refused.
    package func send(_ mail: MailEnvelope) async throws(TransferError) {
        let transferLimits = transferLimits
        try await run { handle, cancel in
            CurlTransfer.send(mail, on: handle, limits: transferLimits, cancel: cancel)
        }
    }

    private var transferLimits: TransferLimits {
        TransferLimits(
            connectTimeoutMilliseconds: Self.milliseconds(limits.connectTimeout),
            totalTimeoutMilliseconds: Self.milliseconds(limits.totalTimeout),
            maximumResponseBytes: limits.maximumResponseBytes
        )
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        // libcurl reads 0 as "no timeout": a positive duration never rounds down to it.
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    /// Waits for a handle, runs `body` on the queue, and gives the handle back.
    private func run<Value: Sendable>(
        _ body: @escaping @Sendable (EasyHandle, CancelFlag) -> Result<Value, TransferError>
    ) async throws(TransferError) -> Value {
        let handle: EasyHandle
        do {
            handle = try await pool.acquire()
        } catch let error as TransferError {
            throw error
        } catch {
            throw TransferError(kind: .cancelled, curlCode: 0)
        }
        defer { pool.release(handle) }
        let cancel = CancelFlag()
        let queue = queue
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Value, TransferError>, Never>) in
                queue.async { continuation.resume(returning: body(handle, cancel)) }
            }
        } onCancel: {
            cancel.set()
        }
        return try result.get()
    }
}
