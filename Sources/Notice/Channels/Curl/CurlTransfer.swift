import CCurl
import Foundation
import Synchronization

/// Set when the task that started a transfer is cancelled; libcurl's progress callback reads it and aborts.
final class CancelFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Whether the transfer should stop.
    var isSet: Bool { flag.load(ordering: .relaxed) }

    /// Asks the transfer to stop.
    func set() { flag.store(true, ordering: .relaxed) }
}

/// The state one blocking transfer shares with libcurl's callbacks, through an unretained pointer that lives
/// for the duration of `curl_easy_perform`.
private final class TransferContext {
    let cancel: CancelFlag
    let maximumResponseBytes: Int
    var received = Data()
    let upload: [UInt8]
    var uploadOffset = 0

    init(cancel: CancelFlag, maximumResponseBytes: Int, upload: [UInt8] = []) {
        self.cancel = cancel
        self.maximumResponseBytes = maximumResponseBytes
        self.upload = upload
    }
}

/// The timeouts and limits of one transfer.
struct TransferLimits: Sendable {
    var connectTimeoutMilliseconds: Int
    var totalTimeoutMilliseconds: Int
    var maximumResponseBytes: Int
}

/// The blocking half of the client: it runs on the client's dispatch queue, never on the cooperative pool.
enum CurlTransfer {
    /// POSTs `request` on `handle` and waits for the whole response.
    static func post(
        _ request: HTTPRequest,
        on handle: EasyHandle,
        limits: TransferLimits,
        cancel: CancelFlag
    ) -> Result<HTTPResponse, TransferError> {
        let context = TransferContext(cancel: cancel, maximumResponseBytes: limits.maximumResponseBytes)
        let curl = handle.raw
        var headers: UnsafeMutablePointer<curl_slist>?
        // An empty "Expect:" stops libcurl from waiting for "100 Continue" on larger bodies.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            headers = curl_slist_append(headers, line)
        }
        defer { curl_slist_free_all(headers) }

