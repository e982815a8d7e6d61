import ArgumentParser
import Wire

extension MemberCommand {
    /// The values of `--gender`, for its help and shell completion.
    static let genders = Choices(Gender.allCases.map(\.rawValue))
    /// The values of `--category`, for its help and shell completion.
    static let categories = Choices(MemberCategory.allCases.map(\.rawValue))
    /// The values of `--flag`, for its help and shell completion.
    static let flags = Choices(MemberFlag.allCases.map(\.rawValue))
}

/// The optional member fields that `member add` and `member edit` share. Values go to partyd as typed: it parses
/// dates, genders and categories and says in Chinese which one is wrong.
struct MemberDetailOptions: ParsableArguments {
    /// `--ethnicity`.
    @Option(help: ArgumentHelp("民族", valueName: "text"))
    var ethnicity: String?

    /// `--join-date`.
    @Option(help: ArgumentHelp("入党日期", valueName: "date"))
    var joinDate: String?

    /// `--probation-start`.
    @Option(help: ArgumentHelp("预备期开始日期（支部大会日期）", valueName: "date"))
    var probationStart: String?

    /// `--full-date`.
    @Option(help: ArgumentHelp("转正日期", valueName: "date"))
    var fullDate: String?

    /// `--category`.
    @Option(
        help: MemberCommand.categories.help("人员类别", valueName: "category"),
        completion: MemberCommand.categories.completion
    )
    var category: String?

    /// `--phone`.
    @Option(help: ArgumentHelp("手机号或固定电话", valueName: "phone"))
    var phone: String?

    /// `--email`.
    @Option(help: ArgumentHelp("电子邮箱", valueName: "email"))
    var email: String?

    /// `--education`.
    @Option(help: ArgumentHelp("学历", valueName: "text"))
    var education: String?

    /// `--job`.
    @Option(help: ArgumentHelp("工作岗位", valueName: "text"))
    var job: String?

    /// `--work-unit`.
    @Option(help: ArgumentHelp("工作单位", valueName: "text"))
    var workUnit: String?

    /// `--group`.
    @Option(help: ArgumentHelp("党小组代码（须在所在支部之下）", valueName: "code"))
    var group: String?

    /// `--flag`, repeatable.
    @Option(
        help: MemberCommand.flags.help("党员标记（可重复给出）", valueName: "flag"),
        completion: MemberCommand.flags.completion
    )
    var flag: [String] = []

    /// `--remarks`.
    @Option(help: ArgumentHelp("备注", valueName: "text"))
    var remarks: String?

    /// Creates the options; ArgumentParser fills them.
    init() {}

    /// The given fields, flags aside (their meaning differs between add and edit).
    func fields() -> MemberFields {
        MemberFields(
            ethnicity: ethnicity,
            phone: phone,
            email: email,
            education: education,
            job: job,
            workUnit: workUnit,
            joinDate: joinDate,
            probationStart: probationStart,
            fullDate: fullDate,
            category: category,
            group: group,
            remarks: remarks
        )
    }

    /// Whether any field is given, flags included.
    var isEmpty: Bool {
        let values = [ethnicity, joinDate, probationStart, fullDate, category, phone, email, education, job, workUnit]
        return values.allSatisfy { $0 == nil } && group == nil && remarks == nil && flag.isEmpty
    }
}

extension MemberCommand {
    /// `member edit`: changes fields of a member record.
    struct Edit: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "修改党员信息（只改给出的项；传 \"\" 清空可选项）。",
            discussion: """
                党员标记：--flags a,b 或重复的 --flag 以给出的标记替换原有全部标记；--clear-flags 清除全部标记。
                调整支部请用 member move。
                示例：partyadmin member edit 3 --phone 13800138000 --flags 困难党员,流动党员
                """
        )

        /// The member.
        @Argument(help: MemberCommand.memberHelp)
        var member: String

        /// `--name`.
        @Option(help: ArgumentHelp("姓名", valueName: "name"))
        var name: String?

        /// `--gender`.
        @Option(
            help: MemberCommand.genders.help("性别", valueName: "gender"),
            completion: MemberCommand.genders.completion
        )
        var gender: String?

        /// `--birth`.
        @Option(help: ArgumentHelp("出生日期", valueName: "date"))
        var birth: String?

        /// `--id-number`.
        @Option(help: ArgumentHelp("身份证号（确实不详时填 #）", valueName: "number"))
        var idNumber: String?

        /// The optional fields shared with `member add`.
        @OptionGroup var details: MemberDetailOptions

        /// `--flags`.
        @Option(help: ArgumentHelp("党员标记的新集合，以逗号或顿号分隔（\"\" 清空）", valueName: "list"))
        var flags: String?

        /// `--clear-flags`.
        @Flag(help: "清除全部党员标记")
        var clearFlags = false

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Refuses an edit that changes nothing, and contradictory flag options.
        func validate() throws {
            if clearFlags && (flags != nil || !details.flag.isEmpty) {
                throw ValidationError("--clear-flags 不能与 --flag、--flags 同时使用")
            }
            if [name, gender, birth, idNumber, flags].allSatisfy({ $0 == nil }) && details.isEmpty && !clearFlags {
                throw ValidationError("请至少给出一项要修改的内容，如 --phone、--category、--flags（见 --help）")
            }
        }

        /// Calls `member.edit`.
        func run() async throws {
            var fields = details.fields()
            fields.name = name
            fields.gender = gender
            fields.birthDate = birth
            fields.idNumber = idNumber
            if clearFlags {
                fields.flags = []
            } else if flags != nil || !details.flag.isEmpty {
                // Sent as typed: partyd splits each value on the separators it accepts (`困难党员、流动党员`), and a blank
                // value (`--flags ""`) is the empty set, which clears the flags.
                fields.flags = details.flag + (flags.map { [$0] } ?? [])
            }
            let params = MemberEdit.Params(member: member, fields: fields)
            try await Console.call(MemberEdit.self, params, global) { member in
                MemberCommand.changed("已修改党员 \(MemberCommand.label(member))的信息。", member)
            }
        }
    }

    /// `member move`: 支部间调整 within one 党委.
    struct Move: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "党员支部间调整（同一党委内；跨党委请办理组织关系转接）。",
            discussion: "调整后党小组清空。示例：partyadmin member move 11010519491231002X --to 0102"
        )

        /// The member.
        @Argument(help: MemberCommand.memberHelp)
        var member: String

        /// `--to`.
        @Option(help: ArgumentHelp("调入的党支部代码", valueName: "code"))
        var to: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `member.move`.
        func run() async throws {
            try await Console.call(MemberMove.self, MemberMove.Params(member: member, to: to), global) { member in
                MemberCommand.changed("已将党员 \(MemberCommand.label(member))调整到 \(member.orgCode ?? to)。", member)
            }
        }
    }
}
