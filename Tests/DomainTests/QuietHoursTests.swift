import Domain
import Foundation
import Testing

@Suite("Quiet hours")
struct QuietHoursTests {
    let zone = TimeZone(identifier: "Asia/Shanghai")!

    /// 2026-11-23 at `hour:minute` in Shanghai.
    func at(_ hour: Int, _ minute: Int = 0, day: Int = 23) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!
    }

    @Test func aWindowAcrossMidnightEndsTheNextMorning() {
        let quiet = QuietHours.standard
        #expect(quiet.end(ofWindowContaining: at(21, 59), in: zone) == nil)
        #expect(quiet.end(ofWindowContaining: at(22, 0), in: zone) == at(8, day: 24))
        #expect(quiet.end(ofWindowContaining: at(23, 30), in: zone) == at(8, day: 24))
        #expect(quiet.end(ofWindowContaining: at(3, 0), in: zone) == at(8))
        #expect(quiet.end(ofWindowContaining: at(8, 0), in: zone) == nil)
    }

    @Test func aDaytimeWindowAndAnEmptyOne() {
        let lunch = QuietHours(start: 12 * 60, end: 13 * 60 + 30)
        #expect(lunch.end(ofWindowContaining: at(12, 15), in: zone) == at(13, 30))
        #expect(lunch.end(ofWindowContaining: at(13, 30), in: zone) == nil)
        #expect(QuietHours(start: 600, end: 600).end(ofWindowContaining: at(10), in: zone) == nil)
    }

    @Test func timesAreParsedStrictly() throws {
        #expect(try QuietHours.parseTime("22:00", field: "from") == 1320)
        #expect(try QuietHours.parseTime("08:05", field: "to") == 485)
        for bad in ["24:00", "8", "8:5", "ab:cd", "12:60"] {
            #expect(Sample.refusal { _ = try QuietHours.parseTime(bad, field: "from") }?.reason == "invalid_time")
        }
        #expect(QuietHours.standard.description == "22:00–08:00")
    }
}
