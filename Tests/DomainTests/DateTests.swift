import Domain
import Testing

@Suite("LocalDate")
struct DateTests {
    @Test(
        "impossible dates are refused",
        arguments: [
            "2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
            "24-01-01", "2024-1-1-1", "", "二〇二四年", "2024/02/30", "20230229",
        ]
    )
    func impossible(text: String) {
        #expect(LocalDate(text) == nil)
        #expect(
            Sample.refusal { _ = try LocalDate.parse(text, field: "birthDate", label: "出生日期") }?.reason
                == "invalid_date"
        )
    }

    @Test(
        "real dates in the accepted spellings",
        arguments: [
            ("2024-02-29", "2024-02-29"), ("2000-02-29", "2000-02-29"), ("2024/2/9", "2024-02-09"),
            ("20240229", "2024-02-29"), (" 1949-10-01 ", "1949-10-01"),
        ]
    )
    func accepted(text: String, expected: String) throws {
        let date = try #require(LocalDate(text))
        #expect(date.description == expected)
    }

    @Test(
        "adding months clamps to the end of the month",
        arguments: [
            ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"), ("2024-03-31", 1, "2024-04-30"),
            ("2024-08-31", -6, "2024-02-29"), ("2024-11-15", 3, "2025-02-15"), ("2024-01-15", -1, "2023-12-15"),
        ]
    )
    func addingMonths(start: String, months: Int, expected: String) {
        #expect(Sample.date(start).adding(months: months) == Sample.date(expected))
    }

    @Test("a leap day plus a year is the last day of February")
    func addingYears() {
        #expect(Sample.date("2024-02-29").adding(years: 1) == Sample.date("2025-02-28"))
        #expect(Sample.date("2024-02-29").adding(years: 4) == Sample.date("2028-02-29"))
        #expect(Sample.date("2024-12-31").adding(days: 1) == Sample.date("2025-01-01"))
    }

    @Test(
        "whole years count a birthday only once it is reached",
        arguments: [
            ("1990-05-15", "2008-05-14", 17), ("1990-05-15", "2008-05-15", 18), ("2000-02-29", "2018-02-28", 17),
            ("2000-02-29", "2018-03-01", 18), ("1990-05-15", "1990-05-15", 0),
        ]
    )
    func wholeYears(birth: String, on day: String, expected: Int) {
        #expect(Sample.date(birth).wholeYears(until: Sample.date(day)) == expected)
    }

    @Test("days since the epoch round-trip")
    func epochRoundTrip() {
        for text in ["1900-01-01", "1970-01-01", "2000-02-29", "2025-06-30", "1880-01-01"] {
            let date = Sample.date(text)
            #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        }
        #expect(Sample.date("1970-01-02").daysSinceEpoch == 1)
    }
}
