extension OrgCSV {
    /// Orders decoded rows so that every parent is inserted before its children, whatever the order of the
    /// file, and reports the rows that cannot be inserted:
    /// - a parent code that is neither in the file nor in `existingCodes` (reason `csv_unknown_parent`);
    /// - a row naming itself, or rows whose parents form a loop (reason `csv_parent_cycle`, on every row
    ///   of the loop);
    /// - a nesting the rules forbid (reason `org.nesting`), checked against parents in the file and, when
    ///   `existingKinds` knows them, against existing parents;
    /// - every row below a row that failed (reason `csv_parent_failed`), so that no row silently vanishes.
    ///
    /// Otherwise the file order is kept. Parents in the file take precedence over existing organizations
    /// with the same code; codes that already exist are not refused here (storage refuses the duplicate).
    package static func orderForInsertion(
        _ rows: [OrgRow],
        existingCodes: Set<String>,
        existingKinds: [String: OrgKind] = [:]
    ) -> (ordered: [OrgRow], errors: [RosterRowError]) {
        var rowOfCode: [String: Int] = [:]
        for (index, row) in rows.enumerated() where rowOfCode[row.draft.code] == nil {
            rowOfCode[row.draft.code] = index
        }
        var state = [Visit?](repeating: nil, count: rows.count)
        var ordered: [OrgRow] = []
        ordered.reserveCapacity(rows.count)
        var errors: [RosterRowError] = []

        for start in rows.indices where state[start] == nil {
            // Walk up from `start` until reaching a placed row, a failed row, the top, or a loop.
            var chain: [Int] = []
            var current = start
            var end: WalkEnd
            while true {
                chain.append(current)
                state[current] = .visiting
                let draft = rows[current].draft
                guard let parentCode = draft.parentCode else {
                    end = draft.kind.canBeRoot ? .placeable : .failed(nestingError(rows[current], parentKind: nil))
                    break
                }
                guard parentCode != draft.code else {
                    end = .failed(
                        error(rows[current], "上级组织代码不能是本组织自己（\(parentCode)）", reason: "csv_parent_cycle")
                    )
                    break
                }
                if let parent = rowOfCode[parentCode] {
                    guard rows[parent].draft.kind.canContain(draft.kind) else {
                        end = .failed(nestingError(rows[current], parentKind: rows[parent].draft.kind))
                        break
                    }
                    switch state[parent] {
                    case .placed: end = .placeable
                    case .failed: end = .blocked(by: parent)
                    case .visiting: end = .cycle(from: chain.firstIndex(of: parent) ?? 0)
                    case nil:
                        current = parent
                        continue
                    }
                    break
                }
                if existingCodes.contains(parentCode) || existingKinds[parentCode] != nil {
                    if let kind = existingKinds[parentCode], !kind.canContain(draft.kind) {
                        end = .failed(nestingError(rows[current], parentKind: kind))
                    } else {
                        end = .placeable
                    }
                    break
                }
                end = .failed(
                    error(
                        rows[current],
                        "上级组织代码“\(parentCode)”既不在本文件中，也不是已有的组织",
                        reason: "csv_unknown_parent"
                    )
                )
                break
            }

            let blocked: ArraySlice<Int>
            switch end {
            case .placeable:
                for index in chain.reversed() {
                    ordered.append(rows[index])
                    state[index] = .placed
                }
                continue
            case .failed(let failure):
                errors.append(failure)
                state[chain.last!] = .failed
                blocked = chain.dropLast()
            case .blocked:
                blocked = chain[...]
            case .cycle(let from):
                let loop = chain[from...]
                let path = (loop.map { rows[$0].draft.code } + [rows[loop.first!].draft.code]).joined(separator: " → ")
                for index in loop {
                    errors.append(error(rows[index], "上级组织关系构成循环：\(path)", reason: "csv_parent_cycle"))
                    state[index] = .failed
                }
                blocked = chain[..<from]
            }
            for index in blocked.reversed() {
                let parent = rows[rowOfCode[rows[index].draft.parentCode ?? ""] ?? index]
                errors.append(
                    error(
                        rows[index],
                        "上级组织“\(parent.draft.code)”（第 \(parent.row) 行）无法导入，本行也无法导入",
                        reason: "csv_parent_failed"
                    )
                )
                state[index] = .failed
            }
        }
        errors.sort { $0.row < $1.row }
        return (ordered, errors)
    }

    /// How far the walk has got with a row.
    private enum Visit {
        case visiting, placed, failed
    }

    /// How a walk up the parent chain ended.
    private enum WalkEnd {
        case placeable
        case failed(RosterRowError)
        case blocked(by: Int)
        case cycle(from: Int)
    }

    private static func error(_ row: OrgRow, _ message: String, reason: String) -> RosterRowError {
        RosterRowError(row: row.row, column: "上级组织代码", message: message, reason: reason)
    }

    private static func nestingError(_ row: OrgRow, parentKind: OrgKind?) -> RosterRowError {
        let kind = row.draft.kind
        guard let parentKind else {
            return error(row, "\(kind.rawValue)必须设在党支部或联合党支部之下，须填写上级组织代码", reason: "org.nesting")
        }
        let parent = "\(parentKind.rawValue)“\(row.draft.parentCode ?? "")”"
        let allowed = "\(parentKind.rawValue)之下只能设立\(parentKind.childKindNames)"
        return error(row, "\(parent)下不能设立\(kind.rawValue)：\(allowed)", reason: "org.nesting")
    }
}
