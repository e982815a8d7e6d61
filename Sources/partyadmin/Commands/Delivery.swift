import ArgumentParser
import Foundation
import Wire

/// `partyadmin delivery`: what the outbox has sent, is retrying, or gave up.
struct DeliveryCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "delivery",
        abstract: "投递记录：经各渠道发送通知的情况；重新投递已放弃的消息。",
        subcommands: [List.self, Show.self, Retry.self]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// `delivery list`.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "投递记录（最新的在前）。")

        /// `--org`.
        @Option(help: ArgumentHelp("只看该组织及其下级组织渠道的记录", valueName: "code"))
        var org: String?

        /// `--state`.
        @Option(help: ArgumentHelp("只看该状态：pending（待投递）、sent（已送达）、dead（已放弃）、cancelled（已取消）", valueName: "state"))
        var state: String?

        /// `--limit`.
        @Option(parsing: .unconditional, help: ArgumentHelp("最多显示条数（默认 100）", valueName: "n"))
        var limit: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `delivery.list`.
        func run() async throws {
            try await Console.call(DeliveryList.self, .init(org: org, state: state, limit: limit), global) { result in
                var table = Table(.number("编号"), .number("通知"), .text("渠道"), .text("状态"), .number("尝试"), .text("说明"))
                for delivery in result.deliveries {
                    let state =
                        delivery.state.label
                        + (delivery.state == .pending
                            ? delivery.nextAttemptAt.map { "（\(Format.timestamp($0))）" } ?? "" : "")
                    table.append(
                        String(delivery.id),
                        String(delivery.noticeID),
                        delivery.channelName,
                        state,
                        String(delivery.attempts),
                        delivery.lastError ?? ""
                    )
                }
                return table.render(orIfEmpty: "没有投递记录。")
            }
        }
    }

    /// `delivery show N`: one delivery with its attempts.
    struct Show: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "查看一条投递及其每次尝试的时间、结果与错误。")

        /// The delivery's number.
        @Argument(help: ArgumentHelp("投递编号", valueName: "id"))
        var id: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `delivery.show`.
        func run() async throws {
            try await Console.call(DeliveryShow.self, .init(id: id), global) { delivery in
                var record = Record()
                record.add("编号", String(delivery.id))
                record.add(
                    "通知",
                    "\(delivery.noticeID)“\(delivery.noticeTitle)”" + (delivery.purpose == .retraction ? "（撤回说明）" : "")
                )
                record.add("渠道", "\(delivery.channelName)（\(delivery.channelID)）")
                record.addIfPresent("收件人", delivery.memberName)
                record.add("状态", delivery.state.label)
                record.add("尝试次数", String(delivery.attempts))
                if delivery.state == .pending {
                    record.addIfPresent("下次尝试", delivery.nextAttemptAt.map(Format.timestamp))
                }
                record.addIfPresent("送达时间", delivery.sentAt.map(Format.timestamp))
                record.addIfPresent("最后错误", delivery.lastError)
                var attempts = Table(.number("次"), .text("时间"), .text("结果"), .text("错误"))
                for attempt in delivery.history ?? [] {
                    let outcome =
                        switch attempt.outcome {
                        case .delivered: "送达"
                        case .retryable: "失败，将重试"
                        case .permanent: "失败，不再重试"
                        }
                    attempts.append(String(attempt.attempt), Format.timestamp(attempt.at), outcome, attempt.error ?? "")
                }
                return record.render() + "\n尝试记录：\n" + attempts.render(orIfEmpty: "（尚未尝试）")
            }
        }
    }

    /// `delivery retry [ID ...] | --all-dead`.
    struct Retry: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "重新投递已放弃的消息（立即到期，重新计算尝试次数）。")

        /// The rows.
        @Argument(help: ArgumentHelp("投递编号（见 delivery list）", valueName: "id"))
        var ids: [Int64] = []

        /// `--all-dead`.
        @Flag(help: "全部已放弃的投递（管理范围内）")
        var allDead = false

        /// `--org`.
        @Option(help: ArgumentHelp("只限该组织及其下级组织的渠道", valueName: "code"))
        var org: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Either ids or `--all-dead`.
        func validate() throws {
            guard ids.isEmpty == allDead else { throw ValidationError("须给出投递编号，或 --all-dead（二者选一）") }
        }

        /// Calls `delivery.retry`.
        func run() async throws {
            let params = DeliveryRetry.Params(ids: allDead ? nil : ids, org: org)
            try await Console.call(DeliveryRetry.self, params, global) { result in
                "已重新排队 \(result.requeued) 条投递。"
            }
        }
    }
}
