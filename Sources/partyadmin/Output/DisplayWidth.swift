/// How many terminal columns text occupies, so that tables line up when cells mix Chinese and Latin text.
///
/// `String.count` counts grapheme clusters, which is wrong for alignment: a Chinese character fills two columns
/// of a terminal, a combining accent none. The ranges are those of Markus Kuhn's `wcwidth`, which terminals
/// follow for East Asian Wide and Fullwidth characters.
enum DisplayWidth {
    /// The columns one scalar occupies: 2 for East Asian Wide/Fullwidth, 0 for combining marks and invisible
    /// format characters, 1 otherwise.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if isZeroWidth(scalar) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// The columns `text` occupies: the sum over its scalars.
    static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// `text` padded with spaces to `width` columns, on the right for `.left` and on the left for `.right`.
    static func pad(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        let fill = String(repeating: " ", count: missing)
        return alignment == .left ? text + fill : fill + text
    }

    /// Where a cell's text sits when the cell is wider than the text.
    enum Alignment: Sendable {
        /// Text first, then padding: for names and codes.
        case left
        /// Padding first, then text: for counts, so digits line up.
        case right
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return true
        case .format:
            // The soft hyphen is shown as a hyphen by terminals, unlike the other format characters (ZWJ, BOM).
            return scalar.value != 0xAD
        default:
            // Hangul medial vowels and final consonants join the preceding leading consonant.
            return (0x1160...0x11FF).contains(scalar.value) || scalar.value == 0x200B
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        // U+303F, inside the CJK block, is the one half-width space there.
        guard value != 0x303F else { return false }
        switch value {
        case 0x1100...0x115F,  // Hangul Jamo leading consonants
            0x2E80...0xA4CF,  // CJK radicals, punctuation, ideographs … Yi
            0xAC00...0xD7A3,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFE30...0xFE4F,  // CJK compatibility forms
            0xFF00...0xFF60,  // fullwidth forms (，：（）)
            0xFFE0...0xFFE6,  // fullwidth signs (￥)
            0x20000...0x3FFFD:  // CJK extensions B and beyond
            return true
        default:
            return false
        }
    }
}
