import Domain
import Testing

@Suite("居民身份证号码 (GB 11643-1999)")
struct IdentityNumberTests {
    @Test(
        "the vectors of domain.md are valid, with their birth date and gender",
        arguments: [
            ("11010519491231002X", "1949-12-31", Gender.female, "110105"),
            ("440524188001010014", "1880-01-01", Gender.male, "440524"),
            ("370101190102039973", "1901-02-03", Gender.male, "370101"),
        ]
    )
    func validVectors(text: String, birth: String, gender: Gender, area: String) throws {
        let number = try IdentityNumber.validate(text)
        #expect(number.text == text)
        #expect(number.birthDate == Sample.date(birth))
        #expect(number.gender == gender)
        #expect(number.areaCode == area)
        #expect(!number.isUnknown)
        #expect(IdentityNumber(text) == number)
    }

    @Test("a lowercase, full-width or padded x is normalized to X")
    func normalizesX() throws {
        #expect(try IdentityNumber.validate("11010519491231002x").text == "11010519491231002X")
        #expect(try IdentityNumber.validate(" 11010519491231002X\t").text == "11010519491231002X")
        #expect(try IdentityNumber.validate("11010519491231002ｘ").text == "11010519491231002X")
        #expect(try IdentityNumber.validate("１１０１０５１９４９１２３１００２Ｘ").text == "11010519491231002X")
    }

    @Test("# means truly unknown: valid, with no birth date or gender")
    func unknownMarker() throws {
        let number = try IdentityNumber.validate("#")
        #expect(number.isUnknown)
        #expect(number.text == "#")
        #expect(number.birthDate == nil)
        #expect(number.gender == nil)
        #expect(number.sequence == nil)
        #expect(number.areaCode == nil)
        #expect(try IdentityNumber.validate(" ＃ ").isUnknown)
    }

    @Test("the sequence decides the gender: odd male, even female")
    func genderFromSequence() throws {
        #expect(try IdentityNumber.validate(Sample.idNumber(birth: "19900515", sequence: "001")).gender == .male)
        #expect(try IdentityNumber.validate(Sample.idNumber(birth: "19900515", sequence: "002")).gender == .female)
        #expect(try IdentityNumber.validate(Sample.idNumber(birth: "19900515", sequence: "999")).sequence == 999)
    }

    @Test(
        "malformed numbers are refused as invalid_id_number",
        arguments: [
            "", "1101051949123100", "11010519491231002X1", "1101051949123100XX", "X1010519491231002X",
            "11010519491231002Y", "110105-1949123100", "110105194912310", "1.10105E+17", "张三",
        ]
    )
    func malformed(text: String) {
        let error = Sample.refusal { _ = try IdentityNumber.validate(text, field: "身份证号") }
        #expect(error?.reason == "invalid_id_number")
        #expect(error?.field == "身份证号")
        #expect(error?.kind == .invalid)
        #expect(IdentityNumber(text) == nil)
    }

    @Test("the messages say what is wrong")
    func messages() {
        let short = Sample.refusal { _ = try IdentityNumber.validate("1101051949") }
        #expect(short?.message.contains("长度为 10 位，应为 18 位") == true)
        let old = Sample.refusal { _ = try IdentityNumber.validate("110105491231002") }
        #expect(old?.message.contains("15 位旧号码") == true)
        let scientific = Sample.refusal { _ = try IdentityNumber.validate("1.10105E+17") }
        #expect(scientific?.message.contains("科学计数法") == true)
        let empty = Sample.refusal { _ = try IdentityNumber.validate("") }
        #expect(empty?.message.contains("不能为空") == true)
    }

    @Test(
        "an impossible birth date is refused as invalid_id_birth_date",
        arguments: ["19490230", "19491301", "19490001", "20230229", "00000101"]
    )
    func badBirthDate(birth: String) {
        let text = Sample.idNumber(birth: birth, sequence: "001")
        let error = Sample.refusal { _ = try IdentityNumber.validate(text) }
        #expect(error?.reason == "invalid_id_birth_date")
        #expect(error?.message.contains(birth) == true)
    }

    @Test("a leap day is a real birth date in a leap year")
    func leapDay() throws {
        let number = try IdentityNumber.validate(Sample.idNumber(birth: "20000229", sequence: "002"))
        #expect(number.birthDate == Sample.date("2000-02-29"))
    }

    @Test("a wrong check character is refused, naming the expected one")
    func badChecksum() {
        let error = Sample.refusal { _ = try IdentityNumber.validate("110105194912310021") }
        #expect(error?.reason == "invalid_id_checksum")
        #expect(error?.field == "idNumber")
        #expect(error?.message.contains("应为 X") == true)
        #expect(error?.message.contains("实际为 1") == true)
        let other = Sample.refusal { _ = try IdentityNumber.validate("44052418800101001X") }
        #expect(other?.reason == "invalid_id_checksum")
        #expect(other?.message.contains("应为 4") == true)
    }

    @Test("checkCharacter computes the check for 17 digits and refuses anything else")
    func checkCharacter() {
        #expect(IdentityNumber.checkCharacter(for: "11010519491231002") == "X")
        #expect(IdentityNumber.checkCharacter(for: "44052418800101001") == "4")
        #expect(IdentityNumber.checkCharacter(for: "37010119010203997") == "3")
        #expect(IdentityNumber.checkCharacter(for: "1101051949123100") == nil)
        #expect(IdentityNumber.checkCharacter(for: "110105194912310021") == nil)
        #expect(IdentityNumber.checkCharacter(for: "1101051949123100A") == nil)
    }

    @Test("every generated number validates, for many sequences")
    func generatedNumbersValidate() throws {
        for sequence in stride(from: 0, through: 999, by: 37) {
            let digits = String(sequence)
            let padded = String(repeating: "0", count: 3 - digits.count) + digits
            let text = Sample.idNumber(birth: "19851107", sequence: padded, area: "320102")
            let number = try IdentityNumber.validate(text)
            #expect(number.sequence == sequence)
            #expect(number.description == text)
        }
    }
}
