import Core
import Domain
import Foundation
import PartyTesting
import Server
import Store
import Testing
import Wire

/// Attachments through the real dispatcher, core and file store: chunked upload and download, digests, kinds
/// by content, limits, who may read them, and the collector.
@Suite("Attachments: upload, store, download")
struct AttachmentTests {
    @Test func aMultiChunkFileComesBackByteForByteFromItsContentAddress() async throws {
        try await withTestDaemon { daemon, admin in
            let bytes = pdfBytes(700_000)
            let stored = try await uploadAttachment(admin, bytes, name: "C:\\Users\\李\\工作报告.pdf")
            #expect(stored.kind == .pdf && stored.size == bytes.count && stored.sha256 == sha256Hex(bytes))
            #expect(stored.name == "工作报告.pdf")
            let back = try await downloadAttachment(admin, stored.id, length: 100_000)
            #expect(back.bytes == bytes)
            #expect(back.sha256 == stored.sha256)
            let defaultChunks = try await downloadAttachment(admin, stored.id)
            #expect(defaultChunks.bytes == bytes)
            let digest = stored.sha256
            let path = "\(daemon.dataDir)/attachments/\(digest.prefix(2))/\(digest.dropFirst(2).prefix(2))/\(digest)"
            #expect(FileManager.default.contents(atPath: path) == Data(bytes))
            #expect(attachmentFiles(daemon.dataDir).spool.isEmpty)
            let shown = try await admin.call(AttachmentShow.self, .init(attachment: stored.id))
            #expect(shown == stored)
        }
    }

