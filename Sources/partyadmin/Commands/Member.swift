import ArgumentParser
import Wire

/// `partyadmin member`: the roster (党员名册). Registration and `show` are here, the shared field options, edits
/// and moves in `Member+Edit.swift`, the lists and history in `Member+List.swift`, leaving and restoring in
/// `Member+Roll.swift`, and the CSV import and export in `Member+CSV.swift`.
struct MemberCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "党员名册：新增、查看、修改、支部间调整、名单、出党/死亡/停止党籍、恢复、变动历史、CSV 导入导出。",
        discussion: "党员可用内部编号或身份证号指定（见 member list 的“编号”列）。",
        subcommands: [
            Add.self, Show.self, Edit.self, Move.self, List.self, Leave.self, Restore.self, History.self,
            Import.self, Export.self,
        ]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// Help for the member argument of `show`, `edit`, `move`, `leave` and `restore`.
    static let memberHelp = ArgumentHelp("党员：内部编号或身份证号", valueName: "member")

    /// A member as a key/value record: identity, Party dates and placement, contact and work, then status.
    static func record(_ member: Member) -> Record {
        var record = Record()
        record.add("编号", String(member.id))
        record.add("姓名", member.name)
        record.add("性别", member.gender.rawValue)
        record.add("民族", member.ethnicity)
        record.add("出生日期", member.birthDate.description)
        record.add("身份证号", member.idNumberIsUnknown ? "#（不详）" : member.idNumber)
        record.add("人员类别", member.category.rawValue)
        record.add("所在组织", member.orgCode ?? "编号 \(member.orgID)")
        record.add("党小组", member.groupCode)
        record.add("入党日期", Format.orNone(member.joinDate))
        record.add("预备期开始日期", Format.orNone(member.probationStart))
        record.add("转正日期", Format.orNone(member.fullDate))
        record.add("党员标记", Format.flags(member.flags))
        record.add("手机号", member.phone)
        record.add("电子邮箱", member.email)
        record.add("学历", member.education)
        record.add("工作岗位", member.job)
        record.add("工作单位", member.workUnit)
        record.add("状态", member.isActive ? "在册" : "历史党员（\(member.status.rawValue)）")
        record.addIfPresent("减少日期", member.leftOn?.description)
        record.addIfPresent("减少原因", member.leftReason)
        record.add("备注", member.remarks)
        return record
    }

    /// `姓名（编号 N）`: how confirmations name a member.
    static func label(_ member: Member) -> String {
        "\(member.name)（编号 \(member.id)）"
    }

    /// A confirmation line followed by the member's record: what every changing command prints.
    static func changed(_ headline: String, _ member: Member) -> String {
        headline + "\n" + record(member).render()
    }
}

extension MemberCommand {
    /// `member add`: registers a member in a 党支部 or 联合党支部.
    struct Add: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "新增党员（编入党支部或联合党支部）。",
            discussion: """
                日期格式 YYYY-MM-DD；身份证号须符合 GB 11643（校验位、出生日期、性别与所填一致），确实不详时填 #。
                人员类别默认正式党员；预备党员须有 --probation-start（支部大会日期）或 --join-date。
                示例：partyadmin member add --org 0103 --name 王秀英 --gender 女 \\
                  --birth 1949-12-31 --id-number 11010519491231002X \\
                  --join-date 1975-07-01 --full-date 1976-07-01 --flag 困难党员
                """
        )

        /// `--org`.
        @Option(help: ArgumentHelp("所在党支部代码", valueName: "code"))
        var org: String

        /// `--name`.
        @Option(help: ArgumentHelp("姓名", valueName: "name"))
        var name: String

        /// `--gender`.
        @Option(
            help: MemberCommand.genders.help("性别", valueName: "gender"),
            completion: MemberCommand.genders.completion
        )
        var gender: String

        /// `--birth`.
        @Option(help: ArgumentHelp("出生日期", valueName: "date"))
        var birth: String

        /// `--id-number`.
        @Option(help: ArgumentHelp("身份证号（18 位；确实不详时填 #）", valueName: "number"))
        var idNumber: String

        /// The optional fields shared with `member edit`.
        @OptionGroup var details: MemberDetailOptions

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `member.add`.
        func run() async throws {
            var fields = details.fields()
            fields.name = name
            fields.gender = gender
            fields.birthDate = birth
            fields.idNumber = idNumber
            // Sent as typed: partyd splits each value on the separators it accepts (`困难党员、流动党员`).
            if !details.flag.isEmpty { fields.flags = details.flag }
            try await Console.call(MemberAdd.self, MemberAdd.Params(org: org, fields: fields), global) { member in
                MemberCommand.changed("已新增党员 \(MemberCommand.label(member))，编入 \(member.orgCode ?? org)。", member)
            }
        }
    }

    /// `member show`: one member record.
    struct Show: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "查看党员信息（在册党员与历史党员均可）。")

        /// The member.
        @Argument(help: MemberCommand.memberHelp)
        var member: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `member.show`.
        func run() async throws {
            try await Console.call(MemberShow.self, MemberRefParams(member: member), global) { member in
                MemberCommand.record(member).render()
            }
        }
    }
}

/// `partyadmin me`: a member's own record, for accounts bound to one (role `member`).
struct MeCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "me",
        abstract: "本人信息、通知、组织生活与积分（账户须绑定党员记录，见 user add --role member）。",
        subcommands: [
            Show.self, Inbox.self, Read.self, Ack.self, Activities.self, Confirm.self, Leave.self, Points.self,
        ]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// `me show`: the caller's own member record.
    struct Show: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "查看本人的党员信息。")

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `me.show`.
        func run() async throws {
            try await Console.call(MeShow.self, global) { member in
                MemberCommand.record(member).render()
            }
        }
    }
}
