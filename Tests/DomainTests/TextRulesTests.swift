import Domain
import Testing

@Suite("Text that partyd stores")
struct TextRulesTests {
    @Test(
        "refused in every field",
        arguments: ["\u{1B}]0;x\u{07}", "a\u{0}b", "\u{85}", "王\u{202E}五", "\u{2066}x", "x\u{7F}"]
    )
    func refusedEverywhere(text: String) {
        for shape in [TextRules.Shape.name, .line, .multiline] {
            #expect(TextRules.firstRefused(in: text, shape: shape) != nil, "\(shape)")
        }
    }

    @Test func lineBreaksOnlyInMultilineFields() {
        #expect(TextRules.firstRefused(in: "第一行\r\n第二行\t尾", shape: .multiline) == nil)
        #expect(TextRules.firstRefused(in: "第一行\n第二行", shape: .line) == "\n")
        #expect(TextRules.firstRefused(in: "a\u{2028}b", shape: .line) == "\u{2028}")
    }

    @Test func zeroWidthOnlyRefusedInNames() {
        #expect(TextRules.firstRefused(in: "张\u{200B}三", shape: .name) == "\u{200B}")
        #expect(TextRules.firstRefused(in: "👨\u{200D}👩", shape: .line) == nil)
        #expect(TextRules.firstRefused(in: "张三 Zhang-San", shape: .name) == nil)
    }

    @Test func theRefusalNamesFieldAndCharacter() {
        let error = Sample.refusal {
            try TextRules.validate("x\u{1B}", field: "name", label: "组织名称", shape: .name)
        }
        #expect(error?.field == "name")
        #expect(error?.reason == "invalid_character")
        #expect(error?.message.contains("组织名称") == true)
        #expect(error?.message.contains("U+001B（ESC）") == true)
    }
}
