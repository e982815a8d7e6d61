import Core
import Domain
import Foundation
import Store
import Wire

/// Turns whatever a request threw into the error object the client receives. This is the only place where
/// domain errors meet numeric codes.
enum RPCErrorMapping {
    static func code(for kind: DomainError.Kind) -> Int {
        switch kind {
        case .invalid: RPCErrorCode.invalidValue
        case .notFound: RPCErrorCode.notFound
        case .conflict: RPCErrorCode.conflict
        case .rule: RPCErrorCode.ruleViolation
        case .notEmpty: RPCErrorCode.notEmpty
        case .forbidden: RPCErrorCode.forbidden
        case .unauthenticated: RPCErrorCode.unauthenticated
        }
    }

    static func object(for error: DomainError) -> RPCErrorObject {
        RPCErrorObject(
            code: code(for: error.kind),
            data: RPCErrorData(reason: error.reason, field: error.field.map(bounded), message: bounded(error.message))
        )
    }

    /// Describes a parameter decoding failure in Chinese, naming the parameter.
    static func invalidParams(_ error: DecodingError) -> RPCErrorObject {
        func path(_ context: DecodingError.Context, _ extra: (any CodingKey)? = nil) -> String {
            // The parameters object itself is `params` on the wire; name fields relative to it.
            let keys = (context.codingPath + (extra.map { [$0] } ?? [])).drop { $0.stringValue == "params" }
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "params" : text
        }
        let field: String
        let message: String
        switch error {
        case .keyNotFound(let key, let context):
            field = path(context, key)
            message = "缺少参数 \(field)"
        case .typeMismatch(let type, let context):
            field = path(context)
            message = "参数 \(field) 类型错误，应为\(describe(type))"
        case .valueNotFound(let type, let context):
            field = path(context)
            message = "参数 \(field) 不能为 null，应为\(describe(type))"
        case .dataCorrupted(let context):
            field = path(context)
            // Our own decoders explain in Chinese; Foundation's English diagnostics are not shown to users.
            let ours = context.debugDescription.unicodeScalars.contains { !$0.isASCII }
            message = ours ? "参数 \(field) 无效：\(context.debugDescription)" : "参数 \(field) 无效（格式错误或数值超出范围）"
        @unknown default:
            field = "params"
            message = "参数无效"
        }
        return RPCErrorObject(
            code: RPCErrorCode.invalidParams,
            reason: "rpc.invalid_params",
            field: field,
            message: message
        )
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "字符串"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt32.Type: "整数"
        case is Bool.Type: "布尔值"
        case is Double.Type: "数字"
        default: "对象（\(type)）"
        }
    }

    /// A storage failure the rules did not foresee: a constraint still held the line, so nothing was written.
    static func object(for error: StoreError) -> RPCErrorObject {
        switch error.kind {
        case .duplicate:
            RPCErrorObject(
                code: RPCErrorCode.conflict,
                reason: "store.duplicate",
                message: "记录已存在（唯一性约束）：\(error.detail)"
            )
        case .reference:
            RPCErrorObject(code: RPCErrorCode.ruleViolation, reason: "store.reference", message: "仍有记录引用该对象，不能执行此操作")
        case .check:
            RPCErrorObject(code: RPCErrorCode.invalidValue, reason: "store.check", message: "数据不符合约束：\(error.detail)")
        }
    }

    /// At most this many row problems of a refused import are sent back; the message gives the total.
    static let maximumReportedProblems = RosterRowError.keptLimit
    /// The longest message sent back: longer ones (quoting a huge value a client sent) are cut, so that no
    /// request can make the daemon build and send a reply many times its own size.
    static let maximumMessageLength = 600

    /// `message`, cut to ``maximumMessageLength`` characters with a note that it was.
    static func bounded(_ message: String) -> String {
        guard message.utf8.count > maximumMessageLength, message.count > maximumMessageLength else { return message }
        return String(message.prefix(maximumMessageLength)) + "…（已截断）"
    }

    /// The refusal of a whole import file: every problem (up to the reporting limit) with its row and column.
    static func object(for refusal: ImportRefusal) -> RPCErrorObject {
        let sorted = refusal.sortedProblems
        let details = sorted.prefix(maximumReportedProblems).map {
            RPCErrorDetail(row: $0.row, column: $0.column.map(bounded), message: bounded($0.message))
        }
        let more = refusal.total > details.count ? "（仅列出前 \(details.count) 处）" : ""
        return RPCErrorObject(
            code: RPCErrorCode.invalidValue,
            data: RPCErrorData(
                reason: "import.invalid",
                field: nil,
                message: "导入文件共 \(refusal.rows) 行，发现 \(refusal.total) 处错误\(more)，未写入任何数据",
                details: Array(details)
            )
        )
    }

    static let internalError = RPCErrorObject(
        code: RPCErrorCode.internalError,
        reason: "rpc.internal",
        message: "partyd 内部错误，请求未生效；详情见守护进程日志"
    )
}
