import ArgumentParser
import Wire

/// The one way commands talk to partyd: connect, call, print the result as text or JSON, and report failures
/// with the right exit code. A new command is usually a single call:
///
/// ```swift
/// mutating func run() async throws {
///     try await Console.call(OrgShow.self, OrgCodeParams(code: code), global) { detail in
///         OrgRender.record(detail).render()
///     }
/// }
/// ```
///
/// `render` turns the decoded result into the human text; it is not called with `--json`, where the result is
/// printed as JSON instead. Errors need no handling in the command: a daemon error is printed in Chinese and
/// becomes exit code 1, a connection failure exit code 2 (see ``Failure``).
///
/// A command that needs several calls on one connection uses ``withClient(_:_:)`` and then ``emit(_:_:render:)``;
/// local work that can fail on its own (reading a CSV file) belongs before or after `withClient`, because errors
/// inside its body are taken for a broken connection.
enum Console {
    /// Calls `method` with `params` on the daemon named by `global` and prints the result.
    static func call<M: RPCMethod>(
        _ method: M.Type,
        _ params: M.Params,
        _ global: GlobalOptions,
        render: (M.Result) -> String
    ) async throws {
        let result = try await withClient(global) { client in
            try await client.call(method, params)
        }
        try emit(result, global, render: render)
    }

    /// Calls a method that takes no parameters and prints the result.
    static func call<M: RPCMethod>(
        _ method: M.Type,
        _ global: GlobalOptions,
        render: (M.Result) -> String
    ) async throws where M.Params == NoParams {
        try await call(method, NoParams(), global, render: render)
    }

    /// Connects to the daemon, runs `body` with the client, and closes the connection whatever happens.
    ///
    /// Errors of the call are reported here and rethrown as an ``ExitStatus``, so the caller only propagates them.
    static func withClient<T>(_ global: GlobalOptions, _ body: (RPCClient) async throws -> T) async throws -> T {
        let socketPath = global.socketPath
        let client: RPCClient
        do {
            client = try await RPCClient.connect(socketPath: socketPath)
        } catch {
            throw Failure.report(error, socketPath: socketPath, json: global.json)
        }
        do {
            let value = try await body(client)
            await client.close()
            return value
        } catch {
            await client.close()
            throw Failure.report(error, socketPath: socketPath, json: global.json)
        }
    }

    /// Prints `result`: as JSON with `--json`, else the text `render` makes of it (nothing when that is empty).
    static func emit<Result: Encodable>(_ result: Result, _ global: GlobalOptions, render: (Result) -> String) throws {
        if global.json {
            Printer.out(try Printer.json(result))
        } else {
            Printer.out(render(result))
        }
    }
}
