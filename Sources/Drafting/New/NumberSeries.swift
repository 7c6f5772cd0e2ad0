import Disclosure

/// The numbers already issued in one year and the next free one. Decree 30/2020/NĐ-CP Art. 15:
/// numbering restarts on 1 January; one series per issuer across all types (the commune's
/// practice: 127 KH → 156 QC → 164 BC → 170 KH), or one per type when `site.yml` says
/// `numbering: per-type`.
public struct NumberSeries: Sendable, Equatable {
    public var year: Int
    public var issuerCode: String
    /// nil = one series across types.
    public var typeCode: String?
    public var taken: Set<Int>

    public init(records: [Record], year: Int, issuerCode: String, type: DocumentType, numbering: SiteConfig.Numbering) {
        self.year = year
        self.issuerCode = issuerCode
        self.typeCode = numbering == .perType ? type.code : nil
        let code = typeCode
        taken = Set(records.compactMap { record -> Int? in
            guard let number = record.number, record.date.year == year, number.issuerCode == issuerCode,
                  code == nil || number.typeCode == code else { return nil }
            return number.number
        })
    }

    /// One more than the highest number issued: numbers follow the order of issue, so a gap
    /// (a cancelled or unpublished record) is never filled again.
    public var next: Int { (taken.max() ?? 0) + 1 }

    public func isTaken(_ number: Int) -> Bool { taken.contains(number) }
}
