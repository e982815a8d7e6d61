import Domain

/// One query's timings against partyd and against the sqlite3 floor.
struct QueryResult {
    /// What the query is.
    var label: String
    /// Timings through partyd's socket.
    var partyd: Samples
    /// Timings of the sqlite3 process.
    var floor: Samples
}

/// Everything one run measured, for the report.
struct BenchResults {
    /// How partybench was invoked.
    var command: String
    /// When the run started (local time, ISO 8601).
    var date: String
    /// The CPU model.
    var cpu: String
    /// Processors available.
    var processors: Int
    /// Physical memory in kB.
    var memoryTotalKB: Int?
    /// The Linux kernel release.
    var kernel: String
    /// Load averages when the run started and when the daemon phase ended.
    var loadAverages: (start: String, end: String)
    /// `sqlite3 -version`.
    var sqliteVersion: String
    /// The generator's seed.
    var seed: UInt64
    /// Organizations of each kind.
    var kindCounts: [(OrgKind, Int)]
    /// Organizations in all.
    var organizations: Int
    /// Members in all.
    var members: Int
    /// Repetitions of each query.
    var repetitions: Int
    /// The 党组织采集表 import through partyd.
    var organizationImport: ImportTiming
    /// The 名册 import through partyd.
    var memberImport: ImportTiming
    /// The floor's organization load, seconds.
    var floorOrganizationLoad: Double
    /// The floor's member load, seconds.
    var floorMemberLoad: Double
    /// Floor-only reference figures (see ``QueryCase/references(_:)``).
    var floorReferences: [(label: String, samples: Samples)]
    /// The queries.
    var queries: [QueryResult]
    /// The socket round trips.
    var roundTrips: [RoundTripResult]
    /// The daemon's resident memory (VmRSS) and peak (VmHWM) after the queries, kB.
    var memory: (rss: Int, peak: Int)?
    /// The size of partyd's data directory after the run, bytes.
    var dataDirectoryBytes: Int
    /// Of which the write-ahead log, bytes.
    var walBytes: Int
    /// The size of the floor's database after loading, bytes.
    var floorDatabaseBytes: Int
    /// Consistency checks passed (what partyd answered matches the generated data).
    var checks: [String]
    /// The notice phases (publish, webhook delivery, Apprise), when run.
    var notices: NoticeOutcome?
    /// The reminder phase (a cold full scan and an incremental one), when run.
    var reminders: ReminderOutcome?
}
