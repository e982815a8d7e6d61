import Foundation

/// Runs the built `partyadmin` or `partyd` with arguments and collects what it printed, for the tests of what a
/// user sees on a wrong command line. Nothing here connects to a daemon: every line tested fails (or prints
/// help) before the console would.
struct BuiltBinary {
    /// What one run printed and how it ended.
    struct Outcome {
        /// The exit status.
        var status: Int32
        /// Standard output.
        var stdout: String
        /// Standard error.
        var stderr: String
    }

    /// The executable's path.
    var path: String

    /// The directory holding the executables: `PARTY_BIN_DIR` when set (the Makefile sets it), else the
    /// package's `.build/debug`.
    static var directory: String {
        if let dir = ProcessInfo.processInfo.environment["PARTY_BIN_DIR"], !dir.isEmpty { return dir }
        // Tests/ConsoleTests/BuiltBinary.swift → package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug").path
    }

    /// The built `partyadmin`.
    static let partyadmin = BuiltBinary(path: directory + "/partyadmin")

    /// The built `partyd`.
    static let partyd = BuiltBinary(path: directory + "/partyd")

    /// Runs the executable with `arguments` and waits for it, with a socket that does not exist, so that a line
    /// that unexpectedly got as far as connecting fails rather than reaching a real daemon.
    func run(_ arguments: String...) throws -> Outcome {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw MissingBinary(path: path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PARTYD_SOCKET"] = "/nonexistent/partyd-console-tests.sock"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so that a long help text cannot fill a pipe and block.
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    /// The executable has not been built.
    struct MissingBinary: Error, CustomStringConvertible {
        /// Where it was looked for.
        var path: String
        /// How to build it.
        var description: String { "\(path) not built: run `swift build --build-tests` (or `make test`) first" }
    }
}
