extension String {
    /// The text without leading and trailing white space (Unicode `White_Space`: spaces, tabs, line breaks,
    /// the no-break space and the ideographic space U+3000 that Chinese input methods type).
    ///
    /// Written natively because Foundation's `trimmingCharacters(in:)` goes through `NSString` on Linux and
    /// is slow enough to dominate a 340,000-row import; returns `self` without copying when there is nothing
    /// to trim.
    package var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.isWhiteSpace && !last.isWhiteSpace { return self }
        guard let start = scalars.firstIndex(where: { !$0.isWhiteSpace }),
            let end = scalars.lastIndex(where: { !$0.isWhiteSpace })
        else { return "" }
        return String(scalars[start...end])
    }

    /// The text trimmed, or nil when that leaves nothing: how optional text fields are normalized.
    package var nonBlank: String? {
        let trimmed = trimmedWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension Unicode.Scalar {
    /// Whether the scalar has the Unicode `White_Space` property, decided by a switch over the 25 such
    /// scalars instead of a property-table lookup.
    package var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether the scalar is a C0 or C1 control character (general category `Cc`), such as a line break.
    package var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
