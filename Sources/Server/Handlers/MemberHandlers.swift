import Core
import Domain
import Foundation
import Wire

/// `member.*` and `me.*`: each method decodes, calls its core operation for the peer's principal, and encodes.
enum MemberHandlers {
    static func register(in registry: inout MethodRegistry) {
        registry.register(MemberAdd.self, calling: .memberAdd) { params, request in
            try await request.core.addMember(org: params.org, fields: params.fields, by: request.principal)
        }
        registry.register(MemberEdit.self, calling: .memberEdit) { params, request in
            try await request.core.editMember(params.member, fields: params.fields, by: request.principal)
        }
        registry.register(MemberMove.self, calling: .memberMove) { params, request in
            try await request.core.moveMember(params.member, to: params.to, by: request.principal)
        }
        registry.register(MemberLeave.self, calling: .memberLeave) { params, request in
            try await request.core.leaveRoll(
                params.member,
                kind: params.kind,
                date: params.date,
                reason: params.reason,
                by: request.principal
            )
        }
        registry.register(MemberRestore.self, calling: .memberRestore) { params, request in
            try await request.core.restoreToRoll(params.member, by: request.principal)
        }
        registerQueries(in: &registry)
    }

    private static func registerQueries(in registry: inout MethodRegistry) {
        registry.register(MemberShow.self, calling: .memberShow) { params, request in
            try await request.core.member(params.member, by: request.principal)
        }
        registry.register(MeShow.self, calling: .meShow) { _, request in
            try await request.core.ownRecord(by: request.principal)
        }
        registry.register(MemberList.self, calling: .memberList) { params, request in
            let page = try await request.core.members(params, by: request.principal)
            return MemberList.Result(total: page.total, members: page.members)
        }
        registry.register(MemberHistory.self, calling: .memberHistory) { params, request in
            MemberHistory.Result(
                entries: try await request.core.memberHistory(
                    org: params.org,
                    member: params.member,
                    limit: params.limit ?? 100,
                    by: request.principal
                )
            )
        }
        registry.register(MemberExport.self, calling: .memberExport) { params, request in
            let page = try await request.core.exportMembers(
                org: params.org,
                recursive: params.recursive ?? false,
                offset: params.offset ?? 0,
                limit: params.limit,
                by: request.principal
            )
            return MemberExport.Result(rows: page.rows, total: page.total, csv: page.csv)
        }
    }
}
