import Core
import Domain
import Foundation
import Wire

/// `notice.*` and the member's `me.inbox`, `me.read`, `me.ack`: each decodes, calls its core operation for the
/// peer's principal, and encodes.
enum NoticeHandlers {
    static func register(in registry: inout MethodRegistry) {
        registry.register(NoticePost.self, calling: .noticePost) { params, request in
            try await request.core.postNotice(params, by: request.principal)
        }
        registry.register(NoticeEdit.self, calling: .noticeEdit) { params, request in
            try await request.core.editNotice(params, by: request.principal)
        }
        registry.register(NoticeCancel.self, calling: .noticeCancel) { params, request in
            try await request.core.cancelNotice(params.notice, by: request.principal)
        }
        registry.register(NoticeRetract.self, calling: .noticeRetract) { params, request in
            try await request.core.retractNotice(params.notice, reason: params.reason, by: request.principal)
        }
        registry.register(NoticeList.self, calling: .noticeList) { params, request in
            NoticeList.Result(
                notices: try await request.core.notices(
                    org: params.org,
                    before: params.before,
                    limit: params.limit,
                    by: request.principal
                )
            )
        }
        registry.register(NoticeShow.self, calling: .noticeShow) { params, request in
            try await request.core.notice(params.notice, by: request.principal)
        }
        registry.register(NoticeReceiptsMethod.self, calling: .noticeReceipts) { params, request in
            try await request.core.noticeReceipts(params.notice, limit: params.limit, by: request.principal)
        }
        registry.register(NoticeLinksMethod.self, calling: .noticeLinks) { params, request in
            try await request.core.noticeLinks(params.notice, member: params.member, by: request.principal)
        }
        registry.register(NoticeResend.self, calling: .noticeResend) { params, request in
            NoticeResend.Result(messages: try await request.core.resendNotice(params.notice, by: request.principal))
        }
        registry.register(MeInbox.self, calling: .meInbox) { params, request in
            MeInbox.Result(
                entries: try await request.core.inbox(before: params.before, limit: params.limit, by: request.principal)
            )
        }
        registry.register(MeRead.self, calling: .meRead) { params, request in
            try await request.core.readNotice(params.notice, by: request.principal)
        }
        registry.register(MeAck.self, calling: .meAck) { params, request in
            try await request.core.acknowledgeNotice(params.notice, by: request.principal)
        }
    }
}
