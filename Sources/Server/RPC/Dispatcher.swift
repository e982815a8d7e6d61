import Core
import Domain
import Foundation
import Logging
import NIOCore
import Store
import Synchronization
import Wire

/// Takes one request line from a connection to one response line: parse, look up, decode, run the handler for
/// the peer's principal, encode. Nothing here knows any particular method, and nothing here authorizes: the
/// core operation a handler calls decides, inside its own transaction.
package struct Dispatcher: Sendable {
    let registry: MethodRegistry
    let core: PartyCore
    let daemon: DaemonInfo
    let logger: Logger
    private let heavy: HeavyRequestGate

    /// Creates the dispatcher; heavy methods run under `heavyLimits`.
    package init(
        registry: MethodRegistry,
        core: PartyCore,
        daemon: DaemonInfo,
        logger: Logger,
        heavyLimits: HeavyRequestLimits = HeavyRequestLimits()
    ) {
        self.registry = registry
        self.core = core
        self.daemon = daemon
        self.logger = logger
        heavy = HeavyRequestGate(limits: heavyLimits)
    }

    /// The same dispatcher (core, daemon, logger) serving `registry` under `heavyLimits`: test harnesses run a
    /// listener with extra methods on a real daemon's core.
    package func serving(_ registry: MethodRegistry, heavyLimits: HeavyRequestLimits) -> Dispatcher {
        Dispatcher(registry: registry, core: core, daemon: daemon, logger: logger, heavyLimits: heavyLimits)
    }

    /// Heavy requests running now, for tests that watch abandoned work go away.
    package var heavyRequestsRunning: Int { heavy.running }

    /// Handles one request line from a peer; returns the response line (without newline), or nil for a
    /// notification (a request without id), which JSON-RPC answers with silence.
    package func handle(line: ByteBuffer, peer: PeerCredentials) async -> ByteBuffer? {
        await handle(line: line, as: .unixUser(uid: peer.uid, name: peer.userName))
    }

    /// Handles one request line on behalf of `principal`: the socket passes its peer's, and in-process tests
    /// pass any principal to drive every method as a scoped user without changing Unix identity.
    package func handle(line: ByteBuffer, as principal: Principal) async -> ByteBuffer? {
        let data = Data(line.readableBytesView)
        let head: RPCRequestHead
        do {
            head = try JSONDecoder().decode(RPCRequestHead.self, from: data)
        } catch {
            return failure(.null, Self.unreadable(data, error))
        }
        guard head.jsonrpc == "2.0", let name = head.method else {
            return failure(
                head.id ?? .null,
                RPCErrorObject(
                    code: RPCErrorCode.invalidRequest,
                    reason: "rpc.invalid_request",
                    field: head.jsonrpc == "2.0" ? "method" : "jsonrpc",
                    message: "无效请求：须为 JSON-RPC 2.0 对象，含 \"jsonrpc\":\"2.0\" 与 \"method\""
                )
            )
        }
        let id = head.id
        let outcome = await run(name: name, data: data, principal: principal, requestID: id ?? .null)
        guard let id else { return nil }
        switch outcome {
        case .success(let result):
            var buffer = ByteBuffer()
            buffer.writeString("{\"jsonrpc\":\"2.0\",\"id\":")
            buffer.writeBytes((try? MethodRegistry.encoder.encode(id)) ?? Data("null".utf8))
            buffer.writeString(",\"result\":")
            buffer.writeBytes(result)
            buffer.writeString("}")
            return buffer
        case .failure(let error):
            return failure(id, error)
        }
    }

    private func run(
        name: String,
        data: Data,
        principal: Principal,
        requestID: RPCID
    ) async -> Result<Data, RPCErrorObject> {
        guard let entry = registry.entry(name) else {
            return .failure(
                RPCErrorObject(
                    code: RPCErrorCode.methodNotFound,
                    reason: "rpc.method_not_found",
                    field: "method",
                    message: "未知方法 \(name)；用 system.methods 查看全部方法"
                )
            )
        }
        let params: any Sendable
        do {
            params = try entry.decode(data)
        } catch let error as DecodingError {
            return .failure(RPCErrorMapping.invalidParams(error))
        } catch {
            return .failure(
                RPCErrorObject(code: RPCErrorCode.invalidParams, reason: "rpc.invalid_params", message: "参数无效")
            )
        }
        // Heavy work is admitted before it starts, and over the limit refused at once: waiting in a queue would
        // only let abandoned requests pile up behind the ones running.
        var administrator = false
        if entry.heavy {
            administrator = await isAdministrator(principal)
            if let busy = heavy.begin(principal, administrator: administrator) { return .failure(busy) }
        }
        defer { if entry.heavy { heavy.end(principal, administrator: administrator) } }
        var logger = self.logger
        logger[metadataKey: "request"] = "\(requestID)"
        logger[metadataKey: "method"] = "\(name)"
        logger[metadataKey: "principal"] = "\(principal.kind):\(principal.id)"
        do {
            let context = RequestContext(principal: principal, core: core, daemon: daemon, logger: logger)
            return .success(try await entry.invoke(params, context))
        } catch let error as DomainError {
            logger.debug("refused", metadata: ["reason": "\(error.reason)"])
            return .failure(RPCErrorMapping.object(for: error))
        } catch let error as RPCErrorObject {
            return .failure(error)
        } catch let error as ImportRefusal {
            return .failure(RPCErrorMapping.object(for: error))
        } catch let error as StoreError {
            logger.warning("constraint refused a change the rules allowed", metadata: ["detail": "\(error.detail)"])
            return .failure(RPCErrorMapping.object(for: error))
        } catch is CancellationError {
            return .failure(
                RPCErrorObject(
                    code: RPCErrorCode.unavailable,
                    reason: "rpc.shutting_down",
                    message: "partyd 正在停止，请求未执行，请稍后重试"
                )
            )
        } catch {
            logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return .failure(RPCErrorMapping.internalError)
        }
    }

    /// Whether `principal` is an administrator, for the heavy-request limits: root, the daemon's own user and
    /// the daemon itself without a lookup, everyone else by their account's role.
    func isAdministrator(_ principal: Principal) async -> Bool {
        switch principal {
        case .daemon:
            return true
        case .unixUser(let uid, _) where uid == 0 || uid == core.ownUID:
            return true
        default:
            return (try? await core.identify(principal))?.isSystemAdmin ?? false
        }
    }

    private func failure(_ id: RPCID, _ error: RPCErrorObject) -> ByteBuffer {
        let data = (try? MethodRegistry.encoder.encode(RPCFailure(id: id, error: error))) ?? Data()
        return ByteBuffer(bytes: data)
    }

    /// Distinguishes text that is not JSON (-32700) from JSON that is not a request object (-32600).
    private static func unreadable(_ data: Data, _ error: any Error) -> RPCErrorObject {
        if (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil {
            return RPCErrorObject(
                code: RPCErrorCode.parseError,
                reason: "rpc.parse_error",
                message: "请求不是有效的 JSON（须为 UTF-8 编码、一行一个对象）"
            )
        }
        if data.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "[") {
            return RPCErrorObject(
                code: RPCErrorCode.invalidRequest,
                reason: "rpc.batch_unsupported",
                message: "不支持批量请求，请逐个发送"
            )
        }
        return RPCErrorObject(
            code: RPCErrorCode.invalidRequest,
            reason: "rpc.invalid_request",
            message: "无效请求：须为 JSON-RPC 2.0 请求对象（\(error is DecodingError ? "字段类型错误" : "无法读取")）"
        )
    }
}

/// The heavy-request quota behind a lock, shared by every copy of the dispatcher.
final class HeavyRequestGate: Sendable {
    private let quota: Mutex<HeavyRequestQuota>

    init(limits: HeavyRequestLimits) { quota = Mutex(HeavyRequestQuota(limits: limits)) }

    func begin(_ principal: Principal, administrator: Bool) -> RPCErrorObject? {
        quota.withLock { $0.begin(principal, administrator: administrator) }
    }

    func end(_ principal: Principal, administrator: Bool) {
        quota.withLock { $0.end(principal, administrator: administrator) }
    }

    var running: Int { quota.withLock { $0.running.values.reduce(0, +) } }
}