        var status = prepare(curl, url: request.url, protocols: "http,https", limits: limits, context: context)
        status.record(partyd_curl_setopt_slist(curl, CURLOPT_HTTPHEADER, headers))
        status.record(partyd_curl_setopt_long(curl, CURLOPT_POST, 1))
        status.record(partyd_curl_setopt_offset(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
        let body = [UInt8](request.body) + [0]
        body.withUnsafeBytes { bytes in
            // COPYPOSTFIELDS copies the bytes, so the buffer only has to live for this call.
            status.record(
                partyd_curl_setopt_pointer(
                    curl,
                    CURLOPT_COPYPOSTFIELDS,
                    UnsafeMutableRawPointer(mutating: bytes.baseAddress)
                )
            )
        }
        if let failure = status.failure { return .failure(failure) }

        return run(curl, context: context).map { code in
            // libcurl reads Retry-After in both forms (delta-seconds and HTTP-date) as seconds from now.
            var retryAfter: curl_off_t = 0
            let asked =
                partyd_curl_getinfo_offset(curl, CURLINFO_RETRY_AFTER, &retryAfter) == CURLE_OK && retryAfter > 0
            return HTTPResponse(
                status: code,
                body: context.received,
                retryAfter: asked ? TimeInterval(retryAfter) : nil
            )
        }
    }

    /// Submits `mail` over SMTP on `handle`.
    static func send(
        _ mail: MailEnvelope,
        on handle: EasyHandle,
        limits: TransferLimits,
        cancel: CancelFlag
    ) -> Result<Void, TransferError> {
        let context = TransferContext(
            cancel: cancel,
            maximumResponseBytes: limits.maximumResponseBytes,
            upload: [UInt8](mail.message)
        )
        let curl = handle.raw
        var recipients: UnsafeMutablePointer<curl_slist>?
        for recipient in mail.recipients {
            recipients = curl_slist_append(recipients, "<\(recipient)>")
        }
        defer { curl_slist_free_all(recipients) }

        var status = prepare(curl, url: mail.url, protocols: "smtp,smtps", limits: limits, context: context)
        status.record(partyd_curl_setopt_string(curl, CURLOPT_MAIL_FROM, "<\(mail.sender)>"))
        status.record(partyd_curl_setopt_slist(curl, CURLOPT_MAIL_RCPT, recipients))
        status.record(partyd_curl_setopt_long(curl, CURLOPT_UPLOAD, 1))
        status.record(partyd_curl_setopt_offset(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(context.upload.count)))
        status.record(partyd_curl_setopt_long(curl, CURLOPT_USE_SSL, useSSL(for: mail.security)))
        if let username = mail.username {
            status.record(partyd_curl_setopt_string(curl, CURLOPT_USERNAME, username))
            status.record(partyd_curl_setopt_string(curl, CURLOPT_PASSWORD, mail.password ?? ""))
        }
        status.record(
            partyd_curl_setopt_read_function(curl) { buffer, size, count, userdata in
                guard let buffer, let userdata else { return 0 }
                let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
                let length = min(size * count, context.upload.count - context.uploadOffset)
                context.upload.withUnsafeBytes { bytes in
                    UnsafeMutableRawPointer(buffer).copyMemory(
                        from: bytes.baseAddress! + context.uploadOffset,
                        byteCount: length
                    )
                }
                context.uploadOffset += length
                return length
            }
        )
        status.record(partyd_curl_setopt_pointer(curl, CURLOPT_READDATA, Unmanaged.passUnretained(context).toOpaque()))
        if let failure = status.failure { return .failure(failure) }

        return run(curl, context: context).map { _ in () }
    }

    private static func useSSL(for security: MailSecurity) -> Int {
        switch security {
        case .none: Int(CURLUSESSL_NONE.rawValue)
        case .startTLSIfOffered: Int(CURLUSESSL_TRY.rawValue)
        case .startTLSRequired, .implicitTLS: Int(CURLUSESSL_ALL.rawValue)
        }
    }

    /// Resets the handle (its connection cache survives) and sets what every transfer needs.
    private static func prepare(
        _ curl: UnsafeMutableRawPointer,
        url: String,
        protocols: String,
        limits: TransferLimits,
        context: TransferContext
    ) -> OptionStatus {
        curl_easy_reset(curl)
        var status = OptionStatus()
        status.record(partyd_curl_setopt_string(curl, CURLOPT_URL, url))
        // Only the schemes the channel means: a webhook URL cannot turn into file:// or a redirect elsewhere.
        status.record(partyd_curl_setopt_string(curl, CURLOPT_PROTOCOLS_STR, protocols))
        // Required with threads: libcurl must not use signals for DNS timeouts.
        status.record(partyd_curl_setopt_long(curl, CURLOPT_NOSIGNAL, 1))
        status.record(partyd_curl_setopt_long(curl, CURLOPT_CONNECTTIMEOUT_MS, limits.connectTimeoutMilliseconds))
        status.record(partyd_curl_setopt_long(curl, CURLOPT_TIMEOUT_MS, limits.totalTimeoutMilliseconds))
        status.record(partyd_curl_setopt_string(curl, CURLOPT_USERAGENT, "partyd"))
        let pointer = Unmanaged.passUnretained(context).toOpaque()
        status.record(
            partyd_curl_setopt_write_function(curl) { buffer, size, count, userdata in
                guard let userdata else { return 0 }
                let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
                let length = size * count
                let room = max(0, context.maximumResponseBytes - context.received.count)
                if let buffer, room > 0 {
                    context.received.append(
                        UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                        count: min(room, length)
                    )
                }
                // The rest is dropped, not refused: the status and the start of the body are what matter.
                return length
            }
        )
        status.record(partyd_curl_setopt_pointer(curl, CURLOPT_WRITEDATA, pointer))
        status.record(partyd_curl_setopt_long(curl, CURLOPT_NOPROGRESS, 0))
        status.record(
            partyd_curl_setopt_xferinfo_function(curl) { userdata, _, _, _, _ in
                guard let userdata else { return 0 }
                return Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue().cancel.isSet ? 1 : 0
            }
        )
        status.record(partyd_curl_setopt_pointer(curl, CURLOPT_XFERINFODATA, pointer))
        return status
    }

    /// Performs the prepared transfer; on success returns the last response code.
    private static func run(_ curl: UnsafeMutableRawPointer, context: TransferContext) -> Result<Int, TransferError> {
        let code = withExtendedLifetime(context) { curl_easy_perform(curl) }
        var responseCode = 0
        _ = partyd_curl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &responseCode)
        guard code == CURLE_OK else { return .failure(TransferError(code: code, responseCode: responseCode)) }
        return .success(responseCode)
    }
}

/// The first option libcurl refused, if any.
private struct OptionStatus {
    var failure: TransferError?

    mutating func record(_ code: CURLcode) {
        if code != CURLE_OK, failure == nil {
            failure = TransferError(code: code, responseCode: 0)
            if failure?.kind != .invalidRequest {
                failure = TransferError(kind: .invalidRequest, curlCode: Int(code.rawValue))
            }
        }
    }
}
