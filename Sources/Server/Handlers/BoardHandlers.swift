import Core
import Domain
import Foundation
import Wire

/// `board.*`: each decodes, calls its core operation for the peer's principal, and encodes.
enum BoardHandlers {
    static func register(in registry: inout MethodRegistry) {
        registry.register(BoardPost.self, calling: .boardPost) { params, request in
            try await request.core.postBoardMessage(params, by: request.principal)
        }
        registry.register(BoardMine.self, calling: .boardMine) { params, request in
            BoardMessagesResult(
                messages: try await request.core.myBoardMessages(
                    before: params.before,
                    limit: params.limit,
                    by: request.principal
                )
            )
        }
        registry.register(BoardList.self, calling: .boardList) { params, request in
            BoardMessagesResult(
                messages: try await request.core.boardMessages(
                    org: params.org,
                    state: params.state,
                    before: params.before,
                    limit: params.limit,
                    by: request.principal
                )
            )
        }
        registry.register(BoardApprove.self, calling: .boardApprove) { params, request in
            try await request.core.approveBoardMessage(
                params.message,
                reply: params.reply,
                shown: params.shown,
                by: request.principal
            )
        }
        registry.register(BoardReply.self, calling: .boardReply) { params, request in
            try await request.core.replyToBoardMessage(
                params.message,
                reply: params.reply,
                shown: params.shown,
                by: request.principal
            )
        }
        registry.register(BoardDelete.self, calling: .boardDelete) { params, request in
            try await request.core.deleteBoardMessage(params.message, reason: params.reason, by: request.principal)
        }
    }
}
