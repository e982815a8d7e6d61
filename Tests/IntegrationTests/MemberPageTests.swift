import Domain
import Foundation
import PartyTesting
import Server
import Testing
import Wire

/// The members' pages through the real HTTP listener on 127.0.0.1 and a free port, driven by plain HTTP
/// requests: a GET changes nothing, the forms record once with channel `link`, a used, altered or expired link
/// gets a Chinese page and changes nothing, files download byte for byte, a retracted notice shows withdrawn.
///
/// The seeded tree is `ScopedAccessTests.seed`'s: 张秀英 in B1 (account `memb`) and 李建国 in C1.
@Suite("Member pages over HTTP")
struct MemberPageTests {
    static let base = "https://dangjian.example.cn/p"

    /// A seeded daemon serving pages on a free port of 127.0.0.1, links under ``base``; its delivery rounds are
    /// the test's.
    static func seeded(
        clock: TestClock = TestClock(),
        _ body: (TestDaemon, RPCClient, Int) async throws -> Void
    ) async throws {
        try await withTestDaemon(clock: clock) {
            $0.delivery.pollSeconds = 3600
            $0.delivery.workerRuns = false
            $0.http = HTTPConfiguration(address: ("127.0.0.1", 0), publicBaseURL: base + "/", linkExpiryDays: 30)
        } _: { daemon, admin in
            try await ScopedAccessTests.seed(admin)
            let port = try #require(await daemon.daemon.web?.port())
            try await body(daemon, admin, port)
        }
    }

    static func post(_ admin: RPCClient, ack: Bool, attachments: [AttachmentRef]? = nil) async throws -> NoticeView {
        try await admin.call(
            NoticePost.self,
            NoticeFields(
                org: "A",
                subtree: true,
                kind: "通知公告",
                title: "关于开展<主题党日>的通知",
                body: "各支部：\n请于周五下午集中学习。\n<script>alert(1)</script>",
                ackRequired: ack,
                attachments: attachments
            )
        )
    }

    /// The path of 张秀英's link to `notice`, as `notice.links` gives it.
    static func path(_ admin: RPCClient, _ notice: Int64) async throws -> String {
        let list = try await admin.call(NoticeLinksMethod.self, .init(notice: notice, member: String(womanID)))
        let url = try #require(list.links.first?.url)
        #expect(url.hasPrefix(base + "/m/"))
        return String(url.dropFirst(base.count))
    }

    static func receipts(_ admin: RPCClient, _ notice: Int64) async throws -> NoticeReceipts {
        try await admin.call(NoticeReceiptsMethod.self, .init(notice: notice))
    }

