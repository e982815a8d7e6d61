/// The 党组织采集表 CSV format: one organization per row, its parent named by 组织代码, columns named by
/// their Chinese headers in any order.
///
/// Import is two steps: ``decode(_:today:)`` checks each row on its own and the codes for duplicates;
/// ``orderForInsertion(_:existingCodes:existingKinds:)`` then resolves parents across the file and the
/// existing tree, so that rows may come in any order.
package enum OrgCSV {
    /// Every column, in the order export writes them.
    package static let columns: [String] = ["组织代码", "组织名称", "组织类别", "上级组织代码", "成立日期", "单位名称", "单位类别", "联系方式"]

    /// The columns a file must have.
    package static let requiredColumns: [String] = ["组织代码", "组织名称", "组织类别"]

    /// The column of each ``OrgDraft`` property, to report a ``DomainError/field`` under its header.
    package static let columnOfField: [String: String] = [
        "code": "组织代码", "name": "组织名称", "kind": "组织类别", "parentCode": "上级组织代码", "founded": "成立日期",
        "unitName": "单位名称", "unitCategory": "单位类别", "contact": "联系方式",
    ]

    /// Parses and decodes the text of a 采集表; refuses only what makes the file unreadable as CSV.
    package static func decode(text: String, today: LocalDate) throws(DomainError) -> OrgDecodeResult {
        decode(try CSVReader.parse(text), today: today)
    }

    /// Decodes parsed records: the header, then each data row checked with ``OrgRules`` (code, name, kind,
    /// founding date; a 党小组 must name a parent) and against earlier rows for a duplicate 组织代码.
    package static func decode(_ records: [CSVRecord], today: LocalDate) -> OrgDecodeResult {
        var decoder = Decoder(today: today)
        for record in records { decoder.add(record) }
        return decoder.finish()
    }

    /// Decodes a 采集表 one record at a time, as a file is read, keeping only valid rows and the first problems.
    package struct Decoder: Sendable {
        private let today: LocalDate
        private var header: CSVHeader?
        private var headerSeen = false
        private var rows: [OrgRow] = []
        private var errors = RosterRowError.Log()
        private var firstRowOfCode: [String: Int] = [:]
        private var dataRows = 0

        /// Starts a file checked against `today`.
        package init(today: LocalDate) { self.today = today }

        /// Takes the next record of the file.
        package mutating func add(_ record: CSVRecord) {
            guard !record.isBlank else { return }
            guard headerSeen else {
                headerSeen = true
                let read = CSVHeader.read(record, columns: columns, required: requiredColumns)
                errors.append(contentsOf: read.errors)
                header = read.header
                return
            }
            dataRows += 1
            guard let header else { return }
            if let error = header.widthError(record) {
                errors.append(error)
                return
            }
            let (draft, rowErrors) = decodeRow(record, header: header, today: today)
            errors.append(contentsOf: rowErrors)
            var valid = draft != nil && rowErrors.isEmpty
            let code = header.value("组织代码", in: record)
            if !code.isEmpty {
                if let earlier = firstRowOfCode[code] {
                    errors.append(
                        RosterRowError(
                            row: record.line,
                            column: "组织代码",
                            message: "组织代码 \(code) 重复：第 \(earlier) 行和第 \(record.line) 行",
                            reason: "csv_duplicate_code"
                        )
                    )
                    valid = false
                } else {
                    firstRowOfCode[code] = record.line
                }
            }
            if valid, let draft { rows.append(OrgRow(row: record.line, draft: draft)) }
        }

        /// What the file held: its valid rows and its problems.
        package func finish() -> OrgDecodeResult {
            guard headerSeen else {
                return OrgDecodeResult(
                    rows: [],
                    errors: [RosterRowError(row: 1, column: nil, message: "采集表为空：第一行应为表头", reason: "csv_empty")]
                )
            }
            return OrgDecodeResult(rows: rows, errors: errors.kept, omittedErrors: errors.omitted, dataRows: dataRows)
        }
    }

    /// Writes organizations as a 采集表: the header of ``columns``, then one row each (parents should come
    /// before their children, though import accepts any order).
    package static func encode(
        _ organizations: [(Organization, parentCode: String?)],
        byteOrderMark: Bool = true
    )
        -> String
    {
        encode(organizations.map { OrgDraft($0.0, parentCode: $0.parentCode) }, byteOrderMark: byteOrderMark)
    }

    /// Writes drafts as a 采集表.
    package static func encode(_ drafts: [OrgDraft], byteOrderMark: Bool = true) -> String {
        var writer = CSVWriter(byteOrderMark: byteOrderMark)
        writer.append(columns)
        for draft in drafts {
            writer.append([
                draft.code, draft.name, draft.kind.rawValue, draft.parentCode ?? "", draft.founded?.description ?? "",
                draft.unitName ?? "", draft.unitCategory ?? "", draft.contact ?? "",
            ])
        }
        return writer.text
    }

    private static func decodeRow(
        _ record: CSVRecord,
        header: CSVHeader,
        today: LocalDate
    ) -> (
        OrgDraft?, [RosterRowError]
    ) {
        var errors: [RosterRowError] = []
        func report(_ column: String, _ error: DomainError) {
            errors.append(RosterRowError(row: record.line, column: column, error: error))
        }
        func text(_ column: String) -> String? { CSVText.nonBlank(header.value(column, in: record)) }

        let code = header.value("组织代码", in: record)
        do { try OrgRules.validateCode(code, field: "code") } catch { report("组织代码", error) }
        let name = header.value("组织名称", in: record)
        do { try OrgRules.validateName(name, field: "name") } catch { report("组织名称", error) }
        var kind: OrgKind?
        do { kind = try OrgKind.parse(header.value("组织类别", in: record), field: "kind") } catch { report("组织类别", error) }
        let parentCode = text("上级组织代码")
        if let parentCode {
            do { try OrgRules.validateCode(parentCode, field: "parentCode") } catch { report("上级组织代码", error) }
        } else if let kind {
            do { try OrgRules.validatePlacement(kind: kind, under: nil, field: "parentCode") } catch {
                report("上级组织代码", error)
            }
        }
        var founded: LocalDate?
        if let value = text("成立日期") {
            if let date = CSVText.date(value) {
                founded = date
                do { try OrgRules.validateFounded(date, today: today) } catch { report("成立日期", error) }
            } else {
                report(
                    "成立日期",
                    DomainError.invalid("founded", "成立日期“\(value)”不是有效日期，应为 YYYY-MM-DD 格式的真实日期", reason: "invalid_date")
                )
            }
        }
        for (field, column, _) in OrgRules.descriptionLimits {
            if let value = text(column) {
                do { try OrgRules.validateDescription(field: field, value) } catch { report(column, error) }
            }
        }
        guard let kind, errors.isEmpty else { return (nil, errors) }
        let draft = OrgDraft(
            code: code,
            name: name,
            kind: kind,
            parentCode: parentCode,
            founded: founded,
            unitName: text("单位名称"),
            unitCategory: text("单位类别"),
            contact: text("联系方式")
        )
        return (draft, errors)
    }
}
