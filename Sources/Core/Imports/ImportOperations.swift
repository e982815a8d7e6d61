import Domain
import Foundation
import Store

/// What an import did.
package struct ImportOutcome: Sendable, Equatable {
    /// Data rows in the file that were valid.
    package var rows: Int
    /// Rows written (0 for a dry run).
    package var written: Int
    /// Whether this was a dry run.
    package var dryRun: Bool
}

/// Which kind of file an import reads.
package enum ImportFile: Sendable {
    /// A 名册 (member roster) CSV.
    case members
    /// A 党组织采集表 CSV.
    case organizations
}

extension PartyCore {
    /// `import.commit`: reads the CSV file at `path` block by block, checks every row (format, rules,
    /// organizations, the caller's scope, duplicates) and, unless `dryRun`, writes all of them in one
    /// transaction; any problem refuses the whole file with ``ImportRefusal``. Only the valid rows and the first
    /// problems are held, never the file.
    package func importFile(
        _ kind: ImportFile,
        at path: String,
        dryRun: Bool,
        by principal: Principal
    ) async throws -> ImportOutcome {
        let today = LocalTime(instant: clock.now(), zone: timeZone).today
        switch kind {
        case .members:
            var decoder = RosterCSV.Decoder(today: today)
            try Self.forEachRecord(at: path) { decoder.add($0) }
            let decoded = decoder.finish()
            return try await guardingProbes(.importCommit, by: principal) {
                try await MemberImporter.run(decoded, dryRun: dryRun, by: principal, core: self)
            }
        case .organizations:
            var decoder = OrgCSV.Decoder(today: today)
            try Self.forEachRecord(at: path) { decoder.add($0) }
            return try await OrgImporter.run(decoder.finish(), dryRun: dryRun, by: principal, core: self)
        }
    }

    /// Calls `body` with each record of the CSV file at `path`, read a megabyte at a time.
    static func forEachRecord(at path: String, _ body: (CSVRecord) -> Void) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var reader = CSVRecordReader()
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            for record in try reader.feed(block) { body(record) }
        }
        for record in try reader.finish() { body(record) }
    }
}

extension PartyCore {
    /// `import.begin` and `import.chunk`: whether `principal` may upload a file to import (only writers may);
    /// returns the instant, for the upload's idle timer.
    package func authorizeUpload(by principal: Principal) async throws -> Date {
        try await read(.importUpload, by: principal) { op in op.time.instant }
    }
}
