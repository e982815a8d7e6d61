import Foundation

/// The 名册 (member roster) CSV format, for import and export: one member per row, columns named by their
/// Chinese headers in any order.
///
/// Decoding reports every problem of every row at once (see ``RosterDecodeResult``); encoding writes the
/// same format so that an exported roster imports back unchanged.
package enum RosterCSV {
    /// Every column, in the order export writes them.
    package static let columns: [String] = [
        "姓名", "性别", "民族", "出生日期", "身份证号", "手机号", "电子邮箱", "学历", "工作岗位", "工作单位",
        "入党日期", "预备期开始日期", "转正日期", "人员类别", "所在党组织代码", "党小组代码", "党员标记", "备注",
    ]

    /// The columns a file must have.
    package static let requiredColumns: [String] = ["姓名", "性别", "出生日期", "身份证号", "人员类别", "所在党组织代码"]

    /// Other headers accepted for a column (alias → column).
    package static let aliases: [String: String] = ["支部大会日期": "预备期开始日期"]

    /// The column of each ``MemberDraft`` property, to report a ``DomainError/field`` under its header.
    package static let columnOfField: [String: String] = [
        "name": "姓名", "gender": "性别", "ethnicity": "民族", "birthDate": "出生日期", "idNumber": "身份证号",
        "phone": "手机号", "email": "电子邮箱", "education": "学历", "job": "工作岗位", "workUnit": "工作单位",
        "joinDate": "入党日期", "probationStart": "预备期开始日期", "fullDate": "转正日期", "category": "人员类别",
        "orgCode": "所在党组织代码", "groupCode": "党小组代码", "flags": "党员标记", "remarks": "备注",
    ]

    /// Parses and decodes the text of a roster file; refuses only what makes the file unreadable as CSV.
    package static func decode(text: String, today: LocalDate) throws(DomainError) -> RosterDecodeResult {
        decode(try CSVReader.parse(text), today: today)
    }

    /// Decodes parsed records: the header, then every data row, each checked by ``MemberRules/problems(_:today:)``
    /// and against the earlier rows for a duplicate 身份证号 (`#` excepted). Blank rows are skipped.
    package static func decode(_ records: [CSVRecord], today: LocalDate) -> RosterDecodeResult {
        var decoder = Decoder(today: today)
        for record in records { decoder.add(record) }
        return decoder.finish()
    }

    /// Decodes a roster one record at a time, as a file is read: only the valid rows' drafts and the first
    /// problems are kept, so a file of any size costs what its valid rows cost.
    package struct Decoder: Sendable {
        private let today: LocalDate
        private var header: CSVHeader?
        private var layout: Layout?
        private var headerSeen = false
        private var rows: [RosterRow] = []
        private var errors = RosterRowError.Log()
        private var firstRowOfID: [String: Int] = [:]
        private var dataRows = 0

        /// Starts a file checked against `today`.
        package init(today: LocalDate) { self.today = today }

        /// Takes the next record of the file.
        package mutating func add(_ record: CSVRecord) {
            guard !record.isBlank else { return }
            guard headerSeen else {
                headerSeen = true
                let read = CSVHeader.read(record, columns: columns, required: requiredColumns, aliases: aliases)
                errors.append(contentsOf: read.errors)
                header = read.header
                layout = read.header.map(Layout.init(header:))
                return
            }
            dataRows += 1
            guard let header, let layout else { return }
            if let error = header.widthError(record) {
                errors.append(error)
                return
            }
            let (draft, rowErrors) = decodeRow(Row(record: record, layout: layout), today: today)
            errors.append(contentsOf: rowErrors)
            var valid = rowErrors.isEmpty
            // The draft holds the normalized number whenever it is valid; `#` is never a duplicate.
            if draft.idNumber != IdentityNumber.unknownMarker, IdentityNumber(draft.idNumber) != nil {
                if let earlier = firstRowOfID[draft.idNumber] {
                    errors.append(
                        RosterRowError(
                            row: record.line,
                            column: layout.labels[Column.idNumber.rawValue],
                            message: "身份证号 \(draft.idNumber) 重复：第 \(earlier) 行和第 \(record.line) 行",
                            reason: "csv_duplicate_id"
                        )
                    )
                    valid = false
                } else {
                    firstRowOfID[draft.idNumber] = record.line
                }
            }
            if valid { rows.append(RosterRow(row: record.line, draft: draft)) }
        }

        /// What the file held: its valid rows and its problems.
        package func finish() -> RosterDecodeResult {
            guard headerSeen else {
                return RosterDecodeResult(
                    rows: [],
                    errors: [RosterRowError(row: 1, column: nil, message: "名册为空：第一行应为表头", reason: "csv_empty")]
                )
            }
            return RosterDecodeResult(
                rows: rows,
                errors: errors.kept,
                omittedErrors: errors.omitted,
                dataRows: dataRows
            )
        }
    }

    /// Reads one row into a draft (with placeholders where a required value could not be read) and every
    /// problem found in it, ordered by column.
    private static func decodeRow(_ row: Row, today: LocalDate) -> (MemberDraft, [RosterRowError]) {
        var problems: [(column: Column?, error: DomainError)] = []
        var unreadable = false
        func required(_ column: Column) -> String? {
            guard let value = row.text(column) else {
                let header = columns[column.rawValue]
                problems.append((column, DomainError.invalid(column.field, "\(header)不能为空", reason: "empty_value")))
                unreadable = true
                return nil
            }
            return value
        }
        func date(_ column: Column) -> LocalDate? {
            guard let value = row.text(column) else { return nil }
            guard let date = CSVText.date(value) else {
                let message = "\(row.layout.labels[column.rawValue])“\(value)”不是有效日期，应为 YYYY-MM-DD 格式的真实日期"
                problems.append((column, DomainError.invalid(column.field, message, reason: "invalid_date")))
                unreadable = true
                return nil
            }
            return date
        }

        var gender: Gender?
        if let value = required(.gender) {
            do { gender = try MemberRules.parseGender(value) } catch {
                problems.append((.gender, error))
                unreadable = true
            }
        }
        var category: MemberCategory?
        if let value = required(.category) {
            do { category = try MemberRules.parseCategory(value) } catch {
                problems.append((.category, error))
                unreadable = true
            }
        }
        var birthDate: LocalDate?
        if required(.birthDate) != nil { birthDate = date(.birthDate) }
        var flags: Set<MemberFlag> = []
        if let value = row.text(.flags) {
            do { flags = try MemberRules.parseFlags(value) } catch { problems.append((.flags, error)) }
        }
        let idNumber = row.value(.idNumber)
        let draft = MemberDraft(
            name: row.value(.name),
            gender: gender ?? .male,
            ethnicity: row.text(.ethnicity),
            birthDate: birthDate ?? today,
            idNumber: IdentityNumber(idNumber)?.text ?? idNumber,
            phone: row.text(.phone),
            email: row.text(.email),
            education: row.text(.education),
            job: row.text(.job),
            workUnit: row.text(.workUnit),
            joinDate: date(.joinDate),
            probationStart: date(.probationStart),
            fullDate: date(.fullDate),
            category: category ?? .full,
            orgCode: row.value(.orgCode),
            groupCode: row.text(.groupCode),
            flags: flags,
            remarks: row.text(.remarks)
        )
        for problem in MemberRules.problems(draft, today: today) {
            let column = problem.field.flatMap(Column.init(field:))
            if unreadable && !(column?.isStandalone ?? false) { continue }
            problems.append((column, problem))
        }
        if problems.count > 1 { problems.sort { ($0.column?.rawValue ?? -1) < ($1.column?.rawValue ?? -1) } }
        let labels = row.layout.labels
        return (
            draft,
            problems.map {
                RosterRowError(row: row.record.line, column: $0.column.map { labels[$0.rawValue] }, error: $0.error)
            }
        )
    }

    /// The columns, in the order of ``RosterCSV/columns``, named by the ``MemberDraft`` property they fill.
    private enum Column: Int, CaseIterable {
        case name, gender, ethnicity, birthDate, idNumber, phone, email, education, job, workUnit, joinDate,
            probationStart, fullDate, category, orgCode, groupCode, flags, remarks

        /// The ``MemberDraft`` property names, in case order.
        static let fields = [
            "name", "gender", "ethnicity", "birthDate", "idNumber", "phone", "email", "education", "job", "workUnit",
            "joinDate", "probationStart", "fullDate", "category", "orgCode", "groupCode", "flags", "remarks",
        ]

        /// The column a property fills.
        init?(field: String) {
            guard let index = Column.fields.firstIndex(of: field) else { return nil }
            self.init(rawValue: index)
        }

        /// The ``MemberDraft`` property the column fills.
        var field: String { Column.fields[rawValue] }

        /// Whether the column is checked on its own, without reference to gender, dates or category; only
        /// these columns' problems are reported for a row whose gender, category or a date could not be read.
        var isStandalone: Bool {
            switch self {
            case .gender, .birthDate, .joinDate, .probationStart, .fullDate, .category, .flags: false
            default: true
            }
        }
    }

    /// Where each column sits in a file, and how the file names it, worked out once from the header.
    private struct Layout {
        /// The position of each ``Column`` in the file's rows, nil when the file lacks it.
        let positions: [Int?]
        /// Each ``Column``'s header as the file writes it (the alias when the file used one).
        let labels: [String]

        init(header: CSVHeader) {
            positions = RosterCSV.columns.map(header.index(of:))
            labels = RosterCSV.columns.map(header.label)
        }
    }

    /// One data row read through a ``Layout``.
    private struct Row {
        let record: CSVRecord
        let layout: Layout

        /// The trimmed cell, empty when the file lacks the column.
        func value(_ column: Column) -> String {
            guard let position = layout.positions[column.rawValue] else { return "" }
            return CSVText.unguarded(CSVText.trimmed(record.fields[position]))
        }

        /// The trimmed cell, or nil when it is blank or missing.
        func text(_ column: Column) -> String? {
            let text = value(column)
            return text.isEmpty ? nil : text
        }
    }
}
