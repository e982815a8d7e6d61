/// What an import session loads.
package enum ImportKind: String, Codable, Sendable, CaseIterable {
    /// The 名册: member rows.
    case members
    /// The 党组织采集表: organization rows.
    case organizations
}

/// `import.begin`: opens an upload session. A CSV file is larger than one request may be, so the console
/// streams it in chunks (`import.chunk`) and then asks for it to be validated and written (`import.commit`).
package enum ImportBegin: RPCMethod {
    /// What to import.
    package struct Params: Codable, Sendable {
        /// members or organizations.
        package var kind: ImportKind
        /// Validate only, write nothing.
        package var dryRun: Bool?
        /// Creates the parameters.
        package init(kind: ImportKind, dryRun: Bool? = nil) {
            self.kind = kind
            self.dryRun = dryRun
        }
    }
    /// The session.
    package struct Result: Codable, Sendable {
        /// The session id for the following calls.
        package var session: String
        /// The largest chunk accepted, in bytes of UTF-8 text.
        package var maxChunkBytes: Int
        /// Creates the result.
        package init(session: String, maxChunkBytes: Int) {
            self.session = session
            self.maxChunkBytes = maxChunkBytes
        }
    }
    package static let name = "import.begin"
    package static let summary = "开始导入 CSV（党员名册或党组织采集表）"
}

/// `import.chunk`: appends the next piece of the file's text.
package enum ImportChunk: RPCMethod {
    /// The piece.
    package struct Params: Codable, Sendable {
        /// The session id.
        package var session: String
        /// 0 for the first chunk, then 1, 2, ...: a repeated or skipped chunk is refused.
        package var sequence: Int
        /// The text.
        package var text: String
        /// Creates the parameters.
        package init(session: String, sequence: Int, text: String) {
            self.session = session
            self.sequence = sequence
            self.text = text
        }
    }
    /// Bytes received so far.
    package struct Result: Codable, Sendable {
        /// Total bytes received.
        package var receivedBytes: Int
        /// Creates the result.
        package init(receivedBytes: Int) { self.receivedBytes = receivedBytes }
    }
    package static let name = "import.chunk"
    package static let summary = "上传导入文件的下一段"
}

/// `import.commit`: validates every row and writes all of them in one transaction, or none.
package enum ImportCommit: RPCMethod {
    /// The session.
    package struct Params: Codable, Sendable {
        /// The session id.
        package var session: String
        /// Creates the parameters.
        package init(session: String) { self.session = session }
    }
    /// What happened.
    package struct Result: Codable, Sendable {
        /// Data rows in the file.
        package var rows: Int
        /// Rows written (0 for a dry run).
        package var written: Int
        /// Whether this was a dry run.
        package var dryRun: Bool
        /// Creates the result.
        package init(rows: Int, written: Int, dryRun: Bool) {
            self.rows = rows
            self.written = written
            self.dryRun = dryRun
        }
    }
    package static let name = "import.commit"
    package static let summary = "校验并导入（全部成功或全部不写入）"
}

/// `org.export`: the 党组织采集表 CSV of a subtree.
package enum OrgExport: RPCMethod {
    /// Which subtree.
    package struct Params: Codable, Sendable {
        /// The root's code; defaults to the caller's scope (everything for an admin).
        package var root: String?
        /// Creates the parameters.
        package init(root: String? = nil) { self.root = root }
    }
    /// The file.
    package struct Result: Codable, Sendable {
        /// Rows written (without the header).
        package var rows: Int
        /// The CSV text.
        package var csv: String
        /// Creates the result.
        package init(rows: Int, csv: String) {
            self.rows = rows
            self.csv = csv
        }
    }
    package static let name = "org.export"
    package static let summary = "导出党组织采集表 CSV"
}
