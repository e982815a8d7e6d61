import Core
import Domain
import Foundation
import Wire

/// `import.*`: a CSV file arrives in chunks (it is larger than one request), spooled per principal until the
/// commit hands it to the core's import operation.
enum ImportHandlers {
    static func register(in registry: inout MethodRegistry, sessions: ImportSessions) {
        registry.register(ImportBegin.self, access: PartyOperation.importUpload.access) { params, request in
            let now = try await request.core.authorizeUpload(by: request.principal)
            let id = try await sessions.begin(
                owner: request.principal,
                kind: params.kind,
                dryRun: params.dryRun ?? false,
                now: now
            )
            return ImportBegin.Result(session: id, maxChunkBytes: ImportSessions.maxChunkBytes)
        }
        registry.register(ImportChunk.self, access: PartyOperation.importUpload.access) { params, request in
            let now = try await request.core.authorizeUpload(by: request.principal)
            let received = try await sessions.append(
                session: params.session,
                owner: request.principal,
                sequence: params.sequence,
                text: params.text,
                now: now
            )
            return ImportChunk.Result(receivedBytes: received)
        }
        registry.register(ImportCommit.self, calling: .importCommit) { params, request in
            let now = try await request.core.authorizeUpload(by: request.principal)
            let upload = try await sessions.take(session: params.session, owner: request.principal, now: now)
            defer { sessions.discard(upload) }
            let file: ImportFile =
                switch upload.kind {
                case .members: .members
                case .organizations: .organizations
                }
            let outcome = try await request.core.importFile(
                file,
                at: upload.path,
                dryRun: upload.dryRun,
                by: request.principal
            )
            return ImportCommit.Result(rows: outcome.rows, written: outcome.written, dryRun: outcome.dryRun)
        }
    }
}
