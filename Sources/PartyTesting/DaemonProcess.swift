import Foundation
import Server

#if canImport(Glibc)
import Glibc
#endif

/// The built `partyd` binary running as a child process, for end-to-end tests: restart after `kill -9`,
/// refusal of a second instance, scoped users through the real console.
package final class DaemonProcess: @unchecked Sendable {
    // @unchecked: `process` is only touched from the test task that owns this object.
    /// The temporary directory with `data/` and the socket.
    package let directory: TemporaryDirectory
    /// The socket path.
    package let socketPath: String
    /// The data directory.
    package let dataDir: String
    private let process: Process
    private let logPath: String

    /// Starts `partyd` on `directory` (a new one when nil) and waits, within `timeout`, until its socket answers.
    package init(
        directory: TemporaryDirectory? = nil,
        extraArguments: [String] = [],
        environment: [String: String] = [:],
        timeout: TimeInterval = 30
    ) throws {
        let directory = try directory ?? TemporaryDirectory()
        self.directory = directory
        socketPath = directory.appending("s.sock")
        dataDir = directory.appending("data")
        logPath = directory.appending("partyd-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Binaries.path("partyd"))
        process.arguments = ["--data-dir", dataDir, "--socket", socketPath] + extraArguments
        var env = ProcessInfo.processInfo.environment
        for key in ["PARTYD_SOCKET", "PARTYD_DATA_DIR", "NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID"] { env[key] = nil }
        // Reminders stay off unless a test asks for them, so that other tests' data set none off.
        env["PARTYD_REMINDER_RULES"] = "none"
        // Tests give accounts to fictional users; a test of the check turns it back on.
        env["PARTYD_ACCOUNTS_REQUIRE_UNIX_USER"] = "false"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle(forWritingAtPath: logPath)
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(timeout)
        while !SocketFile.isLive(path: socketPath) {
            guard process.isRunning else {
                throw TestSupportError("partyd exited with \(process.terminationStatus): \(log)")
            }
            guard Date() < deadline else {
                kill(process.processIdentifier, SIGKILL)
                throw TestSupportError("partyd not ready within \(Int(timeout)) s: \(log)")
            }
            usleep(20_000)
        }
    }

    /// What the daemon has logged so far.
    package var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The daemon's process id.
    package var pid: Int32 { process.processIdentifier }

    /// Whether it is still running.
    package var isRunning: Bool { process.isRunning }

    /// Sends `signal` and waits for the process to end; returns its termination status.
    @discardableResult
    package func stop(signal: Int32 = SIGTERM, timeout: TimeInterval = 30) throws -> Int32 {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw TestSupportError("partyd ignored signal \(signal) for \(Int(timeout)) s")
        }
        return process.terminationStatus
    }

    /// Runs `partyadmin` against this daemon.
    package func admin(
        _ arguments: [String],
        input: Data? = nil,
        asUser: (uid: UInt32, gid: UInt32)? = nil,
        timeout: TimeInterval = 120
    ) throws -> CommandResult {
        try CommandRunner.run(
            try Binaries.path("partyadmin"),
            arguments + ["--socket", socketPath],
            input: input,
            asUser: asUser,
            timeout: timeout
        )
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
