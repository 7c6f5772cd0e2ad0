import Disclosure
import Testing
@testable import Compliance


private let calendar = WorkingDayCalendar(schedule: .vietnam)
private let calendarWithoutSwappedSaturdays = WorkingDayCalendar(schedule: .vietnam, countsSwappedSaturdays: false)

/// The "Worked examples" table of shared/domain/RULES.md, exact days.
@Suite("Calendar: RULES.md worked examples")
struct CalendarWorkedExampleTests {
    @Test("P1: posted 05/02/2024 for 20 days ends 25/02 (Sun) → 26/02")
    func p1() {
        let period = calendar.period(of: 20, from: day("05/02/2024"))
        #expect(period.nominalEnd == day("25/02/2024"))
        #expect(period.legalEnd == day("26/02/2024"))
        #expect(period.inclusiveEnd == day("24/02/2024"))
        #expect(period.isShifted)
        #expect(period.skipped.map(\.description) == ["25/02: nghỉ cuối tuần (Chủ nhật)"])
        #expect(!period.estimated)
        #expect(period.description == "05/02/2024 + 20 ngày = 25/02/2024 → 26/02/2024 (25/02: nghỉ cuối tuần (Chủ nhật))")
    }

    @Test("P2: posted 01/04/2024 for 30 days ends 01/05 (holiday) → 02/05")
    func p2() {
        let period = calendar.period(of: 30, from: day("01/04/2024"))
        #expect(period.nominalEnd == day("01/05/2024"))
        #expect(period.legalEnd == day("02/05/2024"))
        #expect(period.inclusiveEnd == day("30/04/2024"))
        #expect(period.skipped.map(\.description) == ["01/05: Ngày Chiến thắng 30/4 và Quốc tế lao động 1/5 năm 2024"])
        // The inclusive count lands on 30/04, a holiday too: Art. 148(5) also gives 02/05.
        #expect(calendar.dayOff(period.inclusiveEnd) != nil)
        #expect(calendar.nextWorkingDay(after: period.inclusiveEnd) == day("02/05/2024"))
    }

    struct Deadline: Sendable, CustomTestStringConvertible {
        let name: String
        let decision: String
        let withSwappedSaturdays: String
        let withoutSwappedSaturdays: String
        var testDescription: String { "\(name): decision \(decision)" }
    }

    static let deadlines: [Deadline] = [
        Deadline(name: "D1", decision: "26/02/2024", withSwappedSaturdays: "04/03/2024", withoutSwappedSaturdays: "04/03/2024"),
        Deadline(name: "D2", decision: "30/01/2024", withSwappedSaturdays: "06/02/2024", withoutSwappedSaturdays: "06/02/2024"),
        Deadline(name: "D3", decision: "05/02/2024", withSwappedSaturdays: "19/02/2024", withoutSwappedSaturdays: "19/02/2024"),
        Deadline(name: "D4", decision: "07/02/2024", withSwappedSaturdays: "21/02/2024", withoutSwappedSaturdays: "21/02/2024"),
        Deadline(name: "D5", decision: "25/04/2024", withSwappedSaturdays: "06/05/2024", withoutSwappedSaturdays: "07/05/2024"),
        Deadline(name: "D6", decision: "02/05/2024", withSwappedSaturdays: "08/05/2024", withoutSwappedSaturdays: "09/05/2024"),
        Deadline(name: "D7", decision: "12/02/2026", withSwappedSaturdays: "26/02/2026", withoutSwappedSaturdays: "26/02/2026"),
    ]

    @Test("5 working days after a decision, làm-bù Saturdays counted or not", arguments: deadlines)
    func fiveWorkingDays(_ example: Deadline) {
        let on = calendar.addingWorkingDays(5, to: day(example.decision))
        let off = calendarWithoutSwappedSaturdays.addingWorkingDays(5, to: day(example.decision))
        #expect(on.deadline == day(example.withSwappedSaturdays))
        #expect(off.deadline == day(example.withoutSwappedSaturdays))
        #expect(on.counted.count == 5 && off.counted.count == 5)
        #expect(!on.estimated && !off.estimated)
    }

    @Test("D1: the counted days are 27, 28, 29/02, 01/03, 04/03")
    func d1Trace() {
        let count = calendar.addingWorkingDays(5, to: day("26/02/2024"))
        #expect(count.counted == ["27/02/2024", "28/02/2024", "29/02/2024", "01/03/2024", "04/03/2024"].map(day))
        #expect(count.skipped.map(\.description) == ["02/03–03/03: nghỉ cuối tuần"])
    }

