import Core
import Domain
import Foundation
import Wire

/// `reminder.*`: each decodes, calls its core operation for the peer's principal, and encodes. The daemon's own
/// daily scan (`reminder.scan`) has no method.
enum ReminderHandlers {
    /// Registers the five methods in `registry`, the listing ones marked heavy.
    static func register(in registry: inout MethodRegistry) {
        registry.register(ReminderList.self, calling: .reminderList) { params, request in
            ReminderListing(
                reminders: try await request.core.reminderList(
                    org: params.org,
                    dueWithinDays: params.dueWithin,
                    by: request.principal
                )
            )
        }
        registry.register(ReminderRules.self, calling: .reminderRules) { _, request in
            ReminderRules.Result(rules: try await request.core.reminderRules(by: request.principal))
        }
        registry.register(ReminderRun.self, calling: .reminderRun) { params, request in
            try await request.core.runReminderRule(params.rule, by: request.principal)
        }
        registry.register(ReminderSnooze.self, calling: .reminderSnooze) { params, request in
            try await request.core.snoozeReminder(id: params.id, until: params.until, by: request.principal)
        }
        registry.register(ReminderHistory.self, calling: .reminderHistory) { params, request in
            ReminderListing(
                reminders: try await request.core.reminderHistory(
                    org: params.org,
                    rule: params.rule,
                    limit: params.limit,
                    by: request.principal
                )
            )
        }
        // Every rule over a whole subtree, or up to a thousand rows: such calls run under the heavy limits.
        registry.markHeavy([ReminderList.self, ReminderRun.self, ReminderHistory.self])
    }
}
