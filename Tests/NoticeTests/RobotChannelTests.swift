import Crypto
import Foundation
import Notice
import PartyTesting
import Testing

/// The JSON object a receiver got.
func jsonObject(_ request: HTTPReceiver.Request) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
}

@Suite("企业微信 group robot")
struct WeComRobotTests {
    @Test("a markdown message with the marked title, body and mentions")
    func request() async throws {
        let receiver = try HTTPReceiver { _ in .status(200, body: #"{"errcode":0,"errmsg":"ok"}"#) }
        defer { receiver.stop() }
        let channel = WeComRobotChannel(
            webhookURL: receiver.url + "/cgi-bin/webhook/send?key=wk-123",
            client: CurlClient()
        )
        let outcome = await channel.deliver(sampleMessage(priority: .high, recipients: ["zhangsan"]), at: sendInstant)
        #expect(outcome == .delivered)
        let request = try #require(receiver.requests.first)
        #expect(request.target == "/cgi-bin/webhook/send?key=wk-123")
        let json = try jsonObject(request)
        #expect(json["msgtype"] as? String == "markdown")
        let markdown = try #require(json["markdown"] as? [String: Any])
        #expect(
            markdown["content"] as? String == "## 【重要】支部会议通知\n\n**时间**:11月25日 14:30\n地点:三楼会议室\n\n<@zhangsan>"
        )
    }

    @Test(
        "the body's errcode decides, not the status",
        arguments: [
            (200, #"{"errcode":0,"errmsg":"ok"}"#, "delivered"),
            (200, #"{"errcode":45009,"errmsg":"api freq out of limit"}"#, "throttled"),
            (200, #"{"errcode":-1,"errmsg":"system busy"}"#, "retryable"),
            (200, #"{"errcode":93000,"errmsg":"invalid webhook url, key wk-123"}"#, "permanent"),
            (200, #"{"errcode":40008,"errmsg":"invalid message type"}"#, "permanent"),
            (200, "<html>portal</html>", "retryable"),
            (502, "bad gateway", "retryable"),
            (404, "", "permanent"),
        ]
    )
    func classification(status: Int, body: String, expected: String) async throws {
        let receiver = try HTTPReceiver { _ in .status(status, body: body) }
        defer { receiver.stop() }
        let channel = WeComRobotChannel(webhookURL: receiver.url + "/send?key=wk-123", client: CurlClient())
        let outcome = await channel.deliver(sampleMessage(), at: sendInstant)
        #expect(outcome.kind == expected)
        // The server echoed the key: the reason must not.
        #expect(!outcome.description.contains("wk-123"))
        #expect(!String(describing: channel).contains("wk-123"))
    }

    @Test("long content is cut to the API's 4096 bytes on a character boundary, mentions kept")
    func truncation() throws {
        let channel = WeComRobotChannel(webhookURL: "http://127.0.0.1:1/send?key=k", client: CurlClient())
        var message = sampleMessage(recipients: ["lisi"])
        message.body = String(repeating: "党", count: 3000)
        let request = channel.request(for: message, at: sendInstant)
        let json = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        let content = try #require((json["markdown"] as? [String: Any])?["content"] as? String)
        #expect(content.utf8.count <= 4096)
        #expect(content.hasSuffix("…\n\n<@lisi>"))
    }
}

@Suite("钉钉 custom robot")
struct DingTalkRobotTests {
    let secret = "SECdingtalk0123456789"

    @Test("signed URL, keyword in title and text, mentions in text and at")
    func request() async throws {
        let receiver = try HTTPReceiver { _ in .status(200, body: #"{"errcode":0,"errmsg":"ok"}"#) }
        defer { receiver.stop() }
        let channel = DingTalkRobotChannel(
            webhookURL: receiver.url + "/robot/send?access_token=tok-1",
            secret: secret,
            keyword: "党建",
            client: CurlClient()
        )
        let outcome = await channel.deliver(sampleMessage(recipients: ["13800000000"]), at: sendInstant)
        #expect(outcome == .delivered)
        let request = try #require(receiver.requests.first)
        let components = try #require(URLComponents(string: "http://x" + request.target))
        #expect(components.path == "/robot/send")
        let query = Dictionary(
            uniqueKeysWithValues: (components.percentEncodedQueryItems ?? []).map { ($0.name, $0.value ?? "") }
        )
        #expect(query["access_token"] == "tok-1")
        #expect(query["timestamp"] == "1795399200000")
        let expected = Data(
            HMAC<SHA256>.authenticationCode(
                for: Data("1795399200000\n\(secret)".utf8),
                using: SymmetricKey(data: Data(secret.utf8))
            )
        ).base64EncodedString()
        let encoded = expected.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F")
            .replacingOccurrences(of: "=", with: "%3D")
        #expect(query["sign"] == encoded)
        #expect(query["sign"]?.removingPercentEncoding == expected)
        let json = try jsonObject(request)
        #expect(json["msgtype"] as? String == "markdown")
        let markdown = try #require(json["markdown"] as? [String: Any])
        #expect(markdown["title"] as? String == "[党建] 支部会议通知")
        #expect(
            markdown["text"] as? String == "### [党建] 支部会议通知\n\n**时间**:11月25日 14:30\n地点:三楼会议室\n\n@13800000000"
        )
        let at = try #require(json["at"] as? [String: Any])
        #expect(at["atMobiles"] as? [String] == ["13800000000"])
        #expect(at["isAtAll"] as? Bool == false)
    }

    @Test(
        "the body's errcode decides",
        arguments: [
            (#"{"errcode":0,"errmsg":"ok"}"#, "delivered"),
            (#"{"errcode":130101,"errmsg":"send too fast"}"#, "throttled"),
            (#"{"errcode":310000,"errmsg":"keywords not in content, sign SECdingtalk0123456789"}"#, "permanent"),
            (#"{"errcode":300001,"errmsg":"token is not exist"}"#, "permanent"),
        ]
    )
    func classification(body: String, expected: String) async throws {
        let receiver = try HTTPReceiver { _ in .status(200, body: body) }
        defer { receiver.stop() }
        let channel = DingTalkRobotChannel(
            webhookURL: receiver.url + "/robot/send?access_token=tok-1",
            secret: secret,
            keyword: nil,
            client: CurlClient()
        )
        let outcome = await channel.deliver(sampleMessage(), at: sendInstant)
        #expect(outcome.kind == expected)
        #expect(!outcome.description.contains(secret))
        #expect(!String(reflecting: channel).contains("tok-1"))
    }
}

@Suite("飞书 custom robot")
struct FeishuRobotTests {
    let secret = "feishu-secret-abc"

    /// 飞书's scheme: HMAC-SHA256 keyed with "timestamp\nsecret" over empty data, base64.
    func expectedSign(_ timestamp: String) -> String {
        Data(
            HMAC<SHA256>.authenticationCode(
                for: Data(),
                using: SymmetricKey(data: Data("\(timestamp)\n\(secret)".utf8))
            )
        ).base64EncodedString()
    }

    @Test("markdown goes as a signed interactive card")
    func card() async throws {
        let receiver = try HTTPReceiver { _ in .status(200, body: #"{"code":0,"msg":"success","data":{}}"#) }
        defer { receiver.stop() }
        let channel = FeishuRobotChannel(
            webhookURL: receiver.url + "/open-apis/bot/v2/hook/hook-1",
            secret: secret,
            client: CurlClient()
        )
        let outcome = await channel.deliver(sampleMessage(priority: .urgent, recipients: ["ou_1"]), at: sendInstant)
        #expect(outcome == .delivered)
        let json = try jsonObject(try #require(receiver.requests.first))
        #expect(json["timestamp"] as? String == "1795399200")
        #expect(json["sign"] as? String == expectedSign("1795399200"))
        #expect(json["msg_type"] as? String == "interactive")
        let card = try #require(json["card"] as? [String: Any])
        let header = try #require(card["header"] as? [String: Any])
        #expect((header["title"] as? [String: Any])?["content"] as? String == "【紧急】支部会议通知")
        #expect(header["template"] as? String == "red")
        let elements = try #require(card["elements"] as? [[String: Any]])
        #expect(elements.first?["tag"] as? String == "markdown")
        #expect(elements.first?["content"] as? String == "**时间**:11月25日 14:30\n地点:三楼会议室\n<at id=ou_1></at>")
    }

    @Test("plain text goes as a post with mentions")
    func post() throws {
        let channel = FeishuRobotChannel(webhookURL: "http://127.0.0.1:1/hook/h", secret: nil, client: CurlClient())
        let request = channel.request(for: sampleMessage(format: .plainText, recipients: ["ou_2"]), at: sendInstant)
        let json = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect(json["timestamp"] == nil)
        #expect(json["sign"] == nil)
        #expect(json["msg_type"] as? String == "post")
        let post = try #require(
            ((json["content"] as? [String: Any])?["post"] as? [String: Any])?["zh_cn"] as? [String: Any]
        )
        #expect(post["title"] as? String == "支部会议通知")
        let lines = try #require(post["content"] as? [[[String: String]]])
        #expect(
            lines == [[["tag": "text", "text": "**时间**:11月25日 14:30\n地点:三楼会议室"]], [["tag": "at", "user_id": "ou_2"]]]
        )
    }

    @Test(
        "code or StatusCode decides",
        arguments: [
            (200, #"{"StatusCode":0,"StatusMessage":"success"}"#, "delivered"),
            (200, #"{"code":9499,"msg":"too many request"}"#, "throttled"),
            (429, #"{"code":11232,"msg":"frequency limited"}"#, "throttled"),
            (200, #"{"code":19021,"msg":"sign match fail or timestamp is not within one hour"}"#, "permanent"),
            (400, #"{"code":19024,"msg":"Key Words Not Found"}"#, "permanent"),
            (500, "", "retryable"),
        ]
    )
    func classification(status: Int, body: String, expected: String) async throws {
        let receiver = try HTTPReceiver { _ in .status(status, body: body) }
        defer { receiver.stop() }
        let channel = FeishuRobotChannel(
            webhookURL: receiver.url + "/hook/hook-1",
            secret: secret,
            client: CurlClient()
        )
        let outcome = await channel.deliver(sampleMessage(), at: sendInstant)
        #expect(outcome.kind == expected)
        #expect(!outcome.description.contains(secret))
    }
}
