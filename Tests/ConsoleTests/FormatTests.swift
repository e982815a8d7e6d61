import Foundation
import Testing
import Wire

@testable import partyadmin

/// The small conversions every renderer shares.
@Suite("Format")
struct FormatTests {
    /// orNone: nil and empty text show as '-'.
    @Test func orNone() {
        #expect(Format.orNone(String?.none) == "-")
        #expect(Format.orNone("") == "-")
        #expect(Format.orNone("0101") == "0101")
        #expect(Format.orNone(LocalDate?.none) == "-")
        #expect(Format.orNone(LocalDate(year: 2020, month: 7, day: 1)) == "2020-07-01")
        #expect(Format.orNone(Int64?.some(42)) == "42")
    }

    /// timestamp: the daemon's ISO 8601 time as wall-clock time, anything else unchanged.
    @Test func timestamp() {
        #expect(Format.timestamp("2024-07-01T09:30:00.000+08:00") == "2024-07-01 09:30:00")
        #expect(Format.timestamp("2024-07-01T09:30:05Z") == "2024-07-01 09:30:05")
        #expect(Format.timestamp("2024-07-01 09:30:00") == "2024-07-01 09:30:00")
        #expect(Format.timestamp("2024-07-01") == "2024-07-01")
        #expect(Format.timestamp("") == "")
    }

    /// duration: largest unit first, leading zero units left out, seconds always shown.
    @Test func duration() {
        #expect(Format.duration(seconds: 0) == "0秒")
        #expect(Format.duration(seconds: 59) == "59秒")
        #expect(Format.duration(seconds: 61) == "1分1秒")
        #expect(Format.duration(seconds: 3_600) == "1小时0分0秒")
        #expect(Format.duration(seconds: 86_400) == "1天0小时0分0秒")
        #expect(Format.duration(seconds: 90_061) == "1天1小时1分1秒")
        #expect(Format.duration(seconds: 200 * 86_400 + 59) == "200天0小时0分59秒")
    }

    /// role: Chinese labels of the protocol's role names; unknown names as sent.
    @Test func role() {
        #expect(Format.role("admin") == "系统管理员")
        #expect(Format.role("org-admin") == "组织管理员")
        #expect(Format.role("auditor") == "审计员")
        #expect(Format.role("member") == "党员")
        #expect(Format.role("root") == "root")
    }

    /// status: organization status labels.
    @Test func status() {
        #expect(Format.status(.active) == "正常")
        #expect(Format.status(.revoked) == "已撤销")
    }

    /// access: method requirement labels; unknown ones as sent.
    @Test func access() {
        #expect(Format.access("anyone") == "任何人")
        #expect(Format.access("account") == "任何账户")
        #expect(Format.access("system-admin") == "系统管理员")
        #expect(Format.access("read") == "范围内查看")
        #expect(Format.access("write") == "范围内修改")
        #expect(Format.access("self") == "党员本人")
        #expect(Format.access("other") == "other")
    }

    /// action: history method labels; unknown ones as sent.
    @Test func action() {
        #expect(Format.action("org.add") == "新建")
        #expect(Format.action("org.setKind") == "变更类别")
        #expect(Format.action("org.merge") == "合并")
        #expect(Format.action("member.move") == "支部间调整")
        #expect(Format.action("member.import") == "名册导入")
        #expect(Format.action("user.add") == "user.add")
    }

    /// flags: in declaration order, joined by '、'; none is empty text.
    @Test func flags() {
        #expect(Format.flags([.lostContact, .hardship]) == "困难党员、失联")
        #expect(Format.flags([.flowing, .lostContact, .hardship]) == "困难党员、流动党员、失联")
        #expect(Format.flags([.flowing]) == "流动党员")
        #expect(Format.flags([]) == "")
    }
}

/// Whatever the daemon sends, the console's output cannot act on the terminal.
@Suite("The console escapes what a terminal would act on")
struct VisibleOutputTests {
    @Test func controlsBidiAndZeroWidthAreEscaped() {
        #expect(Printer.visible("张三\u{1B}]0;x\u{07}\u{1B}[2J") == "张三\\u001B]0;x\\u0007\\u001B[2J")
        #expect(Printer.visible("王\u{202E}五\u{200B}") == "王\\u202E五\\u200B")
        #expect(Printer.visible("a\u{0}b\rc\td\u{85}") == "a\\u0000b\\u000Dc\\u0009d\\u0085")
    }

    @Test func ordinaryTextAndLineBreaksStayAsTheyAre() {
        let text = "宁波市委\n  第一党支部（0101）\t"
        #expect(Printer.visible("宁波市委\n  第一党支部（0101）") == "宁波市委\n  第一党支部（0101）")
        #expect(Printer.visible(text).hasSuffix("\\u0009"))
    }

    @Test func jsonStaysValidWithTheSameValues() throws {
        let json = try Printer.json(["name": "王\u{202E}五\u{85}"])
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(Printer.visible(json).utf8))
        #expect(decoded["name"] == "王\u{202E}五\u{85}")
    }
}
