import Domain
import Foundation
import PartyTesting
import Server
import Testing

/// Command line over environment over file over defaults, each module reading its own keys.
@Suite("Configuration precedence")
struct ConfigurationTests {
    /// Writes `json` to a file in a fresh temporary directory and passes its path to `body`.
    static func withFile(_ json: String, _ body: (String) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("partyd.json")
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        try await body(path)
    }

    @Test func defaultsWhenNothingIsGiven() async throws {
        let config = try await DaemonConfiguration.load(
            overrides: [:],
            configFile: nil,
            environment: [:],
            defaultFile: "/nonexistent/partyd.json"
        )
        #expect(config.store.dataDir == "/var/lib/partyd")
        #expect(config.listener.socketPath == "/run/partyd/partyd.sock")
        #expect(config.listener.socketMode == 0o660)
        #expect(config.listener.idleTimeoutSeconds == 300)
        #expect(config.listener.maxRequestBytes == 1 << 20)
        #expect(config.core.timeZone.identifier == "Asia/Shanghai")
        #expect(config.shutdownGraceSeconds == 10)
    }

    @Test func commandLineBeatsEnvironmentBeatsFileBeatsDefaults() async throws {
        let json = """
            {"partyd": {"dataDir": "/file/data", "socket": "/file/s.sock", "timeZone": "Asia/Urumqi",
             "idleTimeout": 77, "socketGroup": "filegroup"}}
            """
        try await Self.withFile(json) { path in
            let environment = [
                "PARTYD_SOCKET": "/env/s.sock", "PARTYD_IDLE_TIMEOUT": "88", "PARTYD_DATA_DIR": "/env/data",
            ]
            let config = try await DaemonConfiguration.load(
                overrides: ["dataDir": "/cli/data"],
                configFile: path,
                environment: environment
            )
            #expect(config.store.dataDir == "/cli/data")
            #expect(config.listener.socketPath == "/env/s.sock")
            #expect(config.listener.idleTimeoutSeconds == 88)
            #expect(config.core.timeZone.identifier == "Asia/Urumqi")
            #expect(config.listener.socketGroup == "filegroup")
            #expect(config.listener.maxRequestBytes == 1 << 20)
        }
    }

    @Test func attachmentLimitsFromEnvironmentAndFile() async throws {
        try await Self.withFile(#"{"partyd": {"attachmentFileMaxMB": 50, "attachmentsPerRecord": 3}}"#) { path in
            let config = try await DaemonConfiguration.load(
                overrides: [:],
                configFile: path,
                environment: ["PARTYD_ATTACHMENT_PHOTO_MAX_MB": "8", "PARTYD_ATTACHMENT_UNLINKED_HOURS": "48"]
            )
            #expect(config.attachments.limits.photoMaxBytes == 8 << 20)
            #expect(config.attachments.limits.fileMaxBytes == 50 << 20)
            #expect(config.attachments.limits.maxPerRecord == 3)
            #expect(config.attachments.unlinkedHours == 48)
        }
        let defaults = try await DaemonConfiguration.load(
            overrides: [:],
            configFile: nil,
            environment: [:],
            defaultFile: "/nonexistent/partyd.json"
        )
        #expect(defaults.attachments.limits == .standard)
        let error = await #expect(throws: ConfigurationError.self) {
            _ = try await DaemonConfiguration.load(
                overrides: [:],
                configFile: nil,
                environment: ["PARTYD_ATTACHMENTS_PER_RECORD": "0"],
                defaultFile: "/nonexistent/partyd.json"
            )
        }
        #expect(error?.description.contains("attachmentsPerRecord") == true)
    }

    @Test func theHTTPListenerIsOffUnlessAnAddressIsGiven() async throws {
        let defaults = try await DaemonConfiguration.load(
            overrides: [:],
            configFile: nil,
            environment: [:],
            defaultFile: "/nonexistent/partyd.json"
        )
        #expect(defaults.http.address == nil && defaults.http.publicBaseURL == nil)
        #expect(defaults.http.linkExpiryDays == 30)
        try await Self.withFile(
            #"{"partyd": {"http": {"address": "127.0.0.1:8080", "publicBaseURL": "https://a.example.cn", "linkExpiryDays": 7}}}"#
        ) { path in
            let file = try await DaemonConfiguration.load(overrides: [:], configFile: path, environment: [:])
            #expect(file.http.address?.host == "127.0.0.1" && file.http.address?.port == 8080)
            #expect(file.http.publicBaseURL == "https://a.example.cn" && file.http.linkExpiryDays == 7)
            let overridden = try await DaemonConfiguration.load(
                overrides: ["http.address": "[::1]:0"],
                configFile: path,
                environment: [
                    "PARTYD_HTTP_PUBLIC_BASE_URL": "https://b.example.cn/p", "PARTYD_HTTP_LINK_EXPIRY_DAYS": "3",
                ]
            )
            #expect(overridden.http.address?.host == "::1" && overridden.http.address?.port == 0)
            #expect(overridden.http.publicBaseURL == "https://b.example.cn/p" && overridden.http.linkExpiryDays == 3)
        }
        for (key, value) in [
            ("PARTYD_HTTP_ADDRESS", "8080"), ("PARTYD_HTTP_PUBLIC_BASE_URL", "ftp://x"),
            ("PARTYD_HTTP_LINK_EXPIRY_DAYS", "0"),
        ] {
            await #expect(throws: ConfigurationError.self, "\(key)=\(value)") {
                _ = try await DaemonConfiguration.load(
                    overrides: [:],
                    configFile: nil,
                    environment: [key: value],
                    defaultFile: "/nonexistent/partyd.json"
                )
            }
        }
    }

    @Test func configFileFromTheEnvironment() async throws {
        try await Self.withFile(#"{"partyd": {"logLevel": "debug"}}"#) { path in
            let config = try await DaemonConfiguration.load(
                overrides: [:],
                configFile: nil,
                environment: ["PARTYD_CONFIG": path]
            )
            #expect(config.logLevel == "debug")
        }
    }

    @Test func badValuesAreRefusedInChinese() async throws {
        let cases: [([String: String], String)] = [
            (["PARTYD_SOCKET_MODE": "999"], "socketMode"),
            (["PARTYD_TIME_ZONE": "Mars/Olympus"], "timeZone"),
            (["PARTYD_IDLE_TIMEOUT": "0"], "idleTimeout"),
            (["PARTYD_MAX_REQUEST_BYTES": "10"], "maxRequestBytes"),
            (["PARTYD_SHUTDOWN_GRACE": "-1"], "shutdownGrace"),
            (["PARTYD_CONFIG": "/nonexistent/partyd.json"], "无法读取配置文件"),
        ]
        for (environment, expected) in cases {
            let error = await #expect(throws: ConfigurationError.self) {
                _ = try await DaemonConfiguration.load(
                    overrides: [:],
                    configFile: nil,
                    environment: environment,
                    defaultFile: "/nonexistent/partyd.json"
                )
            }
            #expect(error?.description.contains(expected) == true, "\(environment): \(error?.description ?? "")")
        }
        try await Self.withFile("{not json") { path in
            let error = await #expect(throws: ConfigurationError.self) {
                _ = try await DaemonConfiguration.load(overrides: [:], configFile: path, environment: [:])
            }
            #expect(error?.description.contains("无效") == true)
        }
    }
}
