import Foundation
import PartyTesting
import Testing
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` in the middle of an attachment upload: after restart nothing of it is visible or left on disk, and
/// the same file uploads whole afterwards.
extension EndToEnd {
    @Suite("End to end: crash during an attachment upload")
    struct AttachmentCrashEndToEndTests {
        @Test func killNineMidUploadLeavesNoPartialFile() async throws {
            let first = try DaemonProcess()
            defer { first.directory.remove() }
            var client = try await RPCClient.connect(socketPath: first.socketPath)
            let bytes = [UInt8](Data("%PDF-1.7\n".utf8)) + [UInt8](repeating: 0x41, count: 600_000)
            let begun = try await client.call(AttachmentBegin.self, .init(name: "会议纪要.pdf", size: bytes.count))
            let half = Data(bytes.prefix(begun.maxChunkBytes)).base64EncodedString()
            _ = try await client.call(AttachmentChunkMethod.self, .init(upload: begun.upload, sequence: 0, data: half))
            let spool = first.directory.appending("data/attachments/spool")
            #expect(try FileManager.default.contentsOfDirectory(atPath: spool).count == 1, "the upload is spooled")
            await client.close()
            _ = try first.stop(signal: SIGKILL)

            let second = try DaemonProcess(directory: first.directory)
            client = try await RPCClient.connect(socketPath: second.socketPath)
            #expect(try FileManager.default.contentsOfDirectory(atPath: spool).isEmpty, "the spool is cleared")
            let stored = try Self.storedFiles(first.directory.appending("data/attachments"))
            #expect(stored.isEmpty, "no stored content: \(stored)")
            await expectNoUpload(client, begun.upload)
            // The whole file uploads once the daemon is back.
            let again = try await client.call(AttachmentBegin.self, .init(name: "会议纪要.pdf", size: bytes.count))
            var offset = 0
            var sequence = 0
            while offset < bytes.count {
                let end = min(offset + again.maxChunkBytes, bytes.count)
                let data = Data(bytes[offset..<end]).base64EncodedString()
                _ = try await client.call(
                    AttachmentChunkMethod.self,
                    .init(upload: again.upload, sequence: sequence, data: data)
                )
                offset = end
                sequence += 1
            }
            let digest = try Self.sha256(bytes)
            let view = try await client.call(AttachmentFinish.self, .init(upload: again.upload, sha256: digest))
            #expect(view.size == bytes.count && view.kind.rawValue == "pdf")
            await client.close()
            _ = try second.stop()
        }

        /// The continued upload of a session that died with the daemon is refused.
        func expectNoUpload(_ client: RPCClient, _ upload: String) async {
            do {
                _ = try await client.call(AttachmentChunkMethod.self, .init(upload: upload, sequence: 1, data: "QQ=="))
                Issue.record("a chunk to the dead upload was taken")
            } catch let error as RPCErrorObject {
                #expect(error.data.reason == "attachment.no_upload", "\(error.data.message)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }

        /// Files below `directory` outside the spool (the content-addressed store).
        static func storedFiles(_ directory: String) throws -> [String] {
            let all = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
            return all.filter { !$0.hasPrefix("spool") && $0.count > 60 }
        }

        /// The SHA-256 of `bytes` in hex, by `sha256sum` (the end-to-end tests link no crypto library).
        static func sha256(_ bytes: [UInt8]) throws -> String {
            let path = NSTemporaryDirectory() + "partyd-sha-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let result = try CommandRunner.run("/usr/bin/sha256sum", [path], environment: [:], timeout: 30)
            return String(result.stdout.prefix(64))
        }
    }
}
