import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp with a short path, so that a Unix socket inside it stays well below the
/// 108-byte limit on socket paths; removed by ``remove()``.
package struct TemporaryDirectory: Sendable {
    /// The directory's path.
    package let path: String

    /// Creates the directory (mode 0755 so that tests running commands as other users can reach sockets in it).
    package init(prefix: String = "pd") throws {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TestSupportError("mkdtemp failed: \(String(cString: strerror(errno)))")
        }
        path = String(cString: created)
        chmod(path, 0o755)
    }

    /// A path inside the directory.
    package func appending(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Removes the directory and everything in it.
    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A failure of the test harness itself (not of the code under test).
package struct TestSupportError: Error, CustomStringConvertible {
    /// What went wrong.
    package let description: String
    /// Creates the error.
    package init(_ description: String) { self.description = description }
}
