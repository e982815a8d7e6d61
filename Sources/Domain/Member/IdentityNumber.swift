import Foundation

/// A 居民身份证号码 as GB 11643-1999 defines it: a 6-digit area code, an 8-digit birth date, a 3-digit
/// sequence (odd for men, even for women) and a check character; or `#` when the number is truly unknown,
/// as the national manuals allow.
///
/// Parsing trims surrounding whitespace and normalizes a lowercase or full-width `x` (and full-width digits,
/// as Chinese input methods type them) so that stored numbers compare equal.
package struct IdentityNumber: Sendable, Hashable, CustomStringConvertible {
    /// The marker the national systems accept when the number is truly unknown.
    package static let unknownMarker = "#"

    /// The weights of GB 11643-1999 for the first 17 digits.
    package static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// The check character for each value of the weighted sum modulo 11.
    package static let checkCharacters: [Character] = Array("10X98765432")

    /// The normalized text: 18 characters ending in a digit or an uppercase `X`, or `#`.
    package let text: String

    /// The birth date the number encodes; nil for `#`.
    package let birthDate: LocalDate?

    /// The 3-digit sequence number (顺序码); nil for `#`.
    package let sequence: Int?

    /// Whether this is the `#` marker rather than a real number.
    package var isUnknown: Bool { text == IdentityNumber.unknownMarker }

    /// The 6-digit area code (地址码); nil for `#`.
    package var areaCode: String? { isUnknown ? nil : String(text.prefix(6)) }

    /// The gender the sequence encodes (odd 男, even 女); nil for `#`.
    package var gender: Gender? {
        guard let sequence else { return nil }
        return sequence % 2 == 1 ? .male : .female
    }

    /// The normalized text.
    package var description: String { text }

    /// Parses a number, or returns nil when it is not a valid 18-character number nor `#`.
    package init?(_ text: String) {
        guard case .success(let number) = IdentityNumber.parse(text, field: "idNumber") else { return nil }
        self = number
    }

    private init(text: String, birthDate: LocalDate?, sequence: Int?) {
        self.text = text
        self.birthDate = birthDate
        self.sequence = sequence
    }

    /// Parses and checks a number supplied in `field`, refusing with a message that says what is wrong:
    /// the length or characters (reason `invalid_id_number`), the birth date (`invalid_id_birth_date`)
    /// or the check character, naming the expected one (`invalid_id_checksum`).
    package static func validate(_ text: String, field: String = "idNumber") throws(DomainError) -> IdentityNumber {
        try parse(text, field: field).get()
    }

    /// The check character for the first 17 digits of a number, or nil when `first17` is not 17 ASCII digits.
    package static func checkCharacter(for first17: String) -> Character? {
        var sum = 0
        var count = 0
        for byte in first17.utf8 {
            guard count < 17, (0x30...0x39).contains(byte) else { return nil }
            sum += Int(byte - 0x30) * weights[count]
            count += 1
        }
        guard count == 17 else { return nil }
        return checkCharacters[sum % 11]
    }

    private static func parse(_ raw: String, field: String) -> Result<IdentityNumber, DomainError> {
        let trimmed = raw.trimmedWhitespace
        let bytes = normalizedBytes(trimmed)
        if bytes == [0x23] {  // "#"
            return .success(IdentityNumber(text: unknownMarker, birthDate: nil, sequence: nil))
        }
        if let problem = formatProblem(trimmed, bytes: bytes) {
            return .failure(DomainError.invalid(field, problem, reason: "invalid_id_number"))
        }
        let digits = bytes.prefix(17).map { Int($0 - 0x30) }
        let text = String(decoding: bytes, as: UTF8.self)
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        guard let birth = LocalDate(year: year, month: month, day: day) else {
            let encoded = String(decoding: bytes[6..<14], as: UTF8.self)
            return .failure(
                DomainError.invalid(
                    field,
                    "身份证号“\(text)”中的出生日期 \(encoded) 不是真实日期（第 7-14 位应为 YYYYMMDD）",
                    reason: "invalid_id_birth_date"
                )
            )
        }
        var sum = 0
        for index in 0..<17 { sum += digits[index] * weights[index] }
        let expected = checkCharacters[sum % 11]
        let actual = Character(UnicodeScalar(bytes[17]))
        guard expected == actual else {
            return .failure(
                DomainError.invalid(
                    field,
                    "身份证号“\(text)”校验位错误：按前 17 位计算，最后一位应为 \(expected)，实际为 \(actual)；请核对号码",
                    reason: "invalid_id_checksum"
                )
            )
        }
        let sequence = digits[14] * 100 + digits[15] * 10 + digits[16]
        return .success(IdentityNumber(text: text, birthDate: birth, sequence: sequence))
    }

    /// The UTF-8 bytes with full-width digits, `Ｘ`, `ｘ`, `＃` and lowercase `x` folded to ASCII.
    private static func normalizedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(18)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x78: bytes.append(0x58)  // x → X
            case 0..<0x80: bytes.append(UInt8(scalar.value))
            case 0xFF10...0xFF19: bytes.append(UInt8(scalar.value - 0xFF10 + 0x30))
            case 0xFF38, 0xFF58: bytes.append(0x58)  // Ｘ ｘ → X
            case 0xFF03: bytes.append(0x23)  // ＃ → #
            default: bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Why the normalized bytes are not 17 digits plus a digit or `X`, in Chinese; nil when they are.
    private static func formatProblem(_ original: String, bytes: [UInt8]) -> String? {
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        if bytes.count == 18, bytes.prefix(17).allSatisfy(isDigit), isDigit(bytes[17]) || bytes[17] == 0x58 {
            return nil
        }
        if original.isEmpty {
            return "身份证号不能为空；确实不知道时填 #"
        }
        let upper = original.uppercased()
        if upper.contains("E+") || upper.contains("E17") {
            return "身份证号“\(original)”疑似被电子表格转换成了科学计数法，后几位已丢失；请将该列设为文本格式后重新填写"
        }
        if bytes.count == 15, bytes.allSatisfy(isDigit) {
            return "身份证号“\(original)”是 15 位旧号码，请填写 18 位号码（第二代居民身份证号）"
        }
        if !bytes.allSatisfy({ isDigit($0) || $0 == 0x58 }) {
            return "身份证号“\(original)”含有无效字符：应为 18 位，前 17 位为数字，最后一位为数字或 X；确实不知道时填 #"
        }
        if bytes.count != 18 {
            return "身份证号“\(original)”长度为 \(original.count) 位，应为 18 位；确实不知道时填 #"
        }
        return "身份证号“\(original)”格式无效：X 只能出现在最后一位"
    }
}
