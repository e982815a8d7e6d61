import Domain
import Foundation
import PartyTesting
import Testing
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` while a large roster import is being written: after restart either every row is there or none.
extension EndToEnd {
    @Suite("End to end: crash during import")
    struct ImportCrashEndToEndTests {
        /// A roster of `count` members with valid, distinct identity numbers, all in branch `E1`.
        static func roster(count: Int) -> String {
            var lines = ["姓名,性别,出生日期,身份证号,人员类别,所在党组织代码"]
            for index in 0..<count {
                let day = 1 + index % 28
                let birth = "1970-01-\(day < 10 ? "0" : "")\(day)"
                let sequence = String(index % 1000)
                let padded = String(repeating: "0", count: 3 - sequence.count) + sequence
                let area = String(110_000 + index / 1000)
                let first17 = area + birth.replacingOccurrences(of: "-", with: "") + padded
                let check = IdentityNumber.checkCharacter(for: first17)!
                let gender = (index % 1000) % 2 == 1 ? "男" : "女"
                lines.append("党员\(index),\(gender),\(birth),\(first17)\(check),正式党员,E1")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        static func upload(_ client: RPCClient, _ text: String, kind: ImportKind) async throws -> String {
            let begin = try await client.call(ImportBegin.self, .init(kind: kind))
            var sequence = 0
            var chunk = ""
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                chunk += line + "\n"
                if chunk.utf8.count > begin.maxChunkBytes / 2 {
                    _ = try await client.call(
                        ImportChunk.self,
                        .init(session: begin.session, sequence: sequence, text: chunk)
                    )
                    sequence += 1
                    chunk = ""
                }
            }
            _ = try await client.call(ImportChunk.self, .init(session: begin.session, sequence: sequence, text: chunk))
            return begin.session
        }

        @Test func allOrNothingAfterKillNine() async throws {
            let rows = 20_000
            let text = Self.roster(count: rows)
            for delay in [0.05, 0.4] {
                let first = try DaemonProcess()
                defer { first.directory.remove() }
                let client = try await RPCClient.connect(socketPath: first.socketPath)
                _ = try await client.call(OrgAdd.self, .init(code: "E", name: "党委", kind: "党委"))
                _ = try await client.call(OrgAdd.self, .init(code: "E1", name: "支部", kind: "党支部", parent: "E"))
                let session = try await Self.upload(client, text, kind: .members)
                let commit = Task { try await client.call(ImportCommit.self, .init(session: session)) }
                try await Task.sleep(for: .seconds(delay))
                try first.stop(signal: SIGKILL)
                let outcome = await commit.result
                let second = try DaemonProcess(directory: first.directory)
                let again = try await RPCClient.connect(socketPath: second.socketPath)
                let total = try await again.call(MemberList.self, .init(org: "E", recursive: true, limit: 0)).total
                #expect(total == 0 || total == rows, "a crash left \(total) of \(rows) rows")
                if case .success(let result) = outcome {
                    #expect(result.written == rows)
                    #expect(total == rows, "an acknowledged import must survive kill -9")
                }
                await again.close()
                try second.stop()
            }
        }
    }
}
