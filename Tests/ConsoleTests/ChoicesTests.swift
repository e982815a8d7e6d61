import Testing
import Wire

@testable import partyadmin

/// One list of values for an option's help, completion and refusal; the methods table's order.
@Suite("Choices")
struct ChoicesTests {
    /// Every kind has an alias that partyd resolves to it, listed in partyd's order.
    @Test func orgKinds() throws {
        #expect(OrgCommand.kinds.entries.map(\.name) == OrgKind.allCases.map(\.rawValue))
        for entry in OrgCommand.kinds.entries {
            let alias = try #require(entry.alias)
            #expect(OrgKind.parse(alias)?.rawValue == entry.name)
        }
    }

    /// Lines break only between pairs and stay within the help column.
    @Test func lines() {
        let lines = OrgCommand.kinds.lines
        #expect(lines.count > 1)
        #expect(lines.joined() == OrgCommand.kinds.listing)
        for line in lines {
            #expect(DisplayWidth.of(line) <= Choices.lineWidth)
            #expect(!line.contains(" "))
        }
        #expect(OrgCommand.kinds.helpText("组织类别").split(separator: "\n").count == lines.count + 1)
    }

    /// A short list stays on the lead's line.
    @Test func shortList() {
        #expect(MemberCommand.genders.helpText("性别") == "性别：男、女")
    }

    /// `--kind` accepts what partyd accepts, as typed, and refuses the rest listing the kinds.
    @Test func kindTransform() throws {
        #expect(try OrgCommand.kind("Leading-Group") == "Leading-Group")
        #expect(try OrgCommand.kind("支部") == "支部")
        #expect(throws: Choices.Refusal.self) { try OrgCommand.kind("党员") }
    }

    /// The methods table is sorted by name whatever order the daemon sends.
    @Test func methodsSorted() {
        let result = SystemMethods.Result(methods: [
            .init(name: "org.tree", summary: "组织树", access: "read"),
            .init(name: "audit.list", summary: "审计日志", access: "read"),
            .init(name: "member.add", summary: "新增党员", access: "write"),
        ])
        let names = MethodsCommand.table(result).split(separator: "\n").dropFirst(2).map { $0.prefix { $0 != " " } }
        #expect(names == ["audit.list", "member.add", "org.tree"])
    }
}
