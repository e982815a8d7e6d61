extension RosterCSV {
    /// Writes members as a roster: the header of ``columns``, then one row each, with dates as `YYYY-MM-DD`,
    /// empty cells for missing values, and flags joined by `、` in ``MemberFlag`` order. The organization and
    /// group are taken from ``Member/orgCode`` and ``Member/groupCode``, which the caller fills in.
    /// With `header` false only the rows are written (no byte order mark either): a later page of a roster
    /// delivered in pages, to be appended to the first.
    package static func encode(_ members: [Member], byteOrderMark: Bool = true, header: Bool = true) -> String {
        var writer = CSVWriter(byteOrderMark: byteOrderMark && header)
        if header { writer.append(columns) }
        for member in members { writer.append(fields(of: MemberDraft(member))) }
        return writer.text
    }

    /// Writes drafts as a roster, like ``encode(_:byteOrderMark:)-([Member],_)``.
    package static func encode(_ drafts: [MemberDraft], byteOrderMark: Bool = true) -> String {
        var writer = CSVWriter(byteOrderMark: byteOrderMark)
        writer.append(columns)
        for draft in drafts { writer.append(fields(of: draft)) }
        return writer.text
    }

    /// The cells of one draft, in the order of ``columns``.
    package static func fields(of draft: MemberDraft) -> [String] {
        [
            draft.name, draft.gender.rawValue, draft.ethnicity ?? "", draft.birthDate.description, draft.idNumber,
            draft.phone ?? "", draft.email ?? "", draft.education ?? "", draft.job ?? "", draft.workUnit ?? "",
            draft.joinDate?.description ?? "", draft.probationStart?.description ?? "",
            draft.fullDate?.description ?? "", draft.category.rawValue, draft.orgCode, draft.groupCode ?? "",
            MemberRules.formatFlags(draft.flags), draft.remarks ?? "",
        ]
    }
}
