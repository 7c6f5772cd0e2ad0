import Disclosure
import Testing
@testable import Compliance


private let file = "Content/holidays.yml"

@Suite("Calendar: holiday data (embedded and Content/holidays.yml)")
struct CalendarHolidayDataTests {
    @Test("The embedded 2024–2026 data parses without errors or warnings")
    func embeddedData() {
        let parsed = HolidaySchedule.parse(yaml: VietnamHolidayData.yaml, file: "holidays-vn.yml")
        #expect(parsed.errors.isEmpty)
        #expect(parsed.warnings.isEmpty)
        let schedule = HolidaySchedule.vietnam
        #expect(schedule.officialYears.keys.sorted() == [2024, 2025, 2026])
        #expect(schedule.holidays(in: 2024).nonWorking.count == 5)
        #expect(schedule.holidays(in: 2026).workingSaturdays.map(\.date) == [day("10/01/2026"), day("22/08/2026")])
        let tet2024 = schedule.holidays(in: 2024).nonWorking[1]
        #expect(tet2024.name == "Tết Nguyên đán Giáp Thìn 2024")
        #expect(tet2024.from == day("08/02/2024") && tet2024.to == day("14/02/2024"))
        #expect(tet2024.weekdayDaysOff == ["08/02/2024", "09/02/2024", "12/02/2024", "13/02/2024", "14/02/2024"].map(day))
        #expect(tet2024.legalSource.contains("8662/VPCP-KGVX"))
        #expect(!tet2024.estimated)
        #expect(schedule.holidays(in: 2027).estimated)
        // Every official year gives at least the 11 weekdays off of Art. 112 (fewer when a
        // holiday falls on a weekend and is compensated, never fewer than 11 in total).
        for year in 2024...2026 {
            #expect(schedule.holidays(in: year).nonWorking.flatMap(\.weekdayDaysOff).count >= 11)
        }
    }

    @Test("A commune year replaces the default year; other years stay")
    func overrideReplacesYear() {
        let yaml = """
        2024:
          non_working:
            - name: "Nghỉ Tết theo thông báo riêng"
              from: 2024-02-10
              to: 2024-02-18
              legal_source: "Thông báo 12/TB-UBND"
          working_saturdays: []
        2027:
          non_working:
            - name: "Tết Nguyên đán Đinh Mùi 2027"
              from: 05/02/2027
              to: 14/02/2027
              weekday_days_off: [2027-02-05, 2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11, 2027-02-12]
              legal_source: "Văn bản giả định"
              verified: no
        """
        let parsed = HolidaySchedule.parse(yaml: yaml, file: file)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.warnings.isEmpty)
        let calendar = WorkingDayCalendar(schedule: HolidaySchedule.vietnam.merging(parsed.schedule))
        // 2024 is the commune's now: 08/02 is a working day, 16/02 is off, 29/04 works again.
        #expect(calendar.isWorkingDay(day("08/02/2024")))
        #expect(calendar.dayOff(day("16/02/2024"))?.label == "Nghỉ Tết theo thông báo riêng")
        #expect(calendar.isWorkingDay(day("29/04/2024")))
        #expect(!calendar.isWorkingDay(day("04/05/2024")))  // no làm-bù Saturday in the commune's 2024
        // 2025 keeps the national data; 2027 becomes official.
        #expect(!calendar.isWorkingDay(day("27/01/2025")))
        #expect(!calendar.isEstimated(day("01/03/2027")))
        #expect(calendar.isWorkingDay(day("01/01/2027")))  // the commune's 2027 lists no 01/01
        #expect(calendar.dayOff(day("12/02/2027"))?.estimated == false)
    }

    @Test("The full holidays-vn.yml layout (top-level `years:`) is read too")
    func yearsWrapper() {
        let yaml = """
        weekly_rest:
          days: [Saturday, Sunday]
        years:
          2030:
            non_working:
              - {name: "Quốc khánh 2030", from: 2030-08-31, to: 2030-09-03, legal_source: "VPCP"}
        """
        let parsed = HolidaySchedule.parse(yaml: yaml, file: file)
        #expect(parsed.errors.isEmpty)
        let period = parsed.schedule.holidays(in: 2030).nonWorking[0]
        // Without weekday_days_off, every weekday of the break is off.
        #expect(period.weekdayDaysOff == [day("02/09/2030"), day("03/09/2030")])
    }

    @Test("A bad date is reported at its line and column")
    func badDate() {
        let yaml = """
        2027:
          non_working:
            - name: "Tết Nguyên đán Đinh Mùi 2027"
              from: 2027-02-05
              to: 2027-02-30
              legal_source: "Văn bản giả định"
        """
        let parsed = HolidaySchedule.parse(yaml: yaml, file: file)
        #expect(parsed.errors.count == 1)
        let error = parsed.errors.first
        #expect(error?.file == file)
        #expect(error?.line == 5)
        #expect(error?.column == 11)
        #expect(error?.message.contains("2027-02-30") == true)
        #expect(error?.description.hasPrefix("Content/holidays.yml:5:11: ") == true)
        #expect(parsed.schedule.holidays(in: 2027).nonWorking.isEmpty)
    }

    @Test("from after to, days off outside the break, a working 'Saturday' that is not one")
    func inconsistentEntries() {
        let yaml = """
        2027:
          non_working:
            - name: "Ngược"
              from: 2027-05-03
              to: 2027-04-30
              legal_source: "X"
            - name: "Ngoài khoảng"
              from: 2027-09-01
              to: 2027-09-02
              weekday_days_off: [2027-09-01, 2027-09-03]
              legal_source: "X"
          working_saturdays:
            - date: 2027-05-09
              swapped_with: 2027-05-03
              legal_source: "X"
        """
        let parsed = HolidaySchedule.parse(yaml: yaml, file: file)
        #expect(parsed.errors.map(\.line) == [5, 10, 13])
        #expect(parsed.errors[0].message.contains("before"))
        #expect(parsed.errors[1].message.contains("outside the break"))
        #expect(parsed.errors[2].message.contains("not a Saturday"))
    }

    @Test("Missing fields, a bad year, unknown keys and broken YAML")
    func otherProblems() {
        let missing = HolidaySchedule.parse(yaml: """
        2027:
          non_working:
            - name: "Thiếu ngày"
              legal_sorce: "X"
        20x7:
          non_working: []
        """, file: file)
        #expect(missing.errors.map(\.line) == [3, 3, 3, 5])
        #expect(missing.errors.map(\.message).contains { $0.contains("missing `from`") })
        #expect(missing.warnings.map(\.message) == ["unknown key `legal_sorce` is ignored — did you mean `legal_source`?"])
        #expect(missing.warnings.first?.line == 4)

        let broken = HolidaySchedule.parse(yaml: "2027:\n  non_working: [\n    - name: x\n", file: file)
        #expect(broken.errors.count == 1)
        #expect(broken.errors.first?.line ?? 0 > 0)

        let duplicate = HolidaySchedule.parse(yaml: "2027:\n  non_working: []\n2027:\n  non_working: []\n", file: file)
        #expect(duplicate.errors.first?.message.contains("twice") == true)

        #expect(HolidaySchedule.parse(yaml: "", file: file).errors.isEmpty)
    }
}
