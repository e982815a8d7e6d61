import Domain
import Testing

@Suite("Organization nesting and structural rules")
struct OrgRulesTests {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!

    static func org(_ id: Int64, _ kind: OrgKind, path: [Int64], status: OrgStatus = .active) -> Organization {
        Organization(
            id: id,
            code: "C\(id)",
            name: "组织\(id)",
            kind: kind,
            parentID: path.dropLast().last,
            path: OrgPath(ids: path),
            status: status,
            revokedOn: status == .revoked ? today : nil
        )
    }

    @Test(
        "allowed placements",
        arguments: [
            (OrgKind.committee, OrgKind.branch), (.committee, .committee), (.committee, .generalBranch),
            (.generalBranch, .branch), (.generalBranch, .jointBranch), (.branch, .group), (.jointBranch, .group),
            (.workingCommittee, .committee), (.leadingGroup, .branch),
        ]
    )
    func allowed(parent: OrgKind, child: OrgKind) throws {
        try OrgRules.validatePlacement(kind: child, under: Self.org(1, parent, path: [1]))
    }

    @Test(
        "refused placements",
        arguments: [
            (OrgKind.branch, OrgKind.branch), (.branch, .committee), (.group, .group), (.generalBranch, .committee),
            (.jointBranch, .branch), (.generalBranch, .group), (.committee, .group),
        ]
    )
    func refused(parent: OrgKind, child: OrgKind) {
        #expect(throws: DomainError.self) {
            try OrgRules.validatePlacement(kind: child, under: Self.org(1, parent, path: [1]))
        }
    }

    @Test func groupCannotBeRoot() throws {
        let error = #expect(throws: DomainError.self) { try OrgRules.validatePlacement(kind: .group, under: nil) }
        #expect(error?.reason == "org.nesting")
        try OrgRules.validatePlacement(kind: .committee, under: nil)
    }

    @Test func revokedParentRefusesChildren() {
        let parent = Self.org(1, .committee, path: [1], status: .revoked)
        #expect(throws: DomainError.self) { try OrgRules.validatePlacement(kind: .branch, under: parent) }
    }

    @Test func moveIntoOwnSubtreeRefused() {
        let top = Self.org(1, .committee, path: [1])
        let child = Self.org(2, .committee, path: [1, 2])
        let error = #expect(throws: DomainError.self) { try OrgRules.validateMove(top, to: child) }
        #expect(error?.reason == "org.move_into_subtree")
        #expect(throws: DomainError.self) { try OrgRules.validateMove(top, to: top) }
    }

    @Test func moveToLegalParentAccepted() throws {
        let branch = Self.org(3, .branch, path: [1, 3])
        try OrgRules.validateMove(branch, to: Self.org(2, .generalBranch, path: [1, 2]))
    }

    @Test func kindChangeKeepsChildrenLegal() {
        // A 党委 with a 支部 under it cannot become a 支部.
        let committee = Self.org(2, .committee, path: [1, 2])
        #expect(throws: DomainError.self) {
            try OrgRules.validateKindChange(
                committee,
                to: .branch,
                parent: Self.org(1, .committee, path: [1]),
                childKinds: [.branch],
                memberCount: 0
            )
        }
    }

    @Test func kindChangeRespectsParent() {
        let branch = Self.org(2, .branch, path: [1, 2])
        // Under a 总支, a 支部 cannot become a 党委.
        #expect(throws: DomainError.self) {
            try OrgRules.validateKindChange(
                branch,
                to: .committee,
                parent: Self.org(1, .generalBranch, path: [1]),
                childKinds: [],
                memberCount: 0
            )
        }
    }

    @Test func generalBranchBecomesCommittee() throws {
        let general = Self.org(2, .generalBranch, path: [1, 2])
        try OrgRules.validateKindChange(
            general,
            to: .committee,
            parent: Self.org(1, .committee, path: [1]),
            childKinds: [.branch],
            memberCount: 0
        )
    }

    @Test func branchWithMembersCannotBecomeGeneralBranch() {
        let branch = Self.org(2, .branch, path: [1, 2])
        let error = #expect(throws: DomainError.self) {
            try OrgRules.validateKindChange(
                branch,
                to: .generalBranch,
                parent: Self.org(1, .committee, path: [1]),
                childKinds: [],
                memberCount: 3
            )
        }
        #expect(error?.reason == "org.has_members")
    }

    @Test func revokeOnlyWhenEmpty() throws {
        let branch = Self.org(2, .branch, path: [1, 2])
        let withMembers = #expect(throws: DomainError.self) {
            try OrgRules.validateRevoke(
                branch,
                activeChildren: 0,
                memberCount: 1,
                on: Self.today,
                today: Self.today,
                reason: "撤并"
            )
        }
        #expect(withMembers?.kind == .notEmpty)
        #expect(throws: DomainError.self) {
            try OrgRules.validateRevoke(
                branch,
                activeChildren: 1,
                memberCount: 0,
                on: Self.today,
                today: Self.today,
                reason: "撤并"
            )
        }
        #expect(throws: DomainError.self) {
            try OrgRules.validateRevoke(
                branch,
                activeChildren: 0,
                memberCount: 0,
                on: Self.today,
                today: Self.today,
                reason: " "
            )
        }
        #expect(throws: DomainError.self) {
            try OrgRules.validateRevoke(
                branch,
                activeChildren: 0,
                memberCount: 0,
                on: Self.today.adding(days: 1),
                today: Self.today,
                reason: "撤并"
            )
        }
        try OrgRules.validateRevoke(
            branch,
            activeChildren: 0,
            memberCount: 0,
            on: Self.today,
            today: Self.today,
            reason: "撤并"
        )
    }

    @Test func revokedIsReadOnly() {
        let revoked = Self.org(2, .branch, path: [1, 2], status: .revoked)
        let error = #expect(throws: DomainError.self) { try OrgRules.requireActive(revoked) }
        #expect(error?.reason == "org.revoked")
    }

    @Test func mergeRules() throws {
        let source = Self.org(2, .branch, path: [1, 2])
        let target = Self.org(3, .branch, path: [1, 3])
        try OrgRules.validateMerge(source, into: target, childKinds: [.group], memberCount: 10)
        #expect(throws: DomainError.self) {
            try OrgRules.validateMerge(source, into: source, childKinds: [], memberCount: 0)
        }
        // Members cannot go into a 党委.
        #expect(throws: DomainError.self) {
            try OrgRules.validateMerge(source, into: Self.org(1, .committee, path: [1]), childKinds: [], memberCount: 1)
        }
        // Nor into one's own descendant.
        let committee = Self.org(4, .committee, path: [1, 4])
        #expect(throws: DomainError.self) {
            try OrgRules.validateMerge(
                committee,
                into: Self.org(5, .committee, path: [1, 4, 5]),
                childKinds: [],
                memberCount: 0
            )
        }
    }

    @Test("codes", arguments: ["A1", "001-02", "x.y_z"]) func validCodes(code: String) throws {
        try OrgRules.validateCode(code)
    }

    @Test("bad codes", arguments: ["", "有中文", "a b", String(repeating: "1", count: 65)]) func invalidCodes(code: String)
    {
        #expect(throws: DomainError.self) { try OrgRules.validateCode(code) }
    }

    @Test func kindAliases() {
        #expect(OrgKind.parse("branch") == .branch)
        #expect(OrgKind.parse("Committee") == .committee)
        #expect(OrgKind.parse("党总支") == .generalBranch)
        #expect(OrgKind.parse("支部") == .branch)
        #expect(OrgKind.parse("unknown") == nil)
    }

    @Test func pathContainment() {
        let root = OrgPath(ids: [1])
        let deep = OrgPath(ids: [1, 10, 100])
        #expect(deep.isWithin(root))
        #expect(!root.isWithin(deep))
        #expect(!OrgPath(ids: [11]).isWithin(root))
        #expect(OrgPath("/1/10/100/") == deep)
        #expect(deep.description == "/1/10/100/")
        #expect(OrgPath("1/2") == nil)
    }
}
