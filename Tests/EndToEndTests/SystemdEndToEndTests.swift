import Domain
import Foundation
import PartyTesting
import Server
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The systemd integration of the real binary: sd_notify readiness and stopping, and socket activation.
extension EndToEnd {
    @Suite("End to end: systemd integration")
    struct SystemdEndToEndTests {
        @Test func notifiesReadyAndStopping() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let receiver = try NotifyReceiver(path: directory.appending("notify"))
            let daemon = try DaemonProcess(directory: directory, environment: ["NOTIFY_SOCKET": receiver.path])
            let ready = receiver.receive(timeout: 10)
            #expect(ready?.contains("READY=1") == true)
            #expect(ready?.contains("MAINPID=\(daemon.pid)") == true)
            let status = try daemon.stop()
            // The log says why, should a stop ever fail.
            #expect(status == 0, "\(daemon.log)")
            #expect(receiver.receive(timeout: 10)?.contains("STOPPING=1") == true)
        }

        @Test(
            .enabled(
                if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-socket-activate"),
                "needs systemd-socket-activate"
            )
        )
        func adoptsSocketPassedBySystemd() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let socket = directory.appending("activated.sock")
            // systemd-socket-activate binds the socket and execs partyd with it as fd 3 on the first connection.
            // partyd is told another path: only the inherited descriptor can make it answer on `socket`.
            let script = """
                systemd-socket-activate -l "$1" "$2" --data-dir "$4/data" --socket "$4/unused.sock" 2>/dev/null &
                pid=$!
                for i in $(seq 200); do [ -S "$1" ] && break; sleep 0.05; done
                "$3" status --json --socket "$1"
                rc=$?
                kill -TERM $pid; wait $pid
                exit $rc
                """
            let result = try CommandRunner.run(
                "/bin/sh",
                [
                    "-c", script, "sh", socket, try Binaries.path("partyd"), try Binaries.path("partyadmin"),
                    directory.path,
                ],
                timeout: 60
            )
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("\"protocolVersion\""))
            #expect(result.stdout.contains("activated.sock"), "status reports the socket clients really use")
            #expect(!FileManager.default.fileExists(atPath: directory.appending("unused.sock")))
        }
    }
}
