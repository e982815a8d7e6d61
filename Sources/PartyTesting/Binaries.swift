import Foundation

/// Locates the built `partyd` and `partyadmin` executables for end-to-end tests: `PARTY_BIN_DIR` when set
/// (the Makefile sets it), else the package's `.build/debug`.
package enum Binaries {
    /// The directory holding the executables.
    package static var directory: String {
        if let dir = ProcessInfo.processInfo.environment["PARTY_BIN_DIR"], !dir.isEmpty { return dir }
        // Sources/PartyTesting/Binaries.swift → package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug").path
    }

    /// The path of an executable, or a harness error saying how to build it.
    package static func path(_ name: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestSupportError("\(path) not built: run `swift build` (or `make test`) first")
        }
        return path
    }
}