    @Test("D3: Tết 08/02–14/02 and a weekend are skipped, by name")
    func d3Trace() {
        let count = calendar.addingWorkingDays(5, to: day("05/02/2024"))
        #expect(count.counted == ["06/02/2024", "07/02/2024", "15/02/2024", "16/02/2024", "19/02/2024"].map(day))
        #expect(count.skipped.map(\.description) == [
            "08/02–14/02: Tết Nguyên đán Giáp Thìn 2024",
            "17/02–18/02: nghỉ cuối tuần",
        ])
        #expect(count.description == "05/02/2024 + 5 ngày làm việc = 19/02/2024 (bỏ qua 08/02–14/02: Tết Nguyên đán Giáp Thìn 2024; 17/02–18/02: nghỉ cuối tuần)")
    }

    @Test("D5: the làm-bù Saturday 04/05/2024 counts only when the switch is on")
    func d5Trace() {
        let on = calendar.addingWorkingDays(5, to: day("25/04/2024"))
        #expect(on.counted == ["26/04/2024", "02/05/2024", "03/05/2024", "04/05/2024", "06/05/2024"].map(day))
        #expect(on.skipped.map(\.description) == [
            "27/04–01/05: Ngày Chiến thắng 30/4 và Quốc tế lao động 1/5 năm 2024",
            "05/05: nghỉ cuối tuần (Chủ nhật)",
        ])
        let off = calendarWithoutSwappedSaturdays.addingWorkingDays(5, to: day("25/04/2024"))
        #expect(off.skipped.map(\.description).last == "04/05–05/05: nghỉ cuối tuần")
    }

    @Test("D7: Tết Bính Ngọ 2026 closes offices 14/02–22/02")
    func d7Trace() {
        let count = calendar.addingWorkingDays(5, to: day("12/02/2026"))
        #expect(count.skipped.map(\.description) == ["14/02–22/02: Tết Nguyên đán Bính Ngọ 2026"])
    }

    @Test("Why a day is off")
    func dayOffReasons() {
        #expect(calendar.dayOff(day("19/02/2024")) == nil)
        #expect(calendar.dayOff(day("25/02/2024"))?.reason == .weekend(.sunday))
        // A weekend inside a break belongs to the break.
        #expect(calendar.dayOff(day("10/02/2024"))?.label == "Tết Nguyên đán Giáp Thìn 2024")
        // The swapped Monday 29/04/2024 is off; the Saturday 04/05/2024 is worked instead.
        #expect(calendar.dayOff(day("29/04/2024"))?.label == "Ngày Chiến thắng 30/4 và Quốc tế lao động 1/5 năm 2024")
        #expect(calendar.isWorkingDay(day("04/05/2024")))
        #expect(!calendarWithoutSwappedSaturdays.isWorkingDay(day("04/05/2024")))
        // Giỗ Tổ 2026 falls on a Sunday: Monday 27/04 is given off (Art. 111(3)).
        #expect(!calendar.isWorkingDay(day("27/04/2026")))
        #expect(calendar.nextWorkingDay(after: day("24/04/2026")) == day("28/04/2026"))
    }

    @Test("Counting back: working days between two days")
    func countingWorkingDays() {
        #expect(calendar.workingDays(after: day("05/02/2024"), through: day("19/02/2024")) == 5)
        #expect(calendar.workingDays(after: day("19/02/2024"), through: day("05/02/2024")) == -5)
        #expect(calendar.workingDays(after: day("08/02/2024"), through: day("14/02/2024")) == 0)
        #expect(calendar.addingWorkingDays(0, to: day("10/02/2024")).deadline == day("10/02/2024"))
    }

    @Test("Years without official data are flagged as estimated")
    func estimatedYears() {
        #expect(!calendar.isEstimated(day("31/12/2026")))
        #expect(calendar.isEstimated(day("01/01/2027")))
        let count = calendar.addingWorkingDays(5, to: day("28/12/2026"))
        #expect(count.deadline == day("05/01/2027"))  // 29, 30, 31/12, [01/01/2027, weekend], 04, 05/01
        #expect(count.estimated)
        #expect(count.skipped.map(\.description) == ["01/01–03/01: Tết Dương lịch 2027"])
        #expect(calendar.period(of: 20, from: day("15/01/2027")).estimated)
    }
}
