import Configuration
import Foundation

/// The optional HTTP listener that serves members' personal link pages. Off unless an address is given.
package struct HTTPConfiguration: ModuleConfiguration {
    /// Where to listen, `HOST:PORT` (`127.0.0.1:8080`; port 0 takes a free port); nil: no listener. Key
    /// `partyd.http.address`, env `PARTYD_HTTP_ADDRESS`, flag `--http`, default none. Keep it on the loopback
    /// behind a reverse proxy that terminates TLS, unless the address is a private one on purpose.
    package var address: (host: String, port: Int)?
    /// The address members' links start with (`https://dangjian.example.cn/partyd`), as the reverse proxy
    /// publishes the listener. Messages carry links only when it is set. Key `partyd.http.publicBaseURL`,
    /// env `PARTYD_HTTP_PUBLIC_BASE_URL`, flag `--http-public-url`, default none.
    package var publicBaseURL: String?
    /// Days a link stays valid from when it is made. Key `partyd.http.linkExpiryDays`,
    /// env `PARTYD_HTTP_LINK_EXPIRY_DAYS`, default 30.
    package var linkExpiryDays: Int

    /// Creates the settings.
    package init(address: (host: String, port: Int)? = nil, publicBaseURL: String? = nil, linkExpiryDays: Int = 30) {
        self.address = address
        self.publicBaseURL = publicBaseURL
        self.linkExpiryDays = linkExpiryDays
    }

    /// Reads and checks the `http` keys.
    package init(reader config: ConfigReader) throws(ConfigurationError) {
        let http = config.scoped(to: "http")
        let addressText = http.string(forKey: "address").flatMap { $0.isEmpty ? nil : $0 }
        let base = http.string(forKey: "publicBaseURL").flatMap { $0.isEmpty ? nil : $0 }
        let days = http.int(forKey: "linkExpiryDays", default: 30)
        guard (1...365).contains(days) else { throw ConfigurationError("http.linkExpiryDays 须在 1-365 之间") }
        var address: (String, Int)?
        if let addressText {
            guard let parsed = Self.parseAddress(addressText) else {
                throw ConfigurationError("http.address “\(addressText)” 应为 主机:端口（如 127.0.0.1:8080）")
            }
            address = parsed
        }
        if let base {
            guard let url = URL(string: base), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                url.query == nil, url.fragment == nil
            else {
                throw ConfigurationError(
                    "http.publicBaseURL “\(base)” 应为 http:// 或 https:// 开头的地址（如 https://dangjian.example.cn）"
                )
            }
        }
        self.init(address: address, publicBaseURL: base, linkExpiryDays: days)
    }

    /// `HOST:PORT`, `[IPv6]:PORT` → host and port (0–65535), or nil.
    package static func parseAddress(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        return (host, port)
    }

    /// The link lifetime in seconds.
    package var linkLifetime: TimeInterval { TimeInterval(linkExpiryDays) * 86400 }
}
