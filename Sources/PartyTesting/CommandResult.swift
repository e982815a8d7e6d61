import Foundation

/// What a finished command printed and how it exited.
package struct CommandResult: Sendable {
    /// The exit status.
    package let status: Int32
    /// Standard output.
    package let stdout: String
    /// Standard error.
    package let stderr: String
}

/// Runs executables to completion with a deadline, capturing their output.
package enum CommandRunner {
    /// Runs `executable` with `arguments`, optionally as another user through `setpriv`, feeding `input` on stdin.
    /// Killed after `timeout` seconds so a hung command fails the test instead of hanging it.
    package static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = [:],
        input: Data? = nil,
        asUser: (uid: UInt32, gid: UInt32)? = nil,
        timeout: TimeInterval = 60
    ) throws -> CommandResult {
        let process = Process()
        if let user = asUser {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments =
                ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PARTYD_SOCKET")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outFile = try TemporaryFile()
        let errFile = try TemporaryFile()
        defer {
            outFile.remove()
            errFile.remove()
        }
        process.standardOutput = outFile.handle
        process.standardError = errFile.handle
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw TestSupportError(
                "\(executable) \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s"
            )
        }
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: outFile.contents(), stderr: errFile.contents())
    }
}

/// A file capturing a child's output: unlike a pipe it cannot fill up and block the child.
private struct TemporaryFile {
    let path: String
    let handle: FileHandle

    init() throws {
        path = NSTemporaryDirectory() + "partyd-out-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw TestSupportError("cannot create \(path)") }
        self.handle = handle
    }

    func contents() -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    func remove() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }
}
