import Core

/// The reminder rules partyd runs, in the order `reminder rules` lists them and the daily scan runs them. A new
/// rule (届满, 转入待确认, 发展党员, 党费…) is one file in `Rules/` added here.
package enum ReminderCatalog {
    /// Every rule.
    package static let rules: [any ReminderRule] = [
        ProbationDueRule(),
        BirthdayGreetingRule(),
        BirthdayListRule(),
        ActivityCadenceRule(),
        ActivityRecordLateRule(),
        ActivityInviteeRule(),
        ActivityOpenRule(),
        NoticeAckDueRule(),
        NoticeAckSummaryRule(),
        DeadLetterDigestRule(),
    ]
}
