/// `attachment.begin`: opens an upload. A file is larger than one request may be, so the console streams it in
/// Base64 chunks (`attachment.chunk`) and then sends its SHA-256 (`attachment.finish`); the daemon never opens
/// a path of the caller's.
package enum AttachmentBegin: RPCMethod {
    /// What is coming.
    package struct Params: Codable, Sendable {
        /// The file's name, shown to people (path components are dropped).
        package var name: String
        /// Its size in bytes; a size no kind allows is refused at once.
        package var size: Int
        /// Creates the parameters.
        package init(name: String, size: Int) {
            self.name = name
            self.size = size
        }
    }
    /// The upload.
    package struct Result: Codable, Sendable {
        /// The upload's id for the following calls.
        package var upload: String
        /// The largest chunk accepted, in bytes before Base64.
        package var maxChunkBytes: Int
        /// Creates the result.
        package init(upload: String, maxChunkBytes: Int) {
            self.upload = upload
            self.maxChunkBytes = maxChunkBytes
        }
    }
    package static let name = "attachment.begin"
    package static let summary = "开始上传附件（声明文件名与大小）"
}

/// `attachment.chunk`: appends the next piece of the file.
package enum AttachmentChunkMethod: RPCMethod {
    /// The piece.
    package struct Params: Codable, Sendable {
        /// The upload's id.
        package var upload: String
        /// 0 for the first chunk, then 1, 2, ...: a repeated or skipped chunk is refused.
        package var sequence: Int
        /// The bytes, Base64 (at most `maxChunkBytes` before encoding).
        package var data: String
        /// Creates the parameters.
        package init(upload: String, sequence: Int, data: String) {
            self.upload = upload
            self.sequence = sequence
            self.data = data
        }
    }
    /// Bytes received so far.
    package struct Result: Codable, Sendable {
        /// Total bytes received.
        package var receivedBytes: Int
        /// Creates the result.
        package init(receivedBytes: Int) { self.receivedBytes = receivedBytes }
    }
    package static let name = "attachment.chunk"
    package static let summary = "上传附件的下一段（Base64）"
}

/// `attachment.finish`: checks the SHA-256 and the kind (by content) and stores the file.
package enum AttachmentFinish: RPCMethod {
    /// The upload and its digest.
    package struct Params: Codable, Sendable {
        /// The upload's id.
        package var upload: String
        /// The file's SHA-256 as the sender computed it, 64 hexadecimal digits.
        package var sha256: String
        /// Creates the parameters.
        package init(upload: String, sha256: String) {
            self.upload = upload
            self.sha256 = sha256
        }
    }
    package typealias Result = AttachmentView
    package static let name = "attachment.finish"
    package static let summary = "完成附件上传：校验 SHA-256 与文件类型后保存"
}

/// `attachment.abort`: drops an upload and the bytes received.
package enum AttachmentAbort: RPCMethod {
    /// The upload.
    package struct Params: Codable, Sendable {
        /// The upload's id.
        package var upload: String
        /// Creates the parameters.
        package init(upload: String) { self.upload = upload }
    }
    package typealias Result = OK
    package static let name = "attachment.abort"
    package static let summary = "放弃未完成的附件上传"
}

/// Parameters naming one attachment by its number.
package struct AttachmentRefParams: Codable, Sendable {
    /// The attachment's number.
    package var attachment: Int64
    /// Creates the parameters.
    package init(attachment: Int64) { self.attachment = attachment }
}

/// `attachment.show`: an attachment's kind, size, digest and name.
package enum AttachmentShow: RPCMethod {
    package typealias Params = AttachmentRefParams
    package typealias Result = AttachmentView
    package static let name = "attachment.show"
    package static let summary = "查看附件信息（类型、大小、SHA-256）"
}

/// `attachment.download`: a piece of an attachment's bytes.
package enum AttachmentDownload: RPCMethod {
    /// Which bytes.
    package struct Params: Codable, Sendable {
        /// The attachment's number.
        package var attachment: Int64
        /// The first byte wanted (default 0).
        package var offset: Int?
        /// How many bytes at most (default and maximum: the chunk size `attachment.begin` reports).
        package var length: Int?
        /// Creates the parameters.
        package init(attachment: Int64, offset: Int? = nil, length: Int? = nil) {
            self.attachment = attachment
            self.offset = offset
            self.length = length
        }
    }
    /// The piece.
    package struct Result: Codable, Sendable {
        /// The attachment's number.
        package var attachment: Int64
        /// The whole file's size.
        package var size: Int
        /// The whole file's SHA-256, to check the assembled file against.
        package var sha256: String
        /// Where this piece starts.
        package var offset: Int
        /// The bytes, Base64; empty at the end of the file.
        package var data: String
        /// Creates the piece.
        package init(attachment: Int64, size: Int, sha256: String, offset: Int, data: String) {
            self.attachment = attachment
            self.size = size
            self.sha256 = sha256
            self.offset = offset
            self.data = data
        }
    }
    package static let name = "attachment.download"
    package static let summary = "下载附件的一段（Base64）"
}

/// `attachment.list`: the attachments of a record.
package enum AttachmentList: RPCMethod {
    /// Which record.
    package struct Params: Codable, Sendable {
        /// The record's kind: `notice` or `activity`.
        package var owner: String
        /// Its number.
        package var id: Int64
        /// Creates the parameters.
        package init(owner: String, id: Int64) {
            self.owner = owner
            self.id = id
        }
    }
    /// The attachments.
    package struct Result: Codable, Sendable {
        /// In the record's order.
        package var attachments: [AttachmentView]
        /// Creates the listing.
        package init(attachments: [AttachmentView]) { self.attachments = attachments }
    }
    package static let name = "attachment.list"
    package static let summary = "某条记录（通知或活动）的附件列表"
}
