import Domain
import Foundation
import Store
import Wire

/// `import.*`: chunked upload of a CSV file, then validation and an all-or-nothing write; and `org.export`.
enum ImportHandlers {
    /// At most this many row problems are sent back; the message gives the total.
    static let maximumReportedProblems = 1000

    static func register(in registry: inout MethodRegistry) {
        let sessions = ImportSessions()
        // The organizations a file touches are known only once it is parsed: the importers check each row
        // with the same `Access.check` the dispatcher uses.
        registry.register(ImportBegin.self, access: .write) { params, context in
            let id = try await sessions.begin(
                owner: context.caller.uid,
                kind: params.kind,
                dryRun: params.dryRun ?? false,
                now: context.now
            )
            return ImportBegin.Result(session: id, maxChunkBytes: ImportSessions.maxChunkBytes)
        }
        registry.register(ImportChunk.self, access: .write) { params, context in
            let received = try await sessions.append(
                session: params.session,
                owner: context.caller.uid,
                sequence: params.sequence,
                text: params.text,
                now: context.now
            )
            return ImportChunk.Result(receivedBytes: received)
        }
        registry.register(ImportCommit.self, access: .write) { params, context in
            let session = try await sessions.take(session: params.session, owner: context.caller.uid, now: context.now)
            let text = try CSVReader.decodeUTF8(session.bytes)
            switch session.kind {
            case .members:
                return try await MemberImporter.run(text: text, dryRun: session.dryRun, context: context)
            case .organizations:
                return try await OrgImporter.run(text: text, dryRun: session.dryRun, context: context)
            }
        }
        registry.register(
            OrgExport.self,
            access: .read,
            targets: { $0.root.map { [.organization(code: $0, field: "root")] } ?? [] }
        ) {
            params,
            context in
            let defaultRoot = context.defaultRoot
            return try await context.store.read { tx in
                let root = try params.root.map { try OrgLookup.require($0, field: "root", in: tx).path } ?? defaultRoot
                let orgs = try tx.subtree(of: root, includeRevoked: false)
                let codes = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id, $0.code) })
                let missing = Set(orgs.compactMap(\.parentID)).subtracting(codes.keys)
                let parentCodes = codes.merging(try tx.codes(of: missing)) { first, _ in first }
                let rows = orgs.map { ($0, parentCode: $0.parentID.flatMap { parentCodes[$0] }) }
                return OrgExport.Result(rows: rows.count, csv: OrgCSV.encode(rows))
            }
        }
    }

    /// The refusal of a whole file: every problem (up to the reporting limit) with its row and column.
    static func refusal(_ problems: [RosterRowError], rows: Int) -> RPCErrorObject {
        // Stable by row: within a row, problems keep the decoder's column order.
        let sorted = problems.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(
            \.element
        )
        let details = sorted.prefix(maximumReportedProblems).map {
            RPCErrorDetail(row: $0.row, column: $0.column, message: $0.message)
        }
        let more = sorted.count > maximumReportedProblems ? "（仅列出前 \(maximumReportedProblems) 处）" : ""
        return RPCErrorObject(
            code: RPCErrorCode.invalidValue,
            data: RPCErrorData(
                reason: "import.invalid",
                field: nil,
                message: "导入文件共 \(rows) 行，发现 \(sorted.count) 处错误\(more)，未写入任何数据",
                details: Array(details)
            )
        )
    }

    /// A row problem for a domain refusal.
    static func problem(row: Int, column: String?, _ error: DomainError) -> RosterRowError {
        RosterRowError(row: row, column: column, message: error.message, reason: error.reason)
    }
}
