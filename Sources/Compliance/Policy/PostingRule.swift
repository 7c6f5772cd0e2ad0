import Disclosure

/// The timing rule one record must meet, with the legal source of each part.
public struct PostingRule: Hashable, Sendable {
    /// Deadline to start posting, in working days after the record's date.
    public var deadlineWorkingDays: Int
    public var deadlineSource: String
    /// Minimum posting length in days under Civil Code Art. 147; nil for a permanent posting.
    public var minDays: Int?
    public var minDaysSource: String
    /// Posted permanently (niêm yết thường xuyên) and updated on change.
    public var permanent: Bool
}

/// Chooses the rule for a record: the regime of its category (Law 10/2022), then the commune's
/// overrides in site.yml (per regime, per category, per type), then the record's own
/// `posting.required_days` with its basis (a sector law's period prevails).
public struct DisclosurePolicy: Sendable {
    public let settings: PolicySettings

    public init(settings: PolicySettings) { self.settings = settings }

    /// Law 10/2022/QH15 defaults for each regime.
    public static func defaultRule(for category: DisclosureCategory) -> PostingRule {
        switch category.regime {
        case .law:
            // Art. 13(2): items 4 (the democracy regulation, duties, code of conduct) and 13
            // (administrative procedures) are posted permanently.
            let permanent = category.item == 4 || category.item == 13
            return PostingRule(
                deadlineWorkingDays: 5, deadlineSource: "Luật 10/2022/QH15, Điều 12 khoản 3",
                minDays: permanent ? nil : 30,
                minDaysSource: permanent ? "Luật 10/2022/QH15, Điều 13 khoản 2 (niêm yết thường xuyên)" : "Luật 10/2022/QH15, Điều 13 khoản 2",
                permanent: permanent)
        case .agency:
            return PostingRule(
                deadlineWorkingDays: 5, deadlineSource: "Luật 10/2022/QH15, Điều 47 khoản 2; Quy chế của cơ quan, Điều 7 khoản 2",
                minDays: 20, minDaysSource: "Luật 10/2022/QH15, Điều 48 khoản 1–2; Quy chế của cơ quan, Điều 7 khoản 3",
                permanent: false)
        }
    }

    /// The rule a record must meet, or nil when nothing obliges it (no category, no required days):
    /// such a record is judged only on the posting it has.
    public func rule(for record: Record) -> PostingRule? {
        var rule: PostingRule?
        if let category = record.category {
            rule = Self.defaultRule(for: category)
            let overrides = [settings.regimes[category.regime.rawValue],
                             settings.types[record.type.code],
                             settings.categories[category.description]]
            for case let o? in overrides { rule = rule.map { apply(o, to: $0) } }
        } else if let o = settings.types[record.type.code], o.minDays != nil || o.permanent == true {
            rule = apply(o, to: PostingRule(deadlineWorkingDays: o.deadlineWorkingDays ?? 5, deadlineSource: o.basis ?? "site.yml",
                                            minDays: nil, minDaysSource: o.basis ?? "site.yml", permanent: false))
        }
        if let posting = record.posting, let required = posting.requiredDays {
            let source = posting.basis ?? "posting.required_days"
            var base = rule ?? PostingRule(deadlineWorkingDays: 5, deadlineSource: "Luật 10/2022/QH15, Điều 12 khoản 3",
                                           minDays: nil, minDaysSource: source, permanent: false)
            base.minDays = required
            base.minDaysSource = source
            base.permanent = false
            rule = base
        }
        return rule
    }

    private func apply(_ o: RuleOverride, to rule: PostingRule) -> PostingRule {
        var r = rule
        let source = o.basis.map { "\($0) (site.yml)" } ?? "site.yml"
        if let days = o.minDays { r.minDays = days; r.minDaysSource = source; r.permanent = false }
        if let deadline = o.deadlineWorkingDays { r.deadlineWorkingDays = deadline; r.deadlineSource = source }
        if let permanent = o.permanent {
            r.permanent = permanent
            if permanent { r.minDays = nil; r.minDaysSource = source }
        }
        return r
    }
}
