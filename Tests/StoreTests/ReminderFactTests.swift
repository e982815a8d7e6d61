import Domain
import Foundation
import Testing

@testable import Store

/// The member-date facts the reminder rules read: a day, a month and the probationers, among members on the roll,
/// answered through v15's indexes with the same results as the plain LIKE.
@Suite("Reminder facts: members' dates")
struct ReminderFactTests {
    /// One member's dates.
    private struct Row {
        var name: String
        var birth: String
        var join: String
        var probationary = false
        var onRoll = true
    }

    private static let rows = [
        Row(name: "甲", birth: "1980-11-24", join: "2000-11-24"),
        Row(name: "乙", birth: "1990-11-05", join: "2010-03-01"),
        Row(name: "丙", birth: "1984-02-29", join: "2004-11-30"),
        Row(name: "丁", birth: "1985-11-24", join: "2005-11-24", onRoll: false),
        Row(name: "戊", birth: "1999-12-24", join: "2026-01-10", probationary: true),
        Row(name: "己", birth: "1998-11-24", join: "2026-02-10", probationary: true, onRoll: false),
    ]

    private static func withMembers(_ body: (SQLiteStore) async throws -> Void) async throws {
        try await StoreTests.withStore { store in
            try await store.change { tx in
                let branch = try tx.insertOrganization(
                    NewOrganization(code: "A", name: "支部", kind: .branch, parent: nil)
                )
                for row in Self.rows {
                    let join = LocalDate(row.join)
                    _ = try tx.insertMember(
                        Member(
                            id: 0,
                            name: row.name,
                            gender: .male,
                            birthDate: LocalDate(row.birth)!,
                            idNumber: "#",
                            joinDate: join,
                            probationStart: join,
                            fullDate: row.probationary ? nil : join?.adding(years: 1),
                            category: row.probationary ? .probationary : .full,
                            orgID: branch.id,
                            status: row.onRoll ? .active : .deceased,
                            leftOn: row.onRoll ? nil : LocalDate(year: 2026, month: 3, day: 1)
                        )
                    )
                }
            }
            try await body(store)
        }
    }

    private static func names(
        _ store: SQLiteStore,
        _ column: MemberDateColumn,
        _ pattern: String
    ) async throws
        -> [String]
    {
        try await store.read { tx in try tx.memberDates(column, like: pattern).map(\.name) }
    }

    @Test func aDayAMonthAndTheProbationersAmongMembersOnTheRoll() async throws {
        try await Self.withMembers { store in
            #expect(try await Self.names(store, .birth, "%-11-24") == ["甲"])
            #expect(try await Self.names(store, .birth, "%-11-%") == ["甲", "乙"])
            #expect(try await Self.names(store, .birth, "%-02-29") == ["丙"])
            #expect(try await Self.names(store, .join, "%-11-24") == ["甲"])
            #expect(try await Self.names(store, .join, "%-11-%") == ["甲", "丙"])
            #expect(try await Self.names(store, .probationStart, "%") == ["戊"])
            // Any other pattern is the plain LIKE.
            #expect(try await Self.names(store, .birth, "%") == ["甲", "乙", "丙", "戊"])
            #expect(try await Self.names(store, .birth, "198%") == ["甲", "丙"])
            let dates = try await store.read { tx in try tx.memberDates(.birth, like: "%-02-29").map(\.date) }
            #expect(dates == [LocalDate(year: 1984, month: 2, day: 29)])
        }
    }

    @Test func patternsAndStoredDatesAreReadExactly() {
        #expect(SQLiteAccess.monthDayPattern("%-11-24")! == ("11", "24"))
        #expect(SQLiteAccess.monthDayPattern("%-01-%")! == ("01", nil))
        for other in ["%", "%-1-24", "%-11-2", "%-11-24%", "2026-11-24", "%-ab-%", "%-11-%%"] {
            #expect(SQLiteAccess.monthDayPattern(other) == nil)
        }
        #expect(SQLiteAccess.storedDate("2026-11-24") == LocalDate(year: 2026, month: 11, day: 24))
        #expect(SQLiteAccess.storedDate("2025-02-29") == nil)
        #expect(SQLiteAccess.storedDate("2026/11/24") == LocalDate(year: 2026, month: 11, day: 24))
        #expect(SQLiteAccess.storedDate("20261124") == LocalDate(year: 2026, month: 11, day: 24))
    }
}
