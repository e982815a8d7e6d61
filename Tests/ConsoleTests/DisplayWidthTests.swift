import Testing

@testable import partyadmin

/// Column counting and padding: tables line up in a terminal only if Chinese counts two columns and combining
/// marks none.
@Suite("DisplayWidth")
struct DisplayWidthTests {
    /// ASCII text is one column per character.
    @Test func ascii() {
        #expect(DisplayWidth.of("0101") == 4)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("a b") == 3)
    }

    /// CJK ideographs, fullwidth forms and Hangul are two columns.
    @Test func wide() {
        #expect(DisplayWidth.of("第一党支部") == 10)
        #expect(DisplayWidth.of("党员数") == 6)
        // Fullwidth punctuation as Chinese input methods type it.
        #expect(DisplayWidth.of("（，：）") == 8)
        #expect(DisplayWidth.of("￥") == 2)
        #expect(DisplayWidth.of("１２") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        // CJK extension B (outside the Basic Multilingual Plane).
        #expect(DisplayWidth.of("\u{20000}") == 2)
    }

    /// Mixed Chinese and Latin text adds up per scalar.
    @Test func mixed() {
        #expect(DisplayWidth.of("张三（0101）") == 12)
        #expect(DisplayWidth.of("党支部 branch") == 13)
    }

    /// Combining marks, zero-width and control characters take no column.
    @Test func zeroWidth() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("a\u{200D}b") == 2)
        #expect(DisplayWidth.of("\t\n") == 0)
    }

    /// The soft hyphen and U+303F stay one column.
    @Test func exceptions() {
        #expect(DisplayWidth.of("\u{AD}") == 1)
        #expect(DisplayWidth.of("\u{303F}") == 1)
        #expect(DisplayWidth.of("\u{3000}") == 2)
    }

    /// Padding fills to the display width, left or right, and never truncates.
    @Test func pad() {
        #expect(DisplayWidth.pad("党委", to: 6) == "党委  ")
        #expect(DisplayWidth.pad("12", to: 5, alignment: .right) == "   12")
        #expect(DisplayWidth.pad("党委", to: 6, alignment: .right) == "  党委")
        #expect(DisplayWidth.pad("第一党支部", to: 4) == "第一党支部")
        #expect(DisplayWidth.pad("0101", to: 4) == "0101")
    }
}