    @Test func theSameContentTwiceIsStoredOnce() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let bytes = pdfBytes(300_000, seed: 7)
            let first = try await uploadAttachment(admin, bytes, name: "a.pdf")
            let secb = PrincipalClient(daemon, unixUser: "secb")
            let second = try await uploadAttachment(secb, bytes, name: "b.pdf")
            #expect(second.id == first.id)
            #expect(second.name == "b.pdf")
            #expect(attachmentFiles(daemon.dataDir).contents == [first.sha256])
            // Each uploader holds it under their own name.
            #expect(try await admin.call(AttachmentShow.self, .init(attachment: first.id)).name == "a.pdf")
            #expect(try await secb.call(AttachmentShow.self, .init(attachment: first.id)).name == "b.pdf")
        }
    }

    @Test func aWrongDigestIsRefusedAndLeavesNothing() async throws {
        try await withTestDaemon { daemon, admin in
            let bytes = pdfBytes(400_000)
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "attachment.digest_mismatch") {
                _ = try await uploadAttachment(admin, bytes, digest: String(repeating: "0", count: 64))
            }
            let files = attachmentFiles(daemon.dataDir)
            #expect(files.contents.isEmpty && files.spool.isEmpty)
            let row = try await daemon.daemon.core.store.read { tx in try tx.attachment(sha256: sha256Hex(bytes)) }
            #expect(row == nil)
            await expectRefusal(code: RPCErrorCode.notFound, reason: "attachment.not_found") {
                _ = try await admin.call(AttachmentShow.self, .init(attachment: 1))
            }
        }
    }

    @Test func aTruncatedUploadIsRefusedAndLeavesNothing() async throws {
        try await withTestDaemon { daemon, admin in
            let bytes = pdfBytes(600_000)
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "attachment.incomplete") {
                _ = try await uploadAttachment(admin, bytes, sendOnly: 300_000)
            }
            let files = attachmentFiles(daemon.dataDir)
            #expect(files.contents.isEmpty && files.spool.isEmpty)
        }
    }

    @Test func oversizeIsRefusedWhenDeclaredAndWhenSent() async throws {
        try await withTestDaemon { daemon, admin in
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "attachment.too_large") {
                _ = try await admin.call(AttachmentBegin.self, .init(name: "大.pdf", size: 20 << 20 + 1))
            }
            // More bytes than declared: refused at the chunk that overruns, and the upload is gone.
            let bytes = pdfBytes(300_000)
            await expectRefusal(code: RPCErrorCode.invalidValue, reason: "attachment.overrun") {
                _ = try await uploadAttachment(admin, bytes, declared: 1000)
            }
            let files = attachmentFiles(daemon.dataDir)
            #expect(files.contents.isEmpty && files.spool.isEmpty)
        }
    }

    @Test func photosHaveTheirOwnLimitDecidedByContent() async throws {
        try await withTestDaemon(configure: { $0.attachments = AttachmentConfiguration(photoMaxMB: 1, fileMaxMB: 2) }) {
            daemon,
            admin in
            let size = 1_500_000
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "attachment.too_large") {
                _ = try await uploadAttachment(admin, pngBytes(size), name: "文件.pdf")
            }
            let pdf = try await uploadAttachment(admin, pdfBytes(size), name: "照片.png")
            #expect(pdf.kind == .pdf)
            #expect(attachmentFiles(daemon.dataDir).contents == [pdf.sha256])
            #expect(attachmentFiles(daemon.dataDir).spool.isEmpty)
        }
    }

    @Test func theKindComesFromTheContentNotTheName() async throws {
        try await withTestDaemon { daemon, admin in
            let pdf = try await uploadAttachment(admin, pdfBytes(5000), name: "会议照片.jpg")
            #expect(pdf.kind == .pdf && pdf.mimeType == "application/pdf" && pdf.name == "会议照片.jpg")
            let text = try await uploadAttachment(admin, Array("会议纪要\n一、学习\n".utf8), name: "纪要.docx")
            #expect(text.kind == .text)
            let random: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
            let refusal = await expectRefusal(code: RPCErrorCode.invalidValue, reason: "attachment.unsupported_type") {
                _ = try await uploadAttachment(admin, random, name: "报告.pdf")
            }
            #expect(refusal?.data.message.contains("PDF") == true)
            #expect(attachmentFiles(daemon.dataDir).contents.sorted() == [pdf.sha256, text.sha256].sorted())
            #expect(attachmentFiles(daemon.dataDir).spool.isEmpty)
        }
    }

    @Test func anAbandonedOrAbortedUploadTakesItsSpoolFileWithIt() async throws {
        let clock = TestClock()
        try await withTestDaemon(clock: clock) { daemon, admin in
            let data = Data(pdfBytes(5000)).base64EncodedString()
            let idle = try await admin.call(AttachmentBegin.self, .init(name: "a.pdf", size: 10_000))
            _ = try await admin.call(AttachmentChunkMethod.self, .init(upload: idle.upload, sequence: 0, data: data))
            let aborted = try await admin.call(AttachmentBegin.self, .init(name: "b.pdf", size: 10_000))
            _ = try await admin.call(AttachmentChunkMethod.self, .init(upload: aborted.upload, sequence: 0, data: data))
            #expect(attachmentFiles(daemon.dataDir).spool.count == 2)
            _ = try await admin.call(AttachmentAbort.self, .init(upload: aborted.upload))
            #expect(attachmentFiles(daemon.dataDir).spool.count == 1)
            clock.advance(by: 15 * 60)
            _ = try await daemon.daemon.core.collectUnreferencedAttachments(olderThan: 24 * 3600)
            #expect(attachmentFiles(daemon.dataDir).spool.isEmpty)
            await expectRefusal(code: RPCErrorCode.notFound, reason: "attachment.no_upload") {
                _ = try await admin.call(
                    AttachmentChunkMethod.self,
                    .init(upload: idle.upload, sequence: 1, data: data)
                )
            }
        }
    }

    @Test func uploadsNeedWriteAccess() async throws {
        try await ScopedAccessTests.seeded { daemon, _ in
            for user in ["audc", "memb"] {
                await ScopedAccessTests.expectForbidden(user) {
                    _ = try await PrincipalClient(daemon, unixUser: user).call(
                        AttachmentBegin.self,
                        .init(name: "x.pdf", size: 10)
                    )
                }
            }
        }
    }
}
