import Disclosure

/// The legal setting content is judged in: the working-day calendar (national schedule plus the
/// commune's `holidays.yml`) and the disclosure policy (Law 10/2022 plus `site.yml` overrides).
public struct RuleBook: Sendable {
    public let calendar: WorkingDayCalendar
    public let policy: DisclosurePolicy
    /// Problems in `holidays.yml`, as loader diagnostics.
    public let diagnostics: [Diagnostic]

    public init(content: LoadedContent) {
        var schedule = HolidaySchedule.vietnam
        var diagnostics: [Diagnostic] = []
        if let file = content.holidays {
            let parsed = HolidaySchedule.parse(yaml: file.text, file: file.path)
            schedule = schedule.merging(parsed.schedule)
            diagnostics += parsed.errors.map { Self.diagnostic($0, .error) }
            diagnostics += parsed.warnings.map { Self.diagnostic($0, .warning) }
        }
        calendar = WorkingDayCalendar(schedule: schedule, countsSwappedSaturdays: content.site.policy.countsSwappedSaturdays)
        policy = DisclosurePolicy(settings: content.site.policy)
        self.diagnostics = diagnostics
    }

    private static func diagnostic(_ e: CalendarDataError, _ severity: Severity) -> Diagnostic {
        Diagnostic(severity, .invalidHolidays, e.message,
                   at: SourceLocation(file: e.file, line: e.line, column: e.column))
    }

    public func schedule(of posting: Posting) -> PostingSchedule {
        PostingSchedule(posting: posting, calendar: calendar)
    }
}