    @Test func openingChangesNothingAndTheFormsRecordOnceThroughTheLink() async throws {
        try await Self.seeded { daemon, admin, port in
            let notice = try await Self.post(admin, ack: true)
            let path = try await Self.path(admin, notice.id)
            let before = try await Self.receipts(admin, notice.id)

            let page = try await HTTPFetch.get(path, port: port)
            #expect(page.status == 200)
            #expect(page.header("content-type") == "text/html; charset=utf-8")
            #expect(page.header("cache-control") == "no-store")
            #expect(page.header("x-robots-tag")?.contains("noindex") == true)
            #expect(page.header("referrer-policy") == "no-referrer")
            #expect(page.text.contains("关于开展&lt;主题党日&gt;的通知"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.text.contains("<script>"))
            #expect(page.text.contains("张秀英") && page.text.contains(">确认收到</button>"))
            _ = try await HTTPFetch.get(path, port: port)
            #expect(try await Self.receipts(admin, notice.id) == before)

            let read = try await HTTPFetch.post(path + "/read", port: port)
            #expect(read.status == 303)
            #expect(read.header("location") == "../" + path.dropFirst(3))
            var receipts = try await Self.receipts(admin, notice.id)
            #expect(receipts.read == 1 && receipts.acknowledged == 0)
            #expect(receipts.channels == [ReceiptChannelCounts(channel: .link, read: 1, acknowledged: 0)])

            #expect(try await HTTPFetch.post(path + "/ack", port: port).status == 303)
            receipts = try await Self.receipts(admin, notice.id)
            #expect(receipts.read == 1 && receipts.acknowledged == 1)
            #expect(receipts.channels == [ReceiptChannelCounts(channel: .link, read: 1, acknowledged: 1)])
            let after = try await HTTPFetch.get(path, port: port)
            #expect(after.status == 200)
            #expect(after.text.contains("已确认收到") && after.text.contains("此链接已完成登记"))
            #expect(!after.text.contains("<form"))

            for action in ["/ack", "/read"] {
                let replay = try await HTTPFetch.post(path + action, port: port)
                #expect(replay.status == 409)
                #expect(replay.text.contains("此链接已使用"))
            }
            #expect(try await Self.receipts(admin, notice.id) == receipts)
            let audit = try await admin.call(AuditList.self, .init(limit: 20)).entries
            #expect(audit.filter { $0.summary.contains("通过个人链接") }.count == 2)

            // The other recipient acknowledges through the console: counted as such.
            let man = try await admin.call(MemberShow.self, .init(member: manID))
            _ = try await PrincipalClient(daemon, as: .member(id: man.id)).call(MeAck.self, .init(notice: notice.id))
            #expect(
                try await Self.receipts(admin, notice.id).channels == [
                    ReceiptChannelCounts(channel: .console, read: 1, acknowledged: 1),
                    ReceiptChannelCounts(channel: .link, read: 1, acknowledged: 1),
                ]
            )
        }
    }

    @Test func aNoticeWithoutAcknowledgementIsUsedUpByReading() async throws {
        try await Self.seeded { _, admin, port in
            let notice = try await Self.post(admin, ack: false)
            let path = try await Self.path(admin, notice.id)
            #expect(!(try await HTTPFetch.get(path, port: port)).text.contains("确认收到</button>"))
            #expect(try await HTTPFetch.post(path + "/ack", port: port).status == 409)
            #expect(try await HTTPFetch.post(path + "/read", port: port).status == 303)
            #expect(try await HTTPFetch.post(path + "/read", port: port).text.contains("此链接已使用"))
            #expect(try await Self.receipts(admin, notice.id).read == 1)
        }
    }

    @Test func alteredExpiredAndStrayRequestsGetChinesePagesAndChangeNothing() async throws {
        let clock = TestClock()
        try await Self.seeded(clock: clock) { _, admin, port in
            let notice = try await Self.post(admin, ack: true)
            let path = try await Self.path(admin, notice.id)
            var altered = Array(path)
            altered[20] = altered[20] == "A" ? "B" : "A"
            let tampered = try await HTTPFetch.post(String(altered) + "/ack", port: port)
            #expect(tampered.status == 404 && tampered.text.contains("链接无效"))
            #expect(tampered.header("cache-control") == "no-store")
            let stray = try await HTTPFetch.get("/nothing/here", port: port)
            #expect(stray.status == 404 && stray.text.contains("页面不存在"))
            #expect(try await HTTPFetch.post(path + "/delete", port: port).status == 404)
            let large = try await HTTPFetch.request(
                "POST",
                path + "/read",
                port: port,
                body: Array(repeating: 0x61, count: 64 * 1024)
            )
            #expect(large.status == 413)

            clock.advance(by: 30 * 86400)
            let expired = try await HTTPFetch.get(path, port: port)
            #expect(expired.status == 410 && expired.text.contains("链接已过期"))
            #expect(try await HTTPFetch.post(path + "/ack", port: port).status == 410)
            let receipts = try await Self.receipts(admin, notice.id)
            #expect(receipts.read == 0 && receipts.acknowledged == 0 && receipts.channels.isEmpty)
        }
    }

    @Test func attachmentsDownloadByteForByte() async throws {
        try await Self.seeded { _, admin, port in
            let bytes = pdfBytes(700_000, seed: 3)
            let file = try await uploadAttachment(admin, bytes, name: "学习材料 第1期.pdf")
            let other = try await uploadAttachment(admin, pdfBytes(1000, seed: 4), name: "其他.pdf")
            let notice = try await Self.post(admin, ack: true, attachments: [AttachmentRef(attachment: file.id)])
            let path = try await Self.path(admin, notice.id)
            let page = try await HTTPFetch.get(path, port: port)
            #expect(page.text.contains("学习材料 第1期.pdf"))
            let download = try await HTTPFetch.get(path + "/files/\(file.id)", port: port)
            #expect(download.status == 200)
            #expect(download.body == bytes)
            #expect(download.header("content-type") == "application/pdf")
            let disposition = try #require(download.header("content-disposition"))
            #expect(
                disposition.contains("filename*=UTF-8''%E5%AD%A6%E4%B9%A0%E6%9D%90%E6%96%99%20%E7%AC%AC1%E6%9C%9F.pdf")
            )
            #expect(try await HTTPFetch.get(path + "/files/\(other.id)", port: port).status == 404)
            #expect(try await Self.receipts(admin, notice.id).read == 0)
        }
    }

    @Test func aRetractedNoticesLinkShowsItWithdrawn() async throws {
        try await Self.seeded { _, admin, port in
            let notice = try await Self.post(admin, ack: true)
            let path = try await Self.path(admin, notice.id)
            _ = try await admin.call(NoticeRetract.self, .init(notice: notice.id, reason: "时间调整"))
            let page = try await HTTPFetch.get(path, port: port)
            #expect(page.status == 410 && page.text.contains("通知已撤回") && page.text.contains("时间调整"))
            #expect(try await HTTPFetch.post(path + "/ack", port: port).status == 410)
            #expect(try await Self.receipts(admin, notice.id).acknowledged == 0)
        }
    }

    @Test func linksNeedTheListenerAndAWriter() async throws {
        try await ScopedAccessTests.seeded { daemon, admin in
            let notice = try await Self.post(admin, ack: false)
            await expectRefusal(code: RPCErrorCode.ruleViolation, reason: "link.unavailable") {
                _ = try await admin.call(NoticeLinksMethod.self, .init(notice: notice.id))
            }
            await ScopedAccessTests.expectConcealed("notice.links outside the scope") {
                _ = try await PrincipalClient(daemon, unixUser: "secb").call(
                    NoticeLinksMethod.self,
                    .init(notice: notice.id)
                )
            }
            await ScopedAccessTests.expectForbidden("notice.links") {
                _ = try await PrincipalClient(daemon, unixUser: "audc").call(
                    NoticeLinksMethod.self,
                    .init(notice: notice.id)
                )
            }
        }
    }
}
