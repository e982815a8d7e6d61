import Core
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A download of a link's attachment: the core's chunks streamed one after another, with the file's type and
/// its name in UTF-8 (RFC 6266 / RFC 5987).
enum AttachmentResponse {
    /// The response streaming attachment `id` of the link's record.
    static func download(link: String, attachment id: Int64, core: PartyCore) async throws -> Response {
        let view = try await core.linkAttachment(link, attachment: id)
        let size = view.size
        let body = ResponseBody(contentLength: size) { writer in
            var offset = 0
            // Bounded: every round moves `offset` forward by at least one byte, or stops.
            while offset < size {
                let chunk = try await core.linkAttachmentChunk(link, attachment: id, offset: offset)
                guard !chunk.bytes.isEmpty else { break }
                try await writer.write(ByteBuffer(bytes: chunk.bytes))
                offset += chunk.bytes.count
            }
            try await writer.finish(nil)
        }
        var response = Response(status: .ok, body: body)
        response.headers[.contentType] = view.kind.mimeType
        response.headers[.contentDisposition] = contentDisposition(view.name)
        return response
    }

    /// `attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<percent-encoded name>`.
    static func contentDisposition(_ name: String) -> String {
        let fallback = String(
            name.unicodeScalars.map { scalar in
                scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
            }
        )
        let allowed = CharacterSet(charactersIn: "!#$&+-.^_`|~").union(
            .alphanumerics.intersection(.init(charactersIn: "\u{0}"..."\u{7F}"))
        )
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "download"
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
