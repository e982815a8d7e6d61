import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Delivers the CSV text of `member export` and `org export`: to a file with `--output`, else to standard output.
enum CSVDownload {
    /// Writes `csv` where the options say and, with `--output`, confirms on standard error.
    ///
    /// With `--json` the result object is printed on standard output instead of the bare CSV (and the file is
    /// still written when `--output` names one). A file that cannot be written is reported here and becomes
    /// ``ExitStatus/fileError``.
    static func deliver<Result: Encodable>(
        _ result: Result,
        csv: String,
        rows: Int,
        output: String?,
        _ global: GlobalOptions
    ) throws {
        let file = output.flatMap { $0 == "-" ? nil : $0 }
        if let file {
            do {
                try writeReplacing(file, with: csv)
            } catch {
                Printer.err("错误：无法写入 \(file)：\(error.reason)")
                throw ExitStatus.fileError
            }
        }
        if global.json {
            Printer.out(try Printer.json(result))
        } else if file == nil {
            // The exact bytes: the byte order mark and CR LF that Excel needs, and no extra newline.
            FileHandle.standardOutput.write(Data(csv.utf8))
        }
        if let file {
            Printer.err("已导出 \(rows) 行到 \(file)")
        }
    }

    /// Why a file could not be written, in Chinese.
    struct WriteFailure: Error {
        /// The reason.
        let reason: String
    }

    /// Replaces `path` with `text` atomically: the text goes to a temporary file in the same directory, which
    /// is flushed to disk and then renamed over `path`, so that a failure (a full disk, an interrupt) never
    /// leaves half a roster behind. A roster is personal data: a new file is 0600 whatever the umask, and an
    /// existing one keeps its owner and group permissions but loses any that others had.
    static func writeReplacing(_ path: String, with text: String) throws(WriteFailure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        // A hidden name beside the target, so that the rename stays within one file system.
        var template = Array("\(directory)/.\(url.lastPathComponent).XXXXXX".utf8) + [0]
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mkstemp($0.baseAddress!) }
        }
        guard descriptor >= 0 else { throw WriteFailure(reason: describe(errno)) }
        let temporary = String(decoding: template.dropLast(), as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(reason: describe(errno))
            }
            written += count
        }
        var existing = stat()
        let mode = stat(path, &existing) == 0 ? existing.st_mode & 0o770 : 0o600
        guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else { throw WriteFailure(reason: describe(errno)) }
        closed = true
        guard close(descriptor) == 0 else { throw WriteFailure(reason: describe(errno)) }
        guard rename(temporary, path) == 0 else { throw WriteFailure(reason: describe(errno)) }
        succeeded = true
    }

    /// The common `errno` values in Chinese; the C library's text for the rest.
    private static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: "所在目录不存在"
        case EACCES, EPERM: "没有写入权限"
        case ENOSPC: "磁盘空间不足"
        case EDQUOT: "超出磁盘配额"
        case EROFS: "文件系统为只读"
        case EISDIR: "这是一个目录"
        case ENOTDIR: "路径中有一段不是目录"
        default: String(cString: strerror(code))
        }
    }
}
