/// The SQL the floor runs for each query: the statements partyd's store issues for the same request
/// (Sources/Store/SQLite), with the values written in.
enum FloorSQL {
    /// The subtree filter partyd uses: a range scan on the materialized path.
    static func range(_ column: String, _ path: String) -> String {
        "\(column) >= '\(path)' AND \(column) < '\(path)~'"
    }

    /// The organizations of a subtree in path order, and the members of each, grouped.
    static func tree(_ path: String) -> String {
        """
        SELECT id, code, name, kind, parent_id, path, founded, unit_name, unit_category, contact, status, revoked_on,
          revoked_reason FROM organization WHERE \(range("path", path)) AND status = 'active' ORDER BY path;
        SELECT m.org_id, COUNT(*) FROM organization o JOIN member m ON m.org_id = o.id AND m.status = '在册'
          WHERE \(range("o.path", path)) GROUP BY m.org_id;

        """
    }

    /// One organization with its parent's code, its subtree counts, its children and its own members.
    static func show(code: String, id: Int64, parentID: Int64, path: String) -> String {
        """
        SELECT id, code, name, kind, parent_id, path, founded, unit_name, unit_category, contact, status, revoked_on,
          revoked_reason FROM organization WHERE code = '\(code)';
        SELECT id, code FROM organization WHERE id IN (\(parentID));
        SELECT COUNT(*) FILTER (WHERE status = 'active'), COUNT(*) FILTER (WHERE status = 'revoked')
          FROM organization WHERE \(range("path", path));
        SELECT COUNT(*) FROM member m JOIN organization o ON o.id = m.org_id WHERE m.status = '在册' AND \(range("o.path", path));
        SELECT COUNT(*) FROM organization WHERE parent_id = \(id) AND status = 'active';
        SELECT COUNT(*) FROM member WHERE org_id = \(id) AND status = '在册';

        """
    }

    /// The number of members on the roll in a subtree matching `condition`.
    static func count(_ path: String, condition: String?) -> String {
        """
        SELECT COUNT(*) FROM member m JOIN organization o ON o.id = m.org_id
          WHERE m.status = '在册' AND \(range("o.path", path))\(condition.map { " AND \($0)" } ?? "");

        """
    }

    /// The first 100 such members in partyd's order.
    static func page(_ path: String, condition: String?) -> String {
        """
        SELECT m.*, o.code AS org_code, g.code AS group_code FROM member m
          JOIN organization o ON o.id = m.org_id LEFT JOIN organization g ON g.id = m.group_id
          WHERE m.status = '在册' AND \(range("o.path", path))\(condition.map { " AND \($0)" } ?? "")
          ORDER BY o.path, m.name, m.id LIMIT 100 OFFSET 0;

        """
    }

    /// The whole roster of a subtree in the 名册's columns, with a header line.
    static func export(_ path: String) -> String {
        """
        .headers on
        SELECT m.name, m.gender, m.ethnicity, m.birth_date, m.id_number, m.phone, m.email, m.education, m.job,
          m.work_unit, m.join_date, m.probation_start, m.full_date, m.category, o.code AS org_code,
          g.code AS group_code, m.flags, m.remarks FROM member m
          JOIN organization o ON o.id = m.org_id LEFT JOIN organization g ON g.id = m.group_id
          WHERE m.status = '在册' AND \(range("o.path", path)) ORDER BY o.path, m.name, m.id;

        """
    }
}
