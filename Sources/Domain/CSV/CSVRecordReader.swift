/// Reads CSV records from bytes that arrive in blocks (a file read a block at a time), so that a file is
/// never held whole: each block's complete records are parsed and returned, and only the incomplete tail is
/// kept for the next block. Records are the same as ``CSVReader/parse(_:)`` gives for the whole file.
package struct CSVRecordReader: Sendable {
    /// The longest record accepted: a roster row is a few hundred bytes, so a longer one means the file is not
    /// a CSV file (or has lost its line breaks), and holding it would let one file fill the daemon's memory.
    package static let maximumRecordBytes = 1 << 20

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Bytes received but not yet parsed: at most one incomplete record.
    private var pending: [UInt8] = []
    /// How far `pending` has been scanned for a record boundary, and the parser's state at that point.
    private var scanned = 0
    private var state = ScanState.fieldStart
    /// The line where `pending` starts.
    private var line = 1
    private var started = false
    private var sawRecord = false

    /// Creates a reader at the start of a file.
    package init() {}

    /// Takes the next block of the file; returns the records it completes.
    package mutating func feed(_ block: some Collection<UInt8>) throws(DomainError) -> [CSVRecord] {
        pending.append(contentsOf: block)
        if !started {
            guard pending.count >= 2 else { return [] }
            started = true
            if pending.starts(with: [0xFF, 0xFE]) || pending.starts(with: [0xFE, 0xFF]) {
                _ = try CSVReader.decodeUTF8(pending.prefix(2))
            }
        }
        let end = boundary()
        guard end > 0 else {
            if pending.count > Self.maximumRecordBytes { throw tooLong() }
            return []
        }
        let records = try parse(count: end)
        pending.removeFirst(end)
        scanned -= end
        return records
    }

    /// Ends the file: returns the records of what remains, refusing an unfinished quoted field and a file
    /// without any record.
    package mutating func finish() throws(DomainError) -> [CSVRecord] {
        started = true
        if pending.starts(with: [0xFF, 0xFE]) || pending.starts(with: [0xFE, 0xFF]) {
            _ = try CSVReader.decodeUTF8(pending.prefix(2))
        }
        let records = pending.isEmpty ? [] : try parse(count: pending.count)
        pending = []
        scanned = 0
        state = .fieldStart
        guard sawRecord else {
            throw DomainError(.invalid, reason: "csv_empty", field: nil, message: "CSV 文件为空：没有表头，也没有数据行")
        }
        return records
    }

    /// Where the scan for record boundaries stands, as ``CSVReader`` reads fields: a quote opens a quoted field
    /// only at the start of a field, and inside one a doubled quote stands for a quote.
    private enum ScanState: Sendable {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// The end of the last complete record in `pending` (0 when there is none yet): just after a line break
    /// outside quotes. A carriage return at the very end waits for the next block, which may bring its line feed.
    private mutating func boundary() -> Int {
        var index = scanned
        var current = state
        var lastEnd = 0
        var stateAtLastEnd = state
        while index < pending.count {
            let byte = pending[index]
            switch current {
            case .quoted:
                if byte == Self.quote { current = .quoteInQuoted }
                index += 1
                continue
            case .quoteInQuoted where byte == Self.quote:
                current = .quoted
                index += 1
                continue
            case .fieldStart where byte == Self.quote:
                current = .quoted
                index += 1
                continue
            default:
                break
            }
            if byte == UInt8(ascii: ",") {
                current = .fieldStart
            } else if byte == Self.lineFeed {
                current = .fieldStart
                lastEnd = index + 1
                stateAtLastEnd = current
            } else if byte == Self.carriageReturn {
                guard index + 1 < pending.count else { break }
                current = .fieldStart
                if pending[index + 1] != Self.lineFeed {
                    lastEnd = index + 1
                    stateAtLastEnd = current
                }
            } else {
                current = .unquoted
            }
            index += 1
        }
        if lastEnd > 0 {
            // Resume just after the boundary: what follows is scanned again against the shorter buffer.
            scanned = lastEnd
            state = stateAtLastEnd
        } else {
            scanned = index
            state = current
        }
        return lastEnd
    }

    /// Parses the first `count` bytes of `pending`, which end at a record boundary (or the end of the file).
    private mutating func parse(count: Int) throws(DomainError) -> [CSVRecord] {
        guard String(validating: pending[..<count], as: UTF8.self) != nil else {
            _ = try CSVReader.decodeUTF8(pending[..<count])
            return []
        }
        let startLine = line
        let result = pending.withUnsafeBufferPointer { buffer in
            CSVReader.parse(bytes: UnsafeBufferPointer(rebasing: buffer[..<count]), startLine: startLine)
        }
        let (records, nextLine) = try result.get()
        line = nextLine
        if !records.isEmpty { sawRecord = true }
        if records.contains(where: { $0.fields.reduce(0) { $0 + $1.utf8.count } > Self.maximumRecordBytes }) {
            throw tooLong()
        }
        return records
    }

    private func tooLong() -> DomainError {
        DomainError(
            .invalid,
            reason: "csv_record_too_long",
            field: nil,
            message: "CSV 第 \(line) 行起的一行超过 \(Self.maximumRecordBytes / 1024 / 1024) MB，文件可能不是 CSV 或缺少换行"
        )
    }
}
