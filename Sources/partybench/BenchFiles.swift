import Domain
import Foundation
import PartyTesting

/// The generated files: the 党组织采集表 and 名册 that partyd imports (kept in memory too, for the upload),
/// and the plain CSV files the sqlite3 floor loads.
struct BenchFiles {
    /// The 党组织采集表 text, as `OrgCSV.encode` writes it.
    var organizationCSV: String
    /// The 名册 text, as `RosterCSV.encode` writes it.
    var rosterCSV: String
    /// The floor's organization rows.
    var floorOrganizations: String
    /// The floor's member rows.
    var floorMembers: String

    /// Encodes the city and writes all four files into `directory`.
    static func write(city: City, roster: [MemberDraft], in directory: TemporaryDirectory) throws -> BenchFiles {
        let files = BenchFiles(
            organizationCSV: OrgCSV.encode(city.organizations.map(\.draft)),
            rosterCSV: RosterCSV.encode(roster),
            floorOrganizations: directory.appending("floor-organizations.csv"),
            floorMembers: directory.appending("floor-members.csv")
        )
        try files.organizationCSV.write(toFile: directory.appending("党组织采集表.csv"), atomically: false, encoding: .utf8)
        try files.rosterCSV.write(toFile: directory.appending("名册.csv"), atomically: false, encoding: .utf8)
        try FloorData.organizations(city).write(toFile: files.floorOrganizations, atomically: false, encoding: .utf8)
        try FloorData.members(roster, city: city).write(toFile: files.floorMembers, atomically: false, encoding: .utf8)
        return files
    }

    /// The size of a file, or of every file under a directory, in bytes.
    static func size(of path: String) -> Int {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return 0 }
        guard isDirectory.boolValue else { return (try? manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        let names = (try? manager.subpathsOfDirectory(atPath: path)) ?? []
        return names.reduce(0) { total, name in
            let full = (path as NSString).appendingPathComponent(name)
            var nested: ObjCBool = false
            guard manager.fileExists(atPath: full, isDirectory: &nested), !nested.boolValue else { return total }
            return total + ((try? manager.attributesOfItem(atPath: full)[.size] as? Int) ?? 0)
        }
    }
}
