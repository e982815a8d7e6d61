import Domain

/// An operation of the core: the name its audit entries carry (the same as its RPC method's) and what its
/// caller needs. The access requirement is declared here once; every operation checks it inside its own
/// transaction, and the socket's method catalog reads it from here.
package struct PartyOperation: Sendable, Equatable {
    /// The name, e.g. `org.add`.
    package let name: String
    /// What the caller needs.
    package let access: Access

    /// Declares an operation.
    package init(_ name: String, _ access: Access) {
        self.name = name
        self.access = access
    }
}

extension PartyOperation {
    /// `org.add`.
    package static let orgAdd = PartyOperation("org.add", .write)
    /// `org.edit`.
    package static let orgEdit = PartyOperation("org.edit", .write)
    /// `org.rename`.
    package static let orgRename = PartyOperation("org.rename", .write)
    /// `org.setKind`.
    package static let orgSetKind = PartyOperation("org.setKind", .write)
    /// `org.move`.
    package static let orgMove = PartyOperation("org.move", .write)
    /// `org.merge`.
    package static let orgMerge = PartyOperation("org.merge", .write)
    /// `org.revoke`.
    package static let orgRevoke = PartyOperation("org.revoke", .write)
    /// `org.delete`.
    package static let orgDelete = PartyOperation("org.delete", .write)
    /// `org.show`.
    package static let orgShow = PartyOperation("org.show", .read)
    /// `org.tree`.
    package static let orgTree = PartyOperation("org.tree", .read)
    /// `org.revoked`.
    package static let orgRevoked = PartyOperation("org.revoked", .read)
    /// `org.history`.
    package static let orgHistory = PartyOperation("org.history", .read)
    /// `org.export`.
    package static let orgExport = PartyOperation("org.export", .read)
    /// `member.add`.
    package static let memberAdd = PartyOperation("member.add", .write)
    /// `member.edit`.
    package static let memberEdit = PartyOperation("member.edit", .write)
    /// `member.move`.
    package static let memberMove = PartyOperation("member.move", .write)
    /// `member.leave`.
    package static let memberLeave = PartyOperation("member.leave", .write)
    /// `member.restore`.
    package static let memberRestore = PartyOperation("member.restore", .write)
    /// `member.show`.
    package static let memberShow = PartyOperation("member.show", .read)
    /// `member.list`.
    package static let memberList = PartyOperation("member.list", .read)
    /// `member.history`.
    package static let memberHistory = PartyOperation("member.history", .read)
    /// `member.export`.
    package static let memberExport = PartyOperation("member.export", .read)
    /// `me.show`.
    package static let meShow = PartyOperation("me.show", .selfService)
    /// `user.add`.
    package static let userAdd = PartyOperation("user.add", .systemAdmin)
    /// `user.list`.
    package static let userList = PartyOperation("user.list", .systemAdmin)
    /// `user.remove`.
    package static let userRemove = PartyOperation("user.remove", .systemAdmin)
    /// `user.setEmail`.
    package static let userSetEmail = PartyOperation("user.setEmail", .systemAdmin)
    /// `audit.list`.
    package static let auditList = PartyOperation("audit.list", .read)
    /// `notice.post`.
    package static let noticePost = PartyOperation("notice.post", .write)
    /// `notice.edit`.
    package static let noticeEdit = PartyOperation("notice.edit", .write)
    /// `notice.cancel`.
    package static let noticeCancel = PartyOperation("notice.cancel", .write)
    /// `notice.retract`.
    package static let noticeRetract = PartyOperation("notice.retract", .write)
    /// The daemon's releasing of scheduled notices when their time comes.
    package static let noticeRelease = PartyOperation("notice.release", .systemAdmin)
    /// `notice.list`.
    package static let noticeList = PartyOperation("notice.list", .read)
    /// `notice.show`.
    package static let noticeShow = PartyOperation("notice.show", .read)
    /// `notice.links`: members' personal links to a notice, for administrators who pass them on by hand.
    package static let noticeLinks = PartyOperation("notice.links", .write)
    /// `notice.receipts`.
    package static let noticeReceipts = PartyOperation("notice.receipts", .read)
    /// `me.inbox`.
    package static let meInbox = PartyOperation("me.inbox", .selfService)
    /// `me.read`.
    package static let meRead = PartyOperation("me.read", .selfService)
    /// `me.ack`.
    package static let meAck = PartyOperation("me.ack", .selfService)
    /// `channel.add`.
    package static let channelAdd = PartyOperation("channel.add", .write)
    /// `channel.list`.
    package static let channelList = PartyOperation("channel.list", .read)
    /// `channel.test`: sends a message out, so it needs write access.
    package static let channelTest = PartyOperation("channel.test", .write)
    /// `channel.remove`.
    package static let channelRemove = PartyOperation("channel.remove", .write)
    /// `org.quietHours`.
    package static let orgQuietHours = PartyOperation("org.quietHours", .read)
    /// `org.setQuietHours`.
    package static let orgSetQuietHours = PartyOperation("org.setQuietHours", .write)
    /// `delivery.retry`.
    package static let deliveryRetry = PartyOperation("delivery.retry", .write)
    /// `notice.resend`.
    package static let noticeResend = PartyOperation("notice.resend", .write)
    /// `delivery.show`.
    package static let deliveryShow = PartyOperation("delivery.show", .read)
    /// `delivery.list`.
    package static let deliveryList = PartyOperation("delivery.list", .read)
    /// The delivery workers' reading of due rows and recording of attempts (the daemon's own work).
    package static let deliveryAttempt = PartyOperation("delivery.attempt", .systemAdmin)
    /// `board.post`: a member writes to their branch or one above it.
    package static let boardPost = PartyOperation("board.post", .selfService)
    /// `board.mine`: a member's own messages.
    package static let boardMine = PartyOperation("board.mine", .selfService)
    /// `board.list`: open to every account; what it shows depends on the role (administrators their subtree,
    /// members what is shown to them), so the operation narrows it through ``Authorization/check(_:_:_:in:)``.
    package static let boardList = PartyOperation("board.list", .account)
    /// `board.approve`.
    package static let boardApprove = PartyOperation("board.approve", .write)
    /// `board.reply`.
    package static let boardReply = PartyOperation("board.reply", .write)
    /// `board.delete`.
    package static let boardDelete = PartyOperation("board.delete", .write)
    /// `schedule.add`.
    package static let scheduleAdd = PartyOperation("schedule.add", .write)
    /// `schedule.list`.
    package static let scheduleList = PartyOperation("schedule.list", .read)
    /// `schedule.next`.
    package static let scheduleNext = PartyOperation("schedule.next", .read)
    /// `schedule.remove`.
    package static let scheduleRemove = PartyOperation("schedule.remove", .write)
    /// `schedule.preview`: reads nothing but the rule given.
    package static let schedulePreview = PartyOperation("schedule.preview", .account)
    /// The scheduler's running of due timed jobs (the daemon's own work).
    package static let scheduleRun = PartyOperation("schedule.run", .systemAdmin)
    /// `reminder.list`: what is due now and soon in the caller's scope.
    package static let reminderList = PartyOperation("reminder.list", .read)
    /// `reminder.rules`: the rules, their settings and last scans.
    package static let reminderRules = PartyOperation("reminder.rules", .account)
    /// `reminder.run`: a rule scanned now, what it finds sent at once (city-wide, so system administrators only).
    package static let reminderRun = PartyOperation("reminder.run", .systemAdmin)
    /// `reminder.snooze`.
    package static let reminderSnooze = PartyOperation("reminder.snooze", .write)
    /// `reminder.history`.
    package static let reminderHistory = PartyOperation("reminder.history", .read)
    /// The scheduler's daily scans and digests (the daemon's own work).
    package static let reminderScan = PartyOperation("reminder.scan", .systemAdmin)
    /// `system.status`.
    package static let systemStatus = PartyOperation("system.status", .account)
    /// Opening an upload (`import.begin`, `import.chunk`): only writers may upload.
    package static let importUpload = PartyOperation("import.upload", .write)
    /// `import.commit`: writing a whole file, each row's organization checked.
    package static let importCommit = PartyOperation("import.commit", .write)
    /// Sending an attachment (`attachment.begin`, `attachment.chunk`, `attachment.abort`): only writers upload.
    package static let attachmentUpload = PartyOperation("attachment.upload", .write)
    /// `attachment.finish`: storing the uploaded file.
    package static let attachmentFinish = PartyOperation("attachment.finish", .write)
    /// `attachment.show`: any account; the attachment must be the caller's upload or linked to a record the
    /// caller sees.
    package static let attachmentShow = PartyOperation("attachment.show", .account)
    /// `attachment.download`: as `attachment.show`.
    package static let attachmentDownload = PartyOperation("attachment.download", .account)
    /// `attachment.list`: the attachments of a record the caller sees.
    package static let attachmentList = PartyOperation("attachment.list", .account)
    /// Linking uploaded attachments to a record the caller may change (also done inside `notice.post`).
    package static let attachmentLink = PartyOperation("attachment.link", .write)
    /// `activity.plan`.
    package static let activityPlan = PartyOperation("activity.plan", .write)
    /// `activity.show`.
    package static let activityShow = PartyOperation("activity.show", .read)
    /// `activity.list`.
    package static let activityList = PartyOperation("activity.list", .read)
    /// `activity.record`.
    package static let activityRecord = PartyOperation("activity.record", .write)
    /// `activity.attend`: attendance recorded by an administrator on a member's behalf.
    package static let activityAttend = PartyOperation("activity.attend", .write)
    /// `activity.cancel`.
    package static let activityCancel = PartyOperation("activity.cancel", .write)
    /// `activity.attach`.
    package static let activityAttach = PartyOperation("activity.attach", .write)
    /// `activity.publish`.
    package static let activityPublish = PartyOperation("activity.publish", .write)
    /// `activity.compliance`.
    package static let activityCompliance = PartyOperation("activity.compliance", .read)
    /// `points.list`.
    package static let pointsList = PartyOperation("points.list", .read)
    /// `me.activities`.
    package static let meActivities = PartyOperation("me.activities", .selfService)
    /// `me.confirm`.
    package static let meConfirm = PartyOperation("me.confirm", .selfService)
    /// `me.leave`.
    package static let meLeave = PartyOperation("me.leave", .selfService)
    /// `me.points`.
    package static let mePoints = PartyOperation("me.points", .selfService)
    /// The collector: removing expired uploads and content nothing refers to (the daemon's own work).
    package static let attachmentCollect = PartyOperation("attachment.collect", .systemAdmin)
}
