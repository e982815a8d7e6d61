import ArgumentParser
import Foundation
import Wire

/// Sends a CSV file to partyd for `member import` and `org import`.
///
/// The daemon runs as another user and is never asked to open a path of the caller's, so the console reads the
/// file itself, reads it as UTF-8 or else as GB18030 (and says where it is neither), and streams the text in
/// numbered chunks:
/// `import.begin` → `import.chunk` 0, 1, 2, … → `import.commit`. Chunks end on ``Swift/Character`` boundaries, so
/// no multi-byte character (nor a CR LF pair, nor an emoji sequence) is ever split between two requests.
enum CSVUpload {
    /// Reads the file named on the command line (`-` for standard input) and returns its text, or prints why it
    /// cannot be used and throws ``ExitStatus/fileError``. The text is exactly the file's, byte order mark
    /// included: the daemon's reader drops the mark and keeps line numbers as the user sees them.
    static func readText(_ path: String) throws -> String {
        let data: Data
        do {
            data = try read(path)
        } catch let message as LocalizedMessage {
            Printer.err("错误：\(message.text)")
            throw ExitStatus.fileError
        }
        if let text = String(validating: data, as: UTF8.self) {
            return text
        }
        let bytes = Array(data)
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !utf16 {
            switch GB18030.decode(bytes) {
            case .success(let text):
                Printer.err("提示：\(subject(path))不是 UTF-8，已按 GB18030（GBK）编码读取。")
                return text
            case .failure(let failure):
                let byte = "0x" + String(failure.byte, radix: 16, uppercase: true)
                Printer.err(
                    "错误：\(subject(path))既不是 UTF-8 也不是 GB18030（GBK）编码：第 \(failure.line) 行有无法识别的字节 \(byte)"
                )
                Printer.err("提示：在 Excel 中用“文件 → 另存为 → CSV UTF-8（逗号分隔）(*.csv)”保存后再导入；WPS 选“CSV（UTF-8）”。")
                throw ExitStatus.fileError
            }
        }
        Printer.err("错误：\(encodingProblem(bytes, subject: subject(path)))")
        Printer.err("提示：在 Excel 中用“文件 → 另存为 → CSV UTF-8（逗号分隔）(*.csv)”保存后再导入；WPS 选“CSV（UTF-8）”。")
        throw ExitStatus.fileError
    }

    /// Uploads `text` as a file of `kind` and commits it; a daemon refusal (with one detail per bad row) is
    /// reported by ``Console/withClient(_:_:)`` and becomes exit code 1.
    ///
    /// A progress bar is drawn on standard error only when that is a terminal, so scripts and logs stay clean.
    static func upload(
        _ text: String,
        kind: ImportKind,
        dryRun: Bool,
        _ global: GlobalOptions
    ) async throws -> ImportCommit.Result {
        var progress = ProgressBar(total: text.utf8.count)
        return try await Console.withClient(global) { client in
            do {
                let begun = try await client.call(ImportBegin.self, ImportBegin.Params(kind: kind, dryRun: dryRun))
                let session = begun.session
                var start = text.startIndex
                var sequence = 0
                var sent = 0
                progress.update(sent: 0)
                while start < text.endIndex {
                    let end = chunkEnd(in: text, from: start, maxBytes: begun.maxChunkBytes)
                    let chunk = String(text[start..<end])
                    let params = ImportChunk.Params(session: session, sequence: sequence, text: chunk)
                    _ = try await client.call(ImportChunk.self, params)
                    sent += chunk.utf8.count
                    progress.update(sent: sent)
                    sequence += 1
                    start = end
                }
                progress.status(dryRun ? "正在校验…" : "正在校验并写入…")
                let result = try await client.call(ImportCommit.self, ImportCommit.Params(session: session))
                progress.clear()
                return result
            } catch {
                // Cleared before the error is reported, so the message does not start in the middle of the bar.
                progress.clear()
                throw error
            }
        }
    }

    /// What an import prints on success.
    static func summary(_ result: ImportCommit.Result) -> String {
        result.dryRun ? "校验通过（未写入）：\(result.rows) 行" : "导入完成：\(result.written) 行"
    }

    /// The end of the chunk that starts at `start`: as many whole characters as fit in `maxBytes` bytes of UTF-8.
    ///
    /// The byte limit is found in the UTF-8 view and moved back to the nearest character boundary; a single
    /// character longer than a whole chunk (only conceivable in a malicious file) is sent alone, and the daemon
    /// refuses it with its own message.
    static func chunkEnd(in text: String, from start: String.Index, maxBytes: Int) -> String.Index {
        let utf8 = text.utf8
        guard let limit = utf8.index(start, offsetBy: max(1, maxBytes), limitedBy: utf8.endIndex),
            limit < utf8.endIndex
        else { return text.endIndex }
        var end = limit
        while end > start, String.Index(end, within: text) == nil {
            end = utf8.index(before: end)
        }
        return end > start ? end : text.index(after: start)
    }

    /// Where and why `bytes` are not UTF-8, in Chinese: the byte offset of the first bad sequence and its line.
    /// `subject` starts the sentence (see ``subject(_:)``).
    static func encodingProblem(_ bytes: [UInt8], subject: String) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "\(subject)是 UTF-16 编码（Excel 的“Unicode 文本”），不是 UTF-8"
        }
        guard let offset = firstInvalidUTF8Offset(bytes) else {
            return "\(subject)不是有效的 UTF-8 文本"
        }
        let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let byte = "0x" + String(bytes[offset], radix: 16, uppercase: true)
        return "\(subject)不是 UTF-8 编码（可能是 Excel 默认的 GBK 编码）：字节偏移 \(offset)（第 \(line) 行）处的字节 \(byte) 不是有效的 UTF-8"
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode Table 3-7: no
    /// overlong forms, no surrogates, nothing above U+10FFFF), or nil when all of `bytes` is well formed.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The length of the sequence and the range of its second byte, which is narrower after some leads.
            let (length, second): (Int, ClosedRange<UInt8>)
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return index
            }
            for position in 1..<length {
                let next = index + position
                guard next < bytes.count, (position == 1 ? second : 0x80...0xBF).contains(bytes[next]) else {
                    return index
                }
            }
            index += length
        }
        return nil
    }

    /// How messages start when they name the file: `文件 PATH ` (the space keeps the path apart from the Chinese
    /// that follows), or 标准输入 for `-`.
    static func subject(_ path: String) -> String {
        path == "-" ? "标准输入" : "文件 \(path) "
    }

    /// A failure to read, already worded for the user.
    private struct LocalizedMessage: Error {
        let text: String
    }

    private static func read(_ path: String) throws -> Data {
        if path == "-" {
            return FileHandle.standardInput.readDataToEndOfFile()
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LocalizedMessage(text: "文件 \(path) 不存在")
        }
        guard !isDirectory.boolValue else {
            throw LocalizedMessage(text: "\(path) 是目录，请给出 CSV 文件的路径")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw LocalizedMessage(text: "没有读取文件 \(path) 的权限")
        }
        do {
            // A file handle rather than `Data(contentsOf:)`, which refuses pipes and devices such as `<(iconv …)`.
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            return try handle.readToEnd() ?? Data()
        } catch {
            throw LocalizedMessage(text: "无法读取文件 \(path)：\(error.localizedDescription)")
        }
    }
}
