import ArgumentParser
import Wire

extension MemberCommand {
    /// `member leave`: 出党, 死亡 or 停止党籍; the record moves to history and is kept.
    struct Leave: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "减少党员：出党、死亡或停止党籍（转为历史党员，记录保留）。",
            discussion: """
                误操作可用 member restore 恢复。历史党员用 member list --history 查看。
                示例：partyadmin member leave 8 --kind 死亡 --date 2026-03-01 --reason 病故
                """
        )

        /// The ways of leaving, for help and completion.
        static let kinds = Choices(MemberStatus.leaveKinds.map(\.rawValue))

        /// The member.
        @Argument(help: MemberCommand.memberHelp)
        var member: String

        /// `--kind`.
        @Option(help: kinds.help("减少方式", valueName: "kind"), completion: kinds.completion)
        var kind: String

        /// `--date`.
        @Option(help: ArgumentHelp("日期（YYYY-MM-DD）", valueName: "date"))
        var date: String

        /// `--reason`.
        @Option(help: ArgumentHelp("原因", valueName: "text"))
        var reason: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `member.leave`.
        func run() async throws {
            let params = MemberLeave.Params(member: member, kind: kind, date: date, reason: reason)
            try await Console.call(MemberLeave.self, params, global) { member in
                let how = "\(member.status.rawValue)，\(Format.orNone(member.leftOn))"
                return MemberCommand.changed("已将 \(MemberCommand.label(member))转为历史党员（\(how)）。", member)
            }
        }
    }

    /// `member restore`: puts a member in history back on the roll.
    struct Restore: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "恢复历史党员为在册（如纠正误办的减少）。",
            discussion: "原所在支部须仍在且可编入党员。示例：partyadmin member restore 3"
        )

        /// The member.
        @Argument(help: MemberCommand.memberHelp)
        var member: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `member.restore`.
        func run() async throws {
            try await Console.call(MemberRestore.self, MemberRefParams(member: member), global) { member in
                MemberCommand.changed("已将 \(MemberCommand.label(member))恢复为在册党员。", member)
            }
        }
    }
}
