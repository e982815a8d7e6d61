import Foundation

/// The floor: the same schema, data and queries run by the `sqlite3` command-line tool, each invocation
/// timed as a whole process (wall clock from launch to exit, so process start and opening the database count).
/// Same pragmas as partyd's store: WAL, `synchronous = FULL`, foreign keys on.
struct SQLiteFloor {
    /// The `sqlite3` executable.
    let executable: String
    /// The working directory (database, CSV files, scripts, outputs).
    let directory: String
    /// The database file.
    var database: String { directory + "/floor.db" }

    private static let pragmas = "PRAGMA synchronous = FULL;\nPRAGMA foreign_keys = ON;\n"

    /// Finds `sqlite3` on PATH and prepares `directory`.
    init(directory: String) throws {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let found = paths.map({ "\($0)/sqlite3" }).first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw BenchError("找不到 sqlite3 命令：请执行 make deps（或 apt-get install sqlite3）")
        }
        executable = found
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// The tool's version line.
    func version() throws -> String {
        let output = directory + "/version.txt"
        _ = try run(arguments: ["-version"], script: "", stdout: output)
        return (try? String(contentsOfFile: output, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? ""
    }

    /// Creates the schema and loads the organizations in one transaction; returns the seconds it took.
    /// `.import` cannot write NULL, so rows go through a temporary staging table (kept out of the database
    /// file) and `NULLIF`; the same insert also
    /// writes the history line partyd writes for each imported organization.
    func loadOrganizations(csv: String) throws -> Double {
        let columns = FloorData.organizationColumns.joined(separator: ", ")
        let schema = try FloorSchema.statements
        return try time(
            """
            PRAGMA journal_mode = WAL;
            \(Self.pragmas)BEGIN;
            \(schema)CREATE TEMP TABLE org_in (\(columns));
            .import --csv --schema temp "\(csv)" org_in
            INSERT INTO organization (id, code, name, kind, parent_id, path, depth, founded, unit_name, unit_category,
                contact, created_at, updated_at)
              SELECT id, code, name, kind, NULLIF(parent_id, ''), path, depth, NULLIF(founded, ''), NULLIF(unit_name, ''),
                NULLIF(unit_category, ''), NULLIF(contact, ''), created_at, updated_at FROM org_in ORDER BY id;
            INSERT INTO org_history (org_id, org_code, at, actor, action, summary)
              SELECT id, code, created_at, 'bench', 'org.import', '采集表导入：' || kind || name FROM org_in ORDER BY id;
            DROP TABLE org_in;
            COMMIT;

            """,
            name: "load-organizations"
        )
    }

    /// Loads the members in one transaction, with one history line each as partyd writes; returns the seconds.
    func loadMembers(csv: String) throws -> Double {
        let columns = FloorData.memberColumns.joined(separator: ", ")
        let optional = [
            "ethnicity", "phone", "email", "education", "job", "work_unit", "join_date", "probation_start",
            "full_date", "group_id", "remarks",
        ]
        let selected = FloorData.memberColumns.map { optional.contains($0) ? "NULLIF(\($0), '')" : $0 }
        return try time(
            """
            \(Self.pragmas)BEGIN;
            CREATE TEMP TABLE member_in (\(columns));
            .import --csv --schema temp "\(csv)" member_in
            INSERT INTO member (\(columns)) SELECT \(selected.joined(separator: ", ")) FROM member_in ORDER BY id;
            INSERT INTO member_history (member_id, org_id, at, actor, action, summary)
              SELECT i.id, i.org_id, i.created_at, 'bench', 'member.import', '名册导入：编入' || o.code
              FROM member_in i JOIN organization o ON o.id = i.org_id ORDER BY i.id;
            DROP TABLE member_in;
            COMMIT;

            """,
            name: "load-members"
        )
    }

    /// Runs query statements with their output written as CSV to a file; returns the seconds.
    func query(_ sql: String, name: String) throws -> Double {
        try time("\(Self.pragmas).mode csv\n.output \"\(directory)/\(name).out.csv\"\n\(sql)", name: name)
    }

    /// Writes `script` to a file and times one `sqlite3` process reading it on standard input.
    func time(_ script: String, name: String) throws -> Double {
        let path = "\(directory)/\(name).sql"
        try script.write(toFile: path, atomically: false, encoding: .utf8)
        return try run(arguments: ["-batch", "-bail", database], script: path, stdout: nil)
    }

    /// Runs the tool to completion (at most an hour) and returns the wall-clock seconds; throws with its
    /// standard error when it fails. Standard output goes to the file `stdout` (created fresh) or, when nil,
    /// to the null device: a device path must never reach `createFile`, which would replace the device node
    /// with a regular file.
    private func run(arguments: [String], script: String, stdout: String?) throws -> Double {
        let errorsPath = directory + "/stderr.txt"
        var opened: [FileHandle] = []
        defer { for handle in opened { try? handle.close() } }
        func create(_ path: String) throws -> FileHandle {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchError("无法写入 \(path)") }
            opened.append(handle)
            return handle
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if script.isEmpty {
            process.standardInput = FileHandle.nullDevice
        } else {
            guard let input = FileHandle(forReadingAtPath: script) else { throw BenchError("无法读取 \(script)") }
            opened.append(input)
            process.standardInput = input
        }
        process.standardOutput = try stdout.map(create) ?? FileHandle.nullDevice
        process.standardError = try create(errorsPath)
        // Woken by the termination handler rather than by polling, which would steal CPU from sqlite3.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let start = ContinuousClock.now
        try process.run()
        guard exited.wait(timeout: .now() + .seconds(3600)) == .success else {
            process.terminate()
            throw BenchError("sqlite3 运行超过一小时，已终止（\(script)）")
        }
        let elapsed = (ContinuousClock.now - start).seconds
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
            throw BenchError("sqlite3 失败（\(script)，退出码 \(process.terminationStatus)）：\(message)")
        }
        return elapsed
    }
}
