import Domain

/// Builds a synthetic city of about `organizationCount` organizations in the shape of a real one: one 市委,
/// up to 12 区县委, up to 15 乡镇党委 or 街道党工委 each, 党总支 under some towns, 党支部 and 联合党支部 (about half
/// of all organizations) under towns, 总支 and district offices, and 党小组 inside branches. Every nesting
/// obeys ``OrgKind/allowedChildren``. The same seed gives the same city.
struct CityGenerator {
    /// An organization before it has a code, an id or a path.
    private struct Node {
        var kind: OrgKind
        var name: String
        var unitName: String?
        var unit: UnitType?
        var parent: Int?
        var district: Int
        var children: [Int] = []
    }

    private var random: SeededGenerator
    private var nodes: [Node] = []
    /// The city's area code (宁波's, as a plausible prefix); districts are numbered after it.
    private let cityArea = "3302"

    /// Prepares a generator drawing from `seed`.
    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// Generates the city; `organizationCount` must be at least 20.
    mutating func generate(organizationCount: Int, founded latest: LocalDate) -> City {
        let districtCount = min(12, max(1, organizationCount / 1600))
        let townsPerDistrict = min(15, max(1, organizationCount / (districtCount * 110)))
        let committees = 1 + districtCount + districtCount * townsPerDistrict
        let rest = max(0, organizationCount - committees)
        let generalBranchCount = rest * 7 / 100
        let branchCount = rest * 49 / 100
        let groupCount = rest - generalBranchCount - branchCount

        add(Node(kind: .committee, name: "中共甬城市委员会", parent: nil, district: 0))
        var towns: [Int] = []
        for d in 0..<districtCount {
            let place = NameTables.place(&random)
            let district = add(
                Node(kind: .committee, name: "中共\(place)\(d % 4 == 3 ? "县" : "区")委员会", parent: 0, district: d)
            )
            for _ in 0..<townsPerDistrict {
                let town = NameTables.place(&random)
                let street = random.chance(55)
                towns.append(
                    add(
                        Node(
                            kind: street ? .workingCommittee : .committee,
                            name: street ? "中共\(town)街道工作委员会" : "中共\(town)镇委员会",
                            parent: district,
                            district: d
                        )
                    )
                )
            }
        }
        var generalBranches: [Int] = []
        for _ in 0..<generalBranchCount {
            let town = random.pick(towns)
            let unit = "\(NameTables.place(&random))\(random.pick(NameTables.industries))集团有限公司"
            generalBranches.append(
                add(
                    Node(
                        kind: .generalBranch,
                        name: "\(unit)党总支",
                        unitName: unit,
                        unit: .company,
                        parent: town,
                        district: nodes[town].district
                    )
                )
            )
        }
        var branches: [Int] = []
        for _ in 0..<branchCount {
            let parent: Int
            let roll = random.below(100)
            if roll < 8 {
                parent = 1 + random.below(districtCount) * (townsPerDistrict + 1)
            } else if roll < 33, !generalBranches.isEmpty {
                parent = random.pick(generalBranches)
            } else {
                parent = random.pick(towns)
            }
            branches.append(add(branch(under: parent)))
        }
        var groupNumber: [Int: Int] = [:]
        for _ in 0..<groupCount where !branches.isEmpty {
            let branch = random.pick(branches)
            let number = groupNumber[branch, default: 0] + 1
            groupNumber[branch] = number
            add(
                Node(
                    kind: .group,
                    name: "第\(NameTables.ordinal(number))党小组",
                    parent: branch,
                    district: nodes[branch].district
                )
            )
        }
        return emit(founded: latest)
    }

    /// A branch under `parent`: the unit it serves depends on where it sits.
    private mutating func branch(under parent: Int) -> Node {
        let district = nodes[parent].district
        let place = NameTables.place(&random)
        let unit: UnitType
        let unitName: String
        if nodes[parent].kind == .generalBranch {
            unit = .company
            unitName = "\(nodes[parent].unitName ?? "")\(place)分公司"
        } else if nodes[parent].parent == 0 {
            unit = .office
            unitName = "\(nodes[parent].name.dropFirst(2).dropLast(3))\(random.pick(NameTables.departments))"
        } else {
            let types: [UnitType] = [
                .village, .village, .community, .community, .company, .company, .school, .hospital, .joint,
            ]
            unit = random.pick(types)
            switch unit {
            case .village: unitName = "\(place)村"
            case .community: unitName = "\(place)社区"
            case .school: unitName = "\(place)\(random.chance(50) ? "小学" : "中学")"
            case .hospital: unitName = "\(place)卫生院"
            case .joint: unitName = "\(place)工业区非公企业"
            default: unitName = "\(place)\(random.pick(NameTables.industries))有限公司"
            }
        }
        let kind: OrgKind = unit == .joint ? .jointBranch : .branch
        let name = unit == .joint ? "\(unitName)联合党支部" : "\(unitName)党支部"
        return Node(kind: kind, name: name, unitName: unitName, unit: unit, parent: parent, district: district)
    }

    @discardableResult
    private mutating func add(_ node: Node) -> Int {
        nodes.append(node)
        if let parent = node.parent { nodes[parent].children.append(nodes.count - 1) }
        return nodes.count - 1
    }

    /// Walks the tree in pre-order, giving each organization a hierarchical code (the parent's code and the
    /// child's number, of equal width among siblings, so codes are unique), its id and its path.
    private mutating func emit(founded latest: LocalDate) -> City {
        var city = City(organizations: [], branches: [], groupsOfBranch: [:], districts: [])
        city.organizations.reserveCapacity(nodes.count)
        let earliest = LocalDate(year: 1950, month: 1, day: 1)!.daysSinceEpoch
        // An explicit stack instead of recursion: (node, code, parent position).
        var stack: [(node: Int, code: String, parent: Int?)] = [(0, cityArea + "00", nil)]
        while let (index, code, parentPosition) = stack.popLast() {
            let node = nodes[index]
            let parent = parentPosition.map { city.organizations[$0] }
            let id = Int64(city.organizations.count + 1)
            let position = city.organizations.count
            let founded = LocalDate(daysSinceEpoch: earliest + random.below(latest.daysSinceEpoch - earliest))
            let contact = "0574-8\(String(1_000_000 + random.below(9_000_000)))"
            city.organizations.append(
                CityOrganization(
                    draft: OrgDraft(
                        code: code,
                        name: node.name,
                        kind: node.kind,
                        parentCode: parent?.draft.code,
                        founded: random.chance(80) ? founded : nil,
                        unitName: node.unitName,
                        unitCategory: node.unit?.category,
                        contact: node.kind == .group ? nil : contact
                    ),
                    id: id,
                    parentID: parent?.id,
                    path: (parent?.path ?? "/") + "\(id)/",
                    depth: (parent?.depth ?? -1) + 1,
                    areaCode: cityArea + Self.twoDigits(node.district + 3),
                    unit: node.unit
                )
            )
            switch node.kind {
            case .branch, .jointBranch: city.branches.append(position)
            case .group: city.groupsOfBranch[parentPosition ?? 0, default: []].append(position)
            default: if parentPosition == 0 { city.districts.append(position) }
            }
            let width = max(3, String(node.children.count).count)
            for (number, child) in node.children.enumerated().reversed() {
                let suffix = String(number + 1)
                stack.append((child, code + String(repeating: "0", count: width - suffix.count) + suffix, position))
            }
        }
        return city
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
