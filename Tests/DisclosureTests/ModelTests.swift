import Foundation
import Testing
@testable import Disclosure

@Suite struct DocumentNumberTests {
    @Test(arguments: [
        ("127/KH-UBND", 127, nil as Int?, "KH" as String?, "UBND", false),
        ("127 /KH-UBND", 127, nil, "KH", "UBND", true),
        ("05/2024/QĐ-UBND", 5, 2024, "QĐ", "UBND", false),
        ("45/UBND-VP", 45, nil, nil, "UBND-VP", false),
        ("3/QyĐ-UBND", 3, nil, "QyĐ", "UBND", false),
        ("Số: 566 /TB-UBND", 566, nil, "TB", "UBND", true),
    ])
    func parses(text: String, number: Int, year: Int?, type: String?, issuer: String, spaces: Bool) throws {
        let parsed = try DocumentNumber.parse(text).get()
        #expect(parsed.value.number == number)
        #expect(parsed.value.year == year)
        #expect(parsed.value.typeCode == type)
        #expect(parsed.value.issuerCode == issuer)
        #expect(parsed.hadStraySpaces == spaces)
        #expect(parsed.unknownTypeCode == nil)
    }

    @Test func canonicalFormDropsSpacesAndKeepsPadding() throws {
        #expect(try DocumentNumber.parse("05 / 2024 / QĐ-UBND").get().value.description == "05/2024/QĐ-UBND")
    }

    @Test func unknownTypeCodeNamesTheClosestKnownOne() throws {
        let parsed = try DocumentNumber.parse("12/QD-UBND").get()
        #expect(parsed.unknownTypeCode == .unknownTypeCode("QD", suggestion: "QĐ"))
    }

    @Test(arguments: ["0/KH-UBND", "KH-UBND", "12/KH", "abc/KH-UBND", "12/24/KH-UBND", "", "1/2/3/4"])
    func rejects(text: String) {
        #expect((try? DocumentNumber.parse(text).get()) == nil)
    }
}

@Suite struct DayParsingTests {
    @Test(arguments: ["2024-01-30", "30/01/2024", "30/1/2024", "ngày 30 tháng 01 năm 2024",
                      "Ngày 30 tháng 1 năm 2024", "ngày  30  tháng 01 năm 2024"])
    func acceptsEveryForm(text: String) {
        #expect(DayParsing.parse(text) == Day(year: 2024, month: 1, day: 30))
    }

    @Test(arguments: ["31/02/2024", "2024-13-01", "30.01.2024", "01/30/2024x", "0000-01-01", "30/01/99999",
                      "tomorrow", "", "25./2/2024", "2024-1-30-1"])
    func rejectsAnythingElse(text: String) {
        #expect(DayParsing.parse(text) == nil)
    }

    @Test func leapDays() {
        #expect(DayParsing.parse("29/02/2024") != nil)
        #expect(DayParsing.parse("29/02/2023") == nil)
    }

    @Test func timesOfDay() {
        #expect(DayParsing.parseTime("16:30") == TimeOfDay(hour: 16, minute: 30))
        #expect(DayParsing.parseTime("16 giờ 30 phút") == TimeOfDay(hour: 16, minute: 30))
        #expect(DayParsing.parseTime("14h") == TimeOfDay(hour: 14, minute: 0))
        #expect(DayParsing.parseTime("25:00") == nil)
    }
}

@Suite struct DayTests {
    @Test func ordinalRoundTripsAndWeekdays() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let ordinal = Int.random(in: 0...3_652_000, using: &rng)
            let day = Day(ordinal: ordinal)
            #expect(day.ordinal == ordinal)
            #expect(Day(year: day.year, month: day.month, day: day.day) == day)
            #expect(day.adding(days: 1).weekday.rawValue == day.weekday.rawValue % 7 + 1)
        }
        #expect(Day(year: 2024, month: 2, day: 25)!.weekday == .sunday)
        #expect(Day(year: 2024, month: 2, day: 5)!.weekday == .monday)
        #expect(Day(year: 1, month: 1, day: 1)!.ordinal == 0)
    }

    @Test func todayIsTheCommunesDayNotTheMachines() {
        // 2024-02-04 18:30 UTC is already 5 February in Hà Nội (UTC+7).
        let instant = Date(timeIntervalSince1970: 1_707_071_400)
        #expect(Day.today(in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, now: instant) == Day(year: 2024, month: 2, day: 5))
        #expect(Day.today(in: TimeZone(identifier: "UTC")!, now: instant) == Day(year: 2024, month: 2, day: 4))
    }
}

@Suite struct CategoryAndFoldingTests {
    @Test func categories() throws {
        #expect(try DisclosureCategory.parse("law-11.4").get().description == "law-11.4")
        #expect(try DisclosureCategory.parse("agency-6.12").get().item == 12)
        #expect(DisclosureCategory.parse("law-11.15") == .failure(.outOfRange(.law, 15)))
        #expect(DisclosureCategory.parse("agency-6.0") == .failure(.outOfRange(.agency, 0)))
        #expect(DisclosureCategory.parse("law-12.1") == .failure(.malformed))
    }

    @Test func foldingAndSlugs() {
        #expect(TextFolding.fold("Đông Sơn") == "dong son")
        #expect(TextFolding.fold("DÂN CHỦ") == "dan chu")
        #expect(TextFolding.slug("2024 127/KH-UBND") == "2024-127-kh-ubnd")
        #expect(TextFolding.slug("Biên bản họp") == "bien-ban-hop")
        // NFD input folds the same as NFC.
        #expect(TextFolding.fold("d\u{0323}\u{0302}") == TextFolding.fold("ộ").replacingOccurrences(of: "o", with: "d"))
    }

    @Test func frontMatterSplitKeepsLineNumbers() throws {
        let fm = try FrontMatter.split("---\na: 1\nb: 2\n---\n\nBody\n").get()
        #expect(fm.yaml == "a: 1\nb: 2")
        #expect(fm.yamlLine == 2)
        #expect(fm.bodyLine == 5)
        #expect(FrontMatter.split("no front matter") == .failure(.missing))
        #expect(FrontMatter.split("---\na: 1\n") == .failure(.unclosed))
    }
}
