import Core
import Domain
import Foundation
import PartyTesting
import Server
import Store
import Testing
import Wire

/// Attachments linked to notices: the per-record limit, who may read them, and the collector.
@Suite("Attachments: links, access, collection")
struct AttachmentAccessTests {
    /// A notice from `org` to its subtree.
    static func post(_ admin: RPCClient, org: String = "B") async throws -> NoticeView {
        try await admin.call(NoticePost.self, NoticeTests.notice(org: org))
    }

    @Test func aRecordCarriesAtMostTheConfiguredNumber() async throws {
        try await withTestDaemon(configure: { $0.attachments = AttachmentConfiguration(perRecord: 2) }) {
            daemon,
            admin in
            try await seedTree(admin)
            let notice = try await Self.post(admin)
            var ids: [Int64] = []
            for seed in 1...3 { ids.append(try await uploadAttachment(admin, pdfBytes(2000, seed: UInt64(seed))).id) }
            let core = daemon.daemon.core
            // The same principal the socket gives this process's own user (root in CI, an ordinary user elsewhere).
            let root = Principal.unixUser(uid: getuid(), name: PeerCredentials.userName(of: getuid()))
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "attachment.too_many") {
                _ = try await RPCRefusal.mapping {
                    try await core.linkAttachments(
                        ids.map { AttachmentRef(attachment: $0) },
                        to: .notice(notice.id),
                        by: root
                    )
                }
            }
            #expect(
                try await admin.call(AttachmentList.self, .init(owner: "notice", id: notice.id)).attachments.isEmpty
            )
            let linked = try await core.linkAttachments(
                [AttachmentRef(attachment: ids[0], name: "议程.pdf", tag: "会议记录"), AttachmentRef(attachment: ids[1])],
                to: .notice(notice.id),
                by: root
            )
            #expect(linked.map(\.name) == ["议程.pdf", "材料.pdf"])
            #expect(linked.first?.tag == .minutes)
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "attachment.too_many") {
                _ = try await RPCRefusal.mapping {
                    try await core.linkAttachments(
                        [AttachmentRef(attachment: ids[2])],
                        to: .notice(notice.id),
                        by: root
                    )
                }
            }
            let listed = try await admin.call(AttachmentList.self, .init(owner: "notice", id: notice.id))
            #expect(listed.attachments.map(\.id) == [ids[0], ids[1]])
        }
    }

    @Test func onlyTheUploaderAndThoseWhoSeeTheNoticeMayReadIt() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            _ = try await admin.call(UserAdd.self, .init(unixUser: "secc", role: "org-admin", org: "C"))
            _ = try await admin.call(UserAdd.self, .init(unixUser: "memc", role: "member", member: manID))
            let notice = try await Self.post(admin)  // B's subtree: 张秀英 (memb) is a recipient, 李建国 (memc) is not
            let bytes = pdfBytes(50_000)
            let secb = PrincipalClient(daemon, unixUser: "secb", uid: 60001)
            let uploaded = try await uploadAttachment(secb, bytes)
            let secc = PrincipalClient(daemon, unixUser: "secc", uid: 60002)
            let memb = PrincipalClient(daemon, unixUser: "memb", uid: 60003)
            let memc = PrincipalClient(daemon, unixUser: "memc", uid: 60004)
            let audc = PrincipalClient(daemon, unixUser: "audc", uid: 60005)
            // Before it is linked only its uploader (and the system administrator) sees it.
            await ScopedAccessTests.expectConcealed("unlinked, other org-admin") {
                _ = try await secc.call(AttachmentShow.self, .init(attachment: uploaded.id))
            }
            await ScopedAccessTests.expectConcealed("unlinked, member") {
                _ = try await downloadAttachment(memb, uploaded.id)
            }
            // Linking needs write access to the notice; another organization's administrator is told nothing.
            let core = daemon.daemon.core
            let refs = [AttachmentRef(attachment: uploaded.id)]
            await ScopedAccessTests.expectConcealed("link by secc") {
                _ = try await RPCRefusal.mapping {
                    try await core.linkAttachments(refs, to: .notice(notice.id), by: secc.principal)
                }
            }
            // Someone else's upload cannot be linked by guessing its number.
            let other = try await uploadAttachment(admin, pdfBytes(1000, seed: 9))
            await ScopedAccessTests.expectConcealed("link of another's upload") {
                _ = try await RPCRefusal.mapping {
                    try await core.linkAttachments(
                        [AttachmentRef(attachment: other.id)],
                        to: .notice(notice.id),
                        by: secb.principal
                    )
                }
            }
            _ = try await core.linkAttachments(refs, to: .notice(notice.id), by: secb.principal)

            #expect(try await downloadAttachment(memb, uploaded.id).bytes == bytes)
            #expect(
                try await memb.call(AttachmentList.self, .init(owner: "notice", id: notice.id)).attachments.count == 1
            )
            #expect(try await downloadAttachment(admin, uploaded.id).bytes == bytes)
            for (who, client) in [("secc", secc), ("memc", memc), ("audc", audc)] {
                await ScopedAccessTests.expectConcealed("\(who) download") {
                    _ = try await downloadAttachment(client, uploaded.id)
                }
                await ScopedAccessTests.expectConcealed("\(who) show") {
                    _ = try await client.call(AttachmentShow.self, .init(attachment: uploaded.id))
                }
                await ScopedAccessTests.expectConcealed("\(who) list") {
                    _ = try await client.call(AttachmentList.self, .init(owner: "notice", id: notice.id))
                }
            }
            // The same refusal as for a number that does not exist.
            await ScopedAccessTests.expectConcealed("missing") {
                _ = try await secc.call(AttachmentShow.self, .init(attachment: 999))
            }
        }
    }

    @Test func theCollectorRemovesUnlinkedUploadsPastTheirAgeAndKeepsLinkedOnes() async throws {
        let clock = TestClock()
        try await withTestDaemon(clock: clock) { daemon, admin in
            try await seedTree(admin)
            let notice = try await Self.post(admin)
            let kept = try await uploadAttachment(admin, pdfBytes(10_000, seed: 1), name: "保留.pdf")
            let dropped = try await uploadAttachment(admin, pdfBytes(10_000, seed: 2), name: "未引用.pdf")
            let core = daemon.daemon.core
            // The same principal the socket gives this process's own user (root in CI, an ordinary user elsewhere).
            let root = Principal.unixUser(uid: getuid(), name: PeerCredentials.userName(of: getuid()))
            _ = try await core.linkAttachments([AttachmentRef(attachment: kept.id)], to: .notice(notice.id), by: root)
            // A file left without its row (a crash between the row's deletion and the file's).
            let orphan = String(repeating: "ab", count: 32)
            let orphanDirectory = "\(daemon.dataDir)/attachments/ab/ab"
            try FileManager.default.createDirectory(atPath: orphanDirectory, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: "\(orphanDirectory)/\(orphan)"))

            // Within the day both uploads stay; only the orphan file goes.
            clock.advance(by: 23 * 3600)
            _ = try await core.collectUnreferencedAttachments(olderThan: 24 * 3600)
            #expect(attachmentFiles(daemon.dataDir).contents.sorted() == [kept.sha256, dropped.sha256].sorted())
            #expect(try await admin.call(AttachmentShow.self, .init(attachment: dropped.id)).id == dropped.id)

            clock.advance(by: 2 * 3600)
            _ = try await core.collectUnreferencedAttachments(olderThan: 24 * 3600)
            #expect(attachmentFiles(daemon.dataDir).contents == [kept.sha256])
            await expectRefusal(code: RPCErrorCode.notFound, reason: "attachment.not_found") {
                _ = try await admin.call(AttachmentShow.self, .init(attachment: dropped.id))
            }
            #expect(try await downloadAttachment(admin, kept.id).bytes == pdfBytes(10_000, seed: 1))
            let audit = try await admin.call(AuditList.self, .init(limit: 1))
            #expect(audit.entries.first?.method == "attachment.collect")

            // Content whose last link is gone is collected as well.
            _ = try await core.store.write(by: .daemon, at: clock.now()) { tx in
                let removed = try tx.removeAttachmentLinks(owner: .notice(notice.id))
                return Change(removed, audit: AuditNote(method: "test", target: "t", orgID: nil, summary: "unlink"))
            }
            _ = try await core.collectUnreferencedAttachments(olderThan: 24 * 3600)
            #expect(attachmentFiles(daemon.dataDir).contents.isEmpty)
        }
    }
}

/// Core errors as the socket would report them, for tests that call the core directly.
enum RPCRefusal {
    /// Runs `body`, turning a ``DomainError`` into the ``RPCErrorObject`` a client would receive.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DomainError {
            let code =
                switch error.kind {
                case .invalid: RPCErrorCode.invalidValue
                case .notFound: RPCErrorCode.notFound
                case .conflict: RPCErrorCode.conflict
                case .rule: RPCErrorCode.ruleViolation
                case .notEmpty: RPCErrorCode.notEmpty
                case .forbidden: RPCErrorCode.forbidden
                case .unauthenticated: RPCErrorCode.unauthenticated
                }
            throw RPCErrorObject(
                code: code,
                reason: error.reason,
                field: error.field,
                message: error.message
            )
        }
    }
}
