import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The secret that signs members' links: 32 random bytes in `<data-dir>/link.key` (mode 0600), made on the
/// first start and read on every later one. It is never logged and never leaves the daemon; replacing the file
/// invalidates every link given out.
package enum LinkKey {
    /// The key file's name inside the data directory.
    package static let fileName = "link.key"

    /// The key in `path`, created there first when the file does not exist. The new file is written under a
    /// temporary name, synced and renamed, so that a crash leaves either no key or a whole one; the data
    /// directory's lock keeps a second daemon from racing this one.
    package static func loadOrCreate(at path: String) throws -> [UInt8] {
        if let data = FileManager.default.contents(atPath: path) {
            guard data.count == 32 else { throw LinkKeyError("链接密钥文件 \(path) 应为 32 字节，实为 \(data.count) 字节") }
            return Array(data)
        }
        guard !FileManager.default.fileExists(atPath: path) else { throw LinkKeyError("无法读取链接密钥文件 \(path)") }
        let key = random()
        let temporary = path + ".new"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw LinkKeyError("无法创建链接密钥文件 \(temporary)：\(errnoText())") }
        let written = key.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == 32, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw LinkKeyError("无法写入链接密钥文件 \(path)：\(errnoText())")
        }
        let directory = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        return key
    }

    /// 32 bytes from the system's cryptographic random source.
    package static func random() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// The key file cannot be read or made; the message says which file and why, in Chinese.
package struct LinkKeyError: Error, CustomStringConvertible {
    /// The explanation.
    package let description: String
    /// Creates the error.
    package init(_ description: String) { self.description = description }
}
