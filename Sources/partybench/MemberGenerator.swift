import Domain

/// Generates the members of a ``City``: registered only in 党支部 and 联合党支部, sized by the unit they serve,
/// each with a valid and unique 身份证号 whose birth date and gender agree with the record, and with dates in
/// the order the rules require (admitted at 18 or older; 正式党员 converted one year after the 支部大会;
/// 预备党员 admitted within the last year and not yet converted). The same seed gives the same members.
struct MemberGenerator {
    private var random: SeededGenerator
    private var usedNumbers: Set<String> = []
    /// The latest date any generated date may take (the day before today, so that no time zone makes it future).
    private let latest: LocalDate

    /// Prepares a generator drawing from `seed`, with `latest` as the last admissible date.
    init(seed: UInt64, latest: LocalDate) {
        random = SeededGenerator(seed: seed)
        self.latest = latest
    }

    /// Generates `count` members spread over the city's branches in proportion to their units' sizes.
    mutating func generate(count: Int, in city: City) -> [MemberDraft] {
        guard !city.branches.isEmpty else { return [] }
        let weights = city.branches.map { position in
            (city.organizations[position].unit?.weight ?? 20) * (50 + random.below(100))
        }
        let total = weights.reduce(0, +)
        var sizes = weights.map { count * $0 / total }
        // Integer division leaves a remainder smaller than the number of branches: one more for the first ones.
        for index in 0..<(count - sizes.reduce(0, +)) { sizes[index % sizes.count] += 1 }
        usedNumbers.reserveCapacity(count)
        var members: [MemberDraft] = []
        members.reserveCapacity(count)
        for (branchIndex, position) in city.branches.enumerated() {
            let branch = city.organizations[position]
            let groups = city.groupsOfBranch[position] ?? []
            for number in 0..<sizes[branchIndex] {
                let group = groups.isEmpty ? nil : city.organizations[groups[number % groups.count]].draft.code
                members.append(member(serial: members.count, in: branch, group: group))
            }
        }
        return members
    }

    private mutating func member(serial: Int, in branch: CityOrganization, group: String?) -> MemberDraft {
        let gender: Gender = random.chance(70) ? .male : .female
        let probationary = random.chance(3)
        let age = probationary ? random.int(in: 19...45) : random.int(in: 20...95)
        let birth = latest.adding(years: -age).adding(days: -random.below(365))
        let join: LocalDate
        if probationary {
            join = latest.adding(days: -random.below(360))
        } else {
            // Admitted between the day after the 18th birthday and a year ago (so the conversion is past).
            let earliest = birth.adding(years: 18).adding(days: 1).daysSinceEpoch
            let last = latest.adding(years: -1).daysSinceEpoch
            join = LocalDate(daysSinceEpoch: earliest + random.below(max(1, last - earliest)))
        }
        let area = random.chance(85) ? branch.areaCode : random.pick(NameTables.outsideAreaCodes)
        var flags: Set<MemberFlag> = []
        if random.chance(1.5) { flags.insert(.hardship) }
        if random.chance(1) { flags.insert(.flowing) }
        if random.chance(0.2) { flags.insert(.lostContact) }
        let unit = branch.unit ?? .company
        return MemberDraft(
            name: NameTables.person(&random),
            gender: gender,
            ethnicity: random.chance(94) ? "汉族" : random.pick(NameTables.minorities),
            birthDate: birth,
            idNumber: identityNumber(area: area, birth: birth, gender: gender),
            phone: random.chance(90)
                ? "1\(random.pick([3, 5, 7, 8, 9]))\(String(100_000_000 + random.below(900_000_000)))" : nil,
            email: random.chance(20) ? "m\(serial)@example.cn" : nil,
            education: random.pick(NameTables.educations),
            job: random.pick(unit.jobs),
            workUnit: branch.draft.unitName,
            joinDate: join,
            probationStart: join,
            fullDate: probationary ? nil : join.adding(years: 1),
            category: probationary ? .probationary : .full,
            orgCode: branch.draft.code,
            groupCode: group,
            flags: flags
        )
    }

    /// A number not given before: area, birth date, a sequence whose parity matches the gender (odd 男,
    /// even 女), and the GB 11643 check character. A taken sequence is drawn again; after 1000 draws (a full
    /// day of one area) the area changes.
    private mutating func identityNumber(area: String, birth: LocalDate, gender: Gender) -> String {
        let date = String(birth.description.filter { $0 != "-" })
        var area = area
        for attempt in 0..<2000 {
            if attempt == 1000 { area = random.pick(NameTables.outsideAreaCodes) }
            let sequence = random.below(500) * 2 + (gender == .male ? 1 : 0)
            let digits = String(sequence)
            let first17 = area + date + String(repeating: "0", count: 3 - digits.count) + digits
            guard let check = IdentityNumber.checkCharacter(for: first17) else { continue }
            let number = first17 + String(check)
            if usedNumbers.insert(number).inserted { return number }
        }
        preconditionFailure("no free identity number for \(area) \(date)")
    }
}
