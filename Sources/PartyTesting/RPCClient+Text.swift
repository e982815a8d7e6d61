import NIOCore
import Wire

extension RPCClient {
    /// Sends `text` exactly as given and returns the next response line as text, for tests that speak the
    /// protocol by hand without linking NIO (a half-sent line, a refusal read raw).
    package func exchangeText(_ text: String) async throws -> String {
        String(buffer: try await exchange(Array(text.utf8)))
    }
}
