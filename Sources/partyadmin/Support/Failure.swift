import ArgumentParser
import Foundation
import Wire

/// Turns the errors of a call into what the user reads on standard error (and, with `--json`, the error object
/// on standard output) and the exit code that goes with them.
enum Failure {
    /// The line that tells a user who cannot connect what to do about it.
    static let startHint = "请先启动 partyd（如 make run 或 systemctl start partyd），或用 --socket / PARTYD_SOCKET 指定套接字"

    /// The line that tells a user who may not open the socket what to do instead.
    static let permissionHint = "请让管理员将当前用户加入套接字所属用户组（见 partyd --socket-group），或改用有权限的账户运行"

    /// What to do about a socket that could not be reached: start partyd, unless the socket is there and only
    /// the permission is missing, where starting partyd again would not help.
    static func hint(forUnreachable path: String) -> String {
        let files = FileManager.default
        let deniedOnly = files.fileExists(atPath: path) && !files.isWritableFile(atPath: path)
        return deniedOnly ? permissionHint : startHint
    }

    /// Reports `error` if it is one of the call's errors and returns the ``ExitStatus`` to throw in its place;
    /// any other error comes back unchanged and unreported.
    ///
    /// - Parameters:
    ///   - error: What the call threw.
    ///   - socketPath: The socket used, named in messages about a broken conversation.
    ///   - json: Whether `--json` was given: a daemon error is then also printed as JSON on standard output.
    static func report(_ error: any Error, socketPath: String, json: Bool) -> any Error {
        switch error {
        case let daemonError as RPCErrorObject:
            report(daemonError, json: json)
            return ExitStatus.daemonError
        case let clientError as RPCClientError:
            Printer.err("错误：\(clientError)")
            if case .cannotConnect(let path, _) = clientError {
                Printer.err(hint(forUnreachable: path))
            }
            return ExitStatus.cannotConnect
        case is ExitCode, is CleanExit, is ValidationError:
            return error
        default:
            // A transport failure from NIO in the middle of an exchange (a reset connection, a closed channel).
            Printer.err("错误：与 partyd 的通信中断（套接字 \(socketPath)）：\(error)")
            return ExitStatus.cannotConnect
        }
    }

    /// Prints a daemon error: its Chinese message, one line per CSV row problem, and the object as JSON when
    /// asked (so that scripts read `code` and `data.reason` from the same stream as results).
    static func report(_ error: RPCErrorObject, json: Bool) {
        if json, let text = try? Printer.json(error) {
            Printer.out(text)
        }
        Printer.err("错误：\(error.data.message)")
        for detail in error.data.details ?? [] {
            Printer.err("  " + describe(detail))
        }
    }

    /// One row problem as `第N行 [列]：message`, leaving out whichever of row and column is unknown.
    static func describe(_ detail: RPCErrorDetail) -> String {
        var place = detail.row.map { "第\($0)行" } ?? ""
        if let column = detail.column, !column.isEmpty {
            place += place.isEmpty ? "[\(column)]" : " [\(column)]"
        }
        return place.isEmpty ? detail.message : "\(place)：\(detail.message)"
    }
}
