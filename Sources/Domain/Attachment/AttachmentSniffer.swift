/// Decides an attachment's kind from its bytes: the first bytes (magic numbers, text) and, for ZIP containers,
/// the entry names, read from the central directory at the end of the file or, failing that, from the local
/// file headers at its start. Pure: the caller reads the bytes.
package enum AttachmentSniffer {
    /// How many bytes from the start of a file ``sniff(head:tail:size:)`` wants.
    package static let headLength = 64 * 1024
    /// How many bytes from the end of a file it wants (a ZIP file's central directory and end record).
    package static let tailLength = 64 * 1024

    /// The kind of a file of `size` bytes that starts with `head` and ends with `tail` (which may overlap when
    /// the file is small); refuses an empty file and any content that is none of the accepted kinds.
    package static func sniff(head: [UInt8], tail: [UInt8], size: Int) throws(DomainError) -> AttachmentKind {
        guard size > 0, !head.isEmpty else {
            throw DomainError.invalid("file", "文件为空", reason: "attachment.empty")
        }
        if let kind = magic(head) { return kind }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if let kind = officeKind(entryNames: centralDirectoryNames(tail) + localHeaderNames(head)) { return kind }
        } else if isText(head, complete: head.count >= size) {
            return .text
        }
        throw DomainError.invalid(
            "file",
            "无法识别的文件类型（按文件内容判断，与文件名无关）。只接受：\(AttachmentKind.acceptedDescription)",
            reason: "attachment.unsupported_type"
        )
    }

    /// A kind recognized by the file's first bytes alone.
    static func magic(_ head: [UInt8]) -> AttachmentKind? {
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return .gif }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
        if head.count >= 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) {
            return .webp
        }
        // "BM" alone is too weak (a text may start with it): the reserved bytes must be zero and the
        // information header one of the sizes the BMP versions define.
        if head.count >= 18, head.starts(with: Array("BM".utf8)), head[6..<10].allSatisfy({ $0 == 0 }),
            [12, 40, 52, 56, 64, 108, 124].contains(littleEndian(head, at: 14, width: 4))
        {
            return .bmp
        }
        return nil
    }

    /// DOCX, XLSX or PPTX when the entry names are an Office Open XML package's: `[Content_Types].xml` and the
    /// application's folder.
    static func officeKind(entryNames: [String]) -> AttachmentKind? {
        guard entryNames.contains("[Content_Types].xml") else { return nil }
        if entryNames.contains(where: { $0.hasPrefix("word/") }) { return .docx }
        if entryNames.contains(where: { $0.hasPrefix("xl/") }) { return .xlsx }
        if entryNames.contains(where: { $0.hasPrefix("ppt/") }) { return .pptx }
        return nil
    }

    /// The entry names of the ZIP central directory held in `tail` (the file's last bytes), or none when the
    /// end record or the directory is not within them.
    static func centralDirectoryNames(_ tail: [UInt8]) -> [String] {
        // The end record is 22 bytes plus a comment of at most 65,535: search backwards for its signature.
        var end = tail.count - 22
        while end >= 0, littleEndian(tail, at: end, width: 4) != 0x0605_4B50 { end -= 1 }
        guard end >= 0 else { return [] }
        let directorySize = littleEndian(tail, at: end + 12, width: 4)
        guard directorySize <= end else { return [] }
        var position = end - directorySize
        var names: [String] = []
        while position + 46 <= end, littleEndian(tail, at: position, width: 4) == 0x0201_4B50 {
            let nameLength = littleEndian(tail, at: position + 28, width: 2)
            let extraLength = littleEndian(tail, at: position + 30, width: 2)
            let commentLength = littleEndian(tail, at: position + 32, width: 2)
            guard position + 46 + nameLength <= end else { break }
            names.append(String(decoding: tail[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self))
            position += 46 + nameLength + extraLength + commentLength
        }
        return names
    }

    /// The entry names of the local file headers found one after another from the start of `head`, as far as
    /// their sizes are known (an entry written with a data descriptor ends the walk).
    static func localHeaderNames(_ head: [UInt8]) -> [String] {
        var position = 0
        var names: [String] = []
        while position + 30 <= head.count, littleEndian(head, at: position, width: 4) == 0x0403_4B50 {
            let flags = littleEndian(head, at: position + 6, width: 2)
            let compressedSize = littleEndian(head, at: position + 18, width: 4)
            let nameLength = littleEndian(head, at: position + 26, width: 2)
            let extraLength = littleEndian(head, at: position + 28, width: 2)
            guard position + 30 + nameLength <= head.count else { break }
            names.append(String(decoding: head[(position + 30)..<(position + 30 + nameLength)], as: UTF8.self))
            if flags & 0x08 != 0 { break }
            position += 30 + nameLength + extraLength + compressedSize
        }
        return names
    }

    /// Whether `head` reads as UTF-8 text: well formed (a sequence cut by the end of `head` is allowed unless
    /// `head` is the whole file) and without control characters other than tab, line feed, form feed and
    /// carriage return.
    static func isText(_ head: [UInt8], complete: Bool) -> Bool {
        var bytes = head[...]
        if String(validating: bytes, as: UTF8.self) == nil {
            guard !complete else { return false }
            // Drop a multi-byte sequence cut short at the end of what was read, then try again.
            var cut = 0
            while cut < 3, let last = bytes.last, last & 0xC0 == 0x80 {
                bytes = bytes.dropLast()
                cut += 1
            }
            if let last = bytes.last, last >= 0xC0 { bytes = bytes.dropLast() }
            guard String(validating: bytes, as: UTF8.self) != nil else { return false }
        }
        return !bytes.contains { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) || $0 == 0x7F }
    }

    /// The little-endian unsigned integer of `width` bytes at `offset`, or 0 past the end.
    static func littleEndian(_ bytes: [UInt8], at offset: Int, width: Int) -> Int {
        guard offset >= 0, offset + width <= bytes.count else { return 0 }
        var value = 0
        for index in (0..<width).reversed() { value = value << 8 | Int(bytes[offset + index]) }
        return value
    }
}
