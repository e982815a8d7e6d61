import Core
import Domain
import Foundation
import Store
import Wire

/// `attachment.*`: files sent in Base64 chunks, stored by the core under their SHA-256, and read back in chunks.
enum AttachmentHandlers {
    /// Registers the `attachment.*` methods.
    static func register(in registry: inout MethodRegistry) {
        registry.register(AttachmentBegin.self, access: PartyOperation.attachmentUpload.access) { params, request in
            let begun = try await request.core.beginAttachmentUpload(
                name: params.name,
                size: params.size,
                by: request.principal
            )
            return AttachmentBegin.Result(upload: begun.upload, maxChunkBytes: begun.maxChunkBytes)
        }
        registry.register(AttachmentChunkMethod.self, access: PartyOperation.attachmentUpload.access) {
            params,
            request in
            let received = try await request.core.appendAttachmentChunk(
                params.upload,
                sequence: params.sequence,
                data: params.data,
                by: request.principal
            )
            return AttachmentChunkMethod.Result(receivedBytes: received)
        }
        registry.register(AttachmentFinish.self, calling: .attachmentFinish) { params, request in
            try await request.core.finishAttachmentUpload(params.upload, sha256: params.sha256, by: request.principal)
        }
        registry.register(AttachmentAbort.self, access: PartyOperation.attachmentUpload.access) { params, request in
            try await request.core.abortAttachmentUpload(params.upload, by: request.principal)
            return OK()
        }
        registry.register(AttachmentShow.self, calling: .attachmentShow) { params, request in
            try await request.core.attachment(params.attachment, by: request.principal)
        }
        registry.register(AttachmentDownload.self, calling: .attachmentDownload) { params, request in
            let chunk = try await request.core.downloadAttachment(
                params.attachment,
                offset: params.offset ?? 0,
                length: params.length,
                by: request.principal
            )
            return AttachmentDownload.Result(
                attachment: chunk.attachment.id,
                size: chunk.attachment.size,
                sha256: chunk.attachment.sha256,
                offset: chunk.offset,
                data: Data(chunk.bytes).base64EncodedString()
            )
        }
        registry.register(AttachmentList.self, calling: .attachmentList) { params, request in
            guard let owner = AttachmentOwner(kind: params.owner, id: params.id) else {
                throw DomainError.invalid("owner", "owner 应为 notice 或 activity", reason: "attachment.invalid_owner")
            }
            return AttachmentList.Result(
                attachments: try await request.core.attachments(of: owner, by: request.principal)
            )
        }
    }
}
