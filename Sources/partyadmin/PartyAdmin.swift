import ArgumentParser
import CommandLineText
import Foundation
import Wire

/// `partyadmin`: the administrator's console of partyd. It parses the command line, makes one call over the
/// daemon's socket and prints the answer; every rule is the daemon's.
///
/// To add a command group, write `Commands/Name.swift` with a `NameCommand: ParsableCommand` whose
/// `configuration` lists its leaf commands, each an `AsyncParsableCommand` with
/// `@OptionGroup var global: GlobalOptions` that calls ``Console/call(_:_:_:render:)``; then
/// add `NameCommand.self` to ``subcommands`` below.
@main
struct PartyAdmin: AsyncParsableCommand {
    /// The top-level commands and groups, in the order `--help` lists them.
    static let subcommands: [any ParsableCommand.Type] = [
        StatusCommand.self,
        MethodsCommand.self,
        OrgCommand.self,
        MemberCommand.self,
        MeCommand.self,
        NoticeCommand.self,
        BoardCommand.self,
        ScheduleCommand.self,
        ReminderCommand.self,
        ActivityCommand.self,
        PointsCommand.self,
        AttachmentCommand.self,
        ChannelCommand.self,
        DeliveryCommand.self,
        UserCommand.self,
        AuditCommand.self,
    ]

    /// The root's name, help text and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "partyadmin",
        abstract: "partyd 管理控制台：通过 Unix 套接字管理党组织、党员名册、账户与审计日志。",
        discussion: """
            用法：partyadmin 命令组 命令 [选项]。每个命令都接受 --socket PATH 与 --json。
            退出码：0 成功；1 partyd 返回错误；2 无法连接 partyd；3 用法错误。
            命令补全：partyadmin --generate-completion-script bash|zsh|fish
            """,
        version: partyServerVersion,
        subcommands: subcommands
    )

    /// Creates the root command; ArgumentParser calls this when no subcommand is given (and then prints help).
    init() {}

    /// Parses, runs, and maps every failure to lightning-cli's exit codes instead of ArgumentParser's.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let diagnosis = Diagnosis.beforeParsing(root: self, arguments: arguments) {
            emit(diagnosis)
        }
        let command: any ParsableCommand
        do {
            command = try await asyncParseAsRoot(arguments)
        } catch {
            finish(with: error, arguments: arguments)
        }
        do {
            var command = command
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            finish(with: error, arguments: nil)
        }
        Foundation.exit(ExitCode.success.rawValue)
    }

    /// Prints what `error` calls for and exits with its code.
    ///
    /// Commands report their own call errors through ``Console`` and throw an ``ExitStatus``, which passes
    /// through; daemon and client errors thrown some other way are reported here. Everything else is
    /// ArgumentParser's, in Chinese through ``Diagnosis``: help, version and completion scripts go to standard
    /// output with code 0, and any other message to standard error, with code 3 when it concerns the command line.
    ///
    /// - Parameter arguments: The command line when `error` came from parsing it, nil when from running.
    private static func finish(with error: any Error, arguments: [String]?) -> Never {
        var error = error
        if error is RPCErrorObject || error is RPCClientError {
            error = Failure.report(error, socketPath: "", json: false)
        }
        if let code = error as? ExitCode {
            Foundation.exit(code.rawValue)
        }
        emit(Diagnosis.of(error, root: self, arguments: arguments))
    }

    /// Prints a diagnosis where it belongs and exits with the console's code for it.
    private static func emit(_ diagnosis: Diagnosis) -> Never {
        switch diagnosis.kind {
        case .output:
            Printer.out(diagnosis.text)
            Foundation.exit(ExitCode.success.rawValue)
        case .usage:
            Printer.err(diagnosis.text)
            Foundation.exit(ExitStatus.usage.rawValue)
        case .failure(let code):
            if !diagnosis.text.isEmpty { Printer.err(diagnosis.text) }
            Foundation.exit(code)
        }
    }
}
