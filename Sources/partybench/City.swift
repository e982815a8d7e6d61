import Domain

/// The kind of unit a branch serves, which decides its name, its size and its members' jobs.
enum UnitType: CaseIterable {
    /// A village (村).
    case village
    /// A residential community (社区).
    case community
    /// A company.
    case company
    /// A school.
    case school
    /// A government office of a district (区县机关).
    case office
    /// A township hospital (卫生院).
    case hospital
    /// Small non-public companies sharing a 联合党支部.
    case joint

    /// The relative number of members such a branch has.
    var weight: Int {
        switch self {
        case .village: 40
        case .community: 35
        case .company: 18
        case .school: 25
        case .office: 30
        case .hospital: 30
        case .joint: 15
        }
    }

    /// 单位类别 as the 采集表 writes it.
    var category: String {
        switch self {
        case .village: "农村"
        case .community: "社区"
        case .company: "非公有制企业"
        case .school, .hospital: "事业单位"
        case .office: "党政机关"
        case .joint: "非公有制企业"
        }
    }

    /// 工作岗位 typical of the unit.
    var jobs: [String] {
        switch self {
        case .village: ["农民", "村干部", "个体经营者", "退休人员"]
        case .community: ["社区工作者", "退休人员", "个体经营者", "自由职业者"]
        case .company, .joint: ["工人", "技术员", "工程师", "销售", "管理人员"]
        case .school: ["教师", "行政人员", "退休教师"]
        case .office: ["公务员", "科员", "科长", "办事员"]
        case .hospital: ["医生", "护士", "药剂师", "行政人员"]
        }
    }
}

/// One organization of the synthetic city, with what the sqlite3 floor needs besides the 采集表 row.
struct CityOrganization {
    /// The 采集表 row.
    var draft: OrgDraft
    /// The 1-based position in the file: the id partyd assigns, since it inserts a parents-first file in order.
    var id: Int64
    /// The parent's id.
    var parentID: Int64?
    /// The materialized path, `/1/17/342/`, as partyd stores it.
    var path: String
    /// Levels above it.
    var depth: Int
    /// The 区县 the organization lies in (the city's own code for the 市委), for members' identity numbers.
    var areaCode: String
    /// What the branch serves; nil for organizations that are not branches.
    var unit: UnitType?
}

/// The synthetic city: organizations in pre-order (parents before children), and where the branches are.
struct City {
    /// Every organization, parents first.
    var organizations: [CityOrganization]
    /// Positions in ``organizations`` of the 党支部 and 联合党支部, in file order.
    var branches: [Int]
    /// The 党小组 positions of each branch position that has any.
    var groupsOfBranch: [Int: [Int]]
    /// Positions of the 区县委.
    var districts: [Int]

    /// The 市委.
    var root: CityOrganization { organizations[0] }

    /// How many organizations there are of each kind.
    var kindCounts: [(OrgKind, Int)] {
        var counts: [OrgKind: Int] = [:]
        for org in organizations { counts[org.draft.kind, default: 0] += 1 }
        return OrgKind.allCases.compactMap { kind in counts[kind].map { (kind, $0) } }
    }
}
