extension MemberRules {
    /// Whether `phone` is a mobile number (11 digits starting with 1, optionally after `+86`) or a landline
    /// (7-20 digits and single dashes, starting and ending with a digit, not starting with 1).
    package static func isValidPhone(_ phone: String) -> Bool {
        var bytes = Array(phone.utf8)
        if bytes.starts(with: Array("+86".utf8)) {
            bytes.removeFirst(3)
            if bytes.first == UInt8(ascii: " ") || bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
            return isMobile(bytes)
        }
        if bytes.first == UInt8(ascii: "1") { return isMobile(bytes) }
        guard (7...20).contains(bytes.count), let first = bytes.first, let last = bytes.last,
            isDigit(first), isDigit(last)
        else { return false }
        var previousWasDash = false
        var digits = 0
        for byte in bytes {
            if isDigit(byte) {
                digits += 1
                previousWasDash = false
            } else if byte == UInt8(ascii: "-"), !previousWasDash {
                previousWasDash = true
            } else {
                return false
            }
        }
        return digits >= 7
    }

    /// Whether `email` has exactly one `@`, a non-empty local part, and a domain with a dot that neither
    /// starts nor ends it, no empty labels, and no whitespace or control characters anywhere.
    package static func isValidEmail(_ email: String) -> Bool {
        let utf8 = email.utf8
        let at = UInt8(ascii: "@")
        let dot = UInt8(ascii: ".")
        guard utf8.count <= 254, let atIndex = utf8.firstIndex(of: at), atIndex != utf8.startIndex,
            utf8.lastIndex(of: at) == atIndex
        else { return false }
        let domain = utf8[utf8.index(after: atIndex)...]
        guard let first = domain.first, let last = domain.last, first != dot, last != dot, domain.contains(dot)
        else { return false }
        var previous: UInt8 = 0
        for byte in domain {
            if byte == dot && previous == dot { return false }
            previous = byte
        }
        if utf8.contains(where: { $0 >= 0x80 }) {
            return !email.unicodeScalars.contains { $0.isWhiteSpace || $0.isControl }
        }
        return !utf8.contains { $0 <= 0x20 || $0 == 0x7F }
    }

    private static func isMobile(_ bytes: [UInt8]) -> Bool {
        bytes.count == 11 && bytes.first == UInt8(ascii: "1") && bytes.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
