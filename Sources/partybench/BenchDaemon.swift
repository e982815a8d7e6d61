import Foundation
import PartyTesting

#if canImport(Glibc)
import Glibc
#endif

/// The release `partyd` started as a child process on a temporary directory, through PartyTesting's
/// ``DaemonProcess`` (which waits until the socket answers and kills the child if it never does).
enum BenchDaemon {
    /// The directory holding this executable, where `swift build -c release` also puts `partyd`.
    static var binaryDirectory: String {
        let own = CommandLine.arguments[0]
        let resolved = own.contains("/") ? own : (Bundle.main.executablePath ?? own)
        return (resolved as NSString).deletingLastPathComponent
    }

    /// Starts `partyd` from `binaryDirectory` on `directory`.
    static func start(binaryDirectory: String, directory: TemporaryDirectory) throws -> DaemonProcess {
        let path = (binaryDirectory as NSString).appendingPathComponent("partyd")
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError("\(path) 不存在：请先执行 swift build -c release --product partyd")
        }
        // DaemonProcess finds the binary through Binaries, which honours PARTY_BIN_DIR before .build/debug:
        // this points it at the release build next to partybench rather than at a debug build.
        setenv("PARTY_BIN_DIR", binaryDirectory, 1)
        return try DaemonProcess(directory: directory, timeout: 60)
    }

    /// Stops the daemon: SIGTERM, then SIGKILL if it has not exited within `deadline` seconds.
    static func stop(_ daemon: DaemonProcess, deadline: TimeInterval = 30) {
        guard daemon.isRunning else { return }
        do {
            try daemon.stop(signal: SIGTERM, timeout: deadline)
        } catch {
            FileHandle.standardError.write(Data("partybench: \(error)（已发送 SIGKILL）\n".utf8))
        }
    }
}

/// A failure of the benchmark itself, with a message for the operator.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String
    /// Creates the error.
    init(_ description: String) { self.description = description }
}
