/// What text partyd stores may hold. Everything it stores is shown again: in an administrator's terminal, a
/// spreadsheet, a chat message. Control characters would replay into the terminal (`ESC ] 0;…`), be cut at a
/// NUL by C code, or match everything in a search; bidirectional overrides and zero-width characters make a
/// name look like another.
package enum TextRules {
    /// How much a field may hold.
    package enum Shape: Sendable {
        /// A name or code: one line, and no invisible formatting characters either.
        case name
        /// One line of free text (a job, a unit, a reason).
        case line
        /// Several lines (remarks, minutes): line breaks and tabs allowed.
        case multiline
    }

    /// Refuses `text` when it holds a character its `shape` does not allow, naming the field and the character;
    /// `reason` is `invalid_character` unless a field's refusal already had a stable reason of its own.
    package static func validate(
        _ text: String,
        field: String,
        label: String,
        shape: Shape,
        reason: String = "invalid_character"
    ) throws(DomainError) {
        guard let scalar = firstRefused(in: text, shape: shape) else { return }
        throw DomainError.invalid(
            field,
            "\(label)含有不允许的字符 \(describe(scalar))，请删除后重试（不能含控制字符、文字方向控制符\(shape == .name ? "或零宽字符" : "")）",
            reason: reason
        )
    }

    /// The first character of `text` that `shape` refuses, if any.
    package static func firstRefused(in text: String, shape: Shape) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            if scalar.isControl {
                return !(shape == .multiline && (scalar == "\n" || scalar == "\r" || scalar == "\t"))
            }
            if bidiControls.contains(scalar.value) { return true }
            if shape != .multiline, scalar.value == 0x2028 || scalar.value == 0x2029 { return true }
            return shape == .name && zeroWidth.contains(scalar.value)
        }
    }

    /// `U+001B（ESC）`: how a refused character is named in messages.
    package static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "BEL", 0x08: "退格", 0x09: "制表符", 0x0A: "换行", 0x0D: "回车", 0x1B: "ESC",
            0x7F: "DEL", 0x200B: "零宽空格", 0x200C: "零宽非连接符", 0x200D: "零宽连接符", 0x2060: "词连接符",
            0xFEFF: "零宽不换行空格", 0x202E: "从右到左覆盖", 0x202D: "从左到右覆盖",
        ]
        return names[scalar.value].map { "\(code)（\($0)）" } ?? code
    }

    /// Bidirectional formatting characters: marks, embeddings, overrides and isolates.
    private static let bidiControls: Set<UInt32> = [
        0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    /// Characters that take no room: invisible inside a name or code.
    private static let zeroWidth: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E]
}
