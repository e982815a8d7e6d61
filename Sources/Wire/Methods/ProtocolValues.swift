// The value types that travel in the protocol (a member record, an organization's kind and status, an account's
// role, dates, the views of organizations, accounts and audit entries, the fields as typed) are Domain's own, so that the daemon encodes exactly what it stores. They are re-exported
// one by one, so that a client such as the console reads them through Wire alone and never sees Domain's rules
// (MemberRules, OrgRules, the CSV codecs, identity number checks): validating stays the daemon's job.
@_exported import struct Domain.AccountView
@_exported import enum Domain.ActivityCadence
@_exported import struct Domain.ActivityCounts
@_exported import struct Domain.ActivityFields
@_exported import enum Domain.ActivityKind
@_exported import struct Domain.ActivityRecordFields
@_exported import enum Domain.ActivityState
@_exported import struct Domain.ActivityView
@_exported import enum Domain.AttachmentKind
@_exported import struct Domain.AttachmentRef
@_exported import enum Domain.AttachmentTag
@_exported import struct Domain.AttachmentView
@_exported import enum Domain.AttendanceChannel
@_exported import struct Domain.AttendanceEventView
@_exported import enum Domain.AttendanceStatus
@_exported import struct Domain.AttendanceView
@_exported import struct Domain.AuditEntryView
@_exported import struct Domain.BoardMessageView
@_exported import struct Domain.BoardPostFields
@_exported import enum Domain.BoardState
@_exported import struct Domain.BranchCompliance
@_exported import enum Domain.ChannelAudience
@_exported import struct Domain.ChannelFields
@_exported import enum Domain.ChannelKind
@_exported import struct Domain.ChannelTestResult
@_exported import struct Domain.ChannelView
@_exported import struct Domain.ComplianceItem
@_exported import struct Domain.ComplianceReport
@_exported import enum Domain.ComplianceStatus
@_exported import struct Domain.DeliveryAttemptRecord
@_exported import struct Domain.DeliveryAttemptView
@_exported import enum Domain.DeliveryState
@_exported import struct Domain.DeliveryView
@_exported import enum Domain.Gender
@_exported import struct Domain.HistoryEntry
import struct Domain.IdentityNumber
@_exported import struct Domain.InboxEntry
@_exported import struct Domain.LocalDate
@_exported import struct Domain.Member
@_exported import enum Domain.MemberCategory
@_exported import struct Domain.MemberFields
@_exported import enum Domain.MemberFlag
@_exported import struct Domain.MemberHistoryView
@_exported import struct Domain.MemberLinkView
@_exported import struct Domain.MemberListing
@_exported import struct Domain.MemberPoints
@_exported import enum Domain.MemberStatus
@_exported import struct Domain.MyActivity
@_exported import enum Domain.NoticeAddressees
@_exported import struct Domain.NoticeEditFields
@_exported import struct Domain.NoticeFields
@_exported import enum Domain.NoticeKind
@_exported import struct Domain.NoticeLinkList
@_exported import enum Domain.NoticePriority
@_exported import struct Domain.NoticeReceipts
@_exported import enum Domain.NoticeState
@_exported import struct Domain.NoticeView
@_exported import struct Domain.OrgDetail
@_exported import struct Domain.OrgEdits
@_exported import struct Domain.OrgFields
@_exported import enum Domain.OrgKind
@_exported import enum Domain.OrgStatus
@_exported import struct Domain.OrgTreeNode
@_exported import enum Domain.OutboxPurpose
@_exported import struct Domain.PointsEntry
@_exported import struct Domain.PointsReport
@_exported import struct Domain.QuietHoursView
@_exported import enum Domain.ReceiptChannel
@_exported import struct Domain.ReceiptChannelCounts
@_exported import struct Domain.ReminderRuleView
@_exported import struct Domain.ReminderRunView
@_exported import struct Domain.ReminderSettingView
@_exported import struct Domain.ReminderView
@_exported import enum Domain.Role
@_exported import struct Domain.ScheduleJobFields
@_exported import struct Domain.ScheduleJobView

extension Member {
    /// Whether the record's 身份证号 is the marker the protocol sends when the number is truly unknown (`#`),
    /// so that a client can say so without knowing the rules of identity numbers.
    package var idNumberIsUnknown: Bool { idNumber == IdentityNumber.unknownMarker }
}
