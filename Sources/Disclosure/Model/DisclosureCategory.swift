import Foundation

/// An item of a disclosure list: what obliges a record to be disclosed.
///
/// `law-11.N` is item N (1–14) of Law 10/2022/QH15 Art. 11 (disclosure to citizens);
/// `agency-6.N` is item N (1–12) of the commune regulation's Art. 6, after Law 10/2022 Art. 46
/// (disclosure inside the agency).
public struct DisclosureCategory: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Regime: String, Sendable, CaseIterable {
        /// Law 10/2022 Art. 11–13: to citizens.
        case law
        /// Law 10/2022 Art. 46–48: inside the agency.
        case agency

        public var itemRange: ClosedRange<Int> { self == .law ? 1...14 : 1...12 }

        public var article: String {
            self == .law ? "Luật 10/2022/QH15, Điều 11" : "Quy chế thực hiện dân chủ của cơ quan, Điều 6"
        }
    }

    public let regime: Regime
    public let item: Int

    public init?(regime: Regime, item: Int) {
        guard regime.itemRange.contains(item) else { return nil }
        self.regime = regime
        self.item = item
    }

    public enum ParseFailure: Error, Equatable, Sendable {
        case malformed
        case outOfRange(Regime, Int)
    }

    public static func parse(_ raw: String) -> Result<DisclosureCategory, ParseFailure> {
        let text = Whitespace.spaces.trim(raw).lowercased()
        let pieces = text.split(separator: "-", maxSplits: 1).map(String.init)
        guard pieces.count == 2, let regime = Regime(rawValue: pieces[0]) else { return .failure(.malformed) }
        let expectedArticle = regime == .law ? "11." : "6."
        guard pieces[1].hasPrefix(expectedArticle), let item = Int(pieces[1].dropFirst(expectedArticle.count)) else {
            return .failure(.malformed)
        }
        guard let category = DisclosureCategory(regime: regime, item: item) else {
            return .failure(.outOfRange(regime, item))
        }
        return .success(category)
    }

    /// `law-11.4`
    public var description: String { "\(regime.rawValue)-\(regime == .law ? 11 : 6).\(item)" }

    /// "Khoản 9 Điều 6 …"
    public var citation: String { "khoản \(item) \(regime.article)" }

    public static func < (a: DisclosureCategory, b: DisclosureCategory) -> Bool {
        (a.regime.rawValue, a.item) < (b.regime.rawValue, b.item)
    }
}
