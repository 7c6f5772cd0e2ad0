import Foundation

/// A document's số and ký hiệu in the form of Decree 30/2020 Appendix I:
/// `127/KH-UBND` (number / type code - issuer), `05/2024/QĐ-UBND` (legal documents carry the year),
/// `45/UBND-VP` (official letters: issuer - drafting unit, no type code).
public struct DocumentNumber: Hashable, Sendable, CustomStringConvertible {
    public let number: Int
    /// As written, keeping zero padding (`05`).
    public let numberText: String
    public let year: Int?
    /// The type code (`KH`), or nil for an official letter (công văn).
    public let typeCode: String?
    /// `UBND`, or `UBND-VP`.
    public let issuerCode: String

    public init(number: Int, numberText: String, year: Int?, typeCode: String?, issuerCode: String) {
        self.number = number
        self.numberText = numberText
        self.year = year
        self.typeCode = typeCode
        self.issuerCode = issuerCode
    }

    /// The canonical form, without the stray spaces some documents have.
    public var description: String {
        var parts = [numberText]
        if let year { parts.append(String(year)) }
        parts.append(([typeCode].compactMap { $0 } + [issuerCode]).joined(separator: "-"))
        return parts.joined(separator: "/")
    }

    public enum Problem: Equatable, Sendable {
        case malformed(String)
        case zero
        case unknownTypeCode(String, suggestion: String?)
    }

    public struct Parsed: Sendable {
        public var value: DocumentNumber
        /// True when the text had spaces around its separators (`127 /KH-UBND`).
        public var hadStraySpaces: Bool
        /// A type code that is not in Appendix III (kept, but worth a warning).
        public var unknownTypeCode: Problem?
    }

    /// Parses the text; returns a problem that explains what is wrong when it cannot.
    public static func parse(_ raw: String) -> Result<Parsed, ParseFailure> {
        let text = Whitespace.spaces.trim(SourceText.precomposed(raw))
        guard text.count <= ContentLimits.maxNumberLength else {
            return .failure(.malformed("it is \(text.count) characters long; a number and symbol such as 05/2024/QĐ-UBND has fewer than \(ContentLimits.maxNumberLength)"))
        }
        // The label printed before the number ("Số: 566/TB-UBND"), only where it stands: in front.
        var stripped = Substring(text)
        for label in ["Số:", "số:", "SỐ:"] where stripped.hasPrefix(label) {
            stripped = stripped.dropFirst(label.count)
            break
        }
        let strippedText = Whitespace.spaces.trim(stripped)
        return parseNumber(strippedText)
    }

    private static func parseNumber(_ stripped: String) -> Result<Parsed, ParseFailure> {
        let pieces = stripped.split(separator: "/", omittingEmptySubsequences: false)
            .map { Whitespace.spaces.trim($0) }
        let hadSpaces = stripped.contains(" ")
        guard pieces.count == 2 || pieces.count == 3, pieces.allSatisfy({ !$0.isEmpty }) else {
            return .failure(.malformed("expected number/SYMBOL such as 127/KH-UBND or 05/2024/QĐ-UBND"))
        }
        let numberText = pieces[0]
        guard numberText.allSatisfy(\.isASCIIDigit), numberText.count <= 6, let number = Int(numberText) else {
            return .failure(.malformed("the number before the first “/” must be digits, found “\(Diagnostic.excerpt(numberText, limit: 20))”"))
        }
        guard number > 0 else { return .failure(.zero) }
        var year: Int?
        if pieces.count == 3 {
            guard pieces[1].count == 4, pieces[1].allSatisfy(\.isASCIIDigit), let y = Int(pieces[1]), y >= 1945 else {
                return .failure(.malformed("the middle part of a three-part number must be a year, found “\(Diagnostic.excerpt(pieces[1], limit: 20))”"))
            }
            year = y
        }
        let symbol = pieces[pieces.count - 1]
        // No empty part ("KH--UBND") and no whitespace of any kind inside one: a tab kept in the
        // issuer would print a number that reads back differently (found by Scripts/fuzz.sh).
        let codes = symbol.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard codes.count >= 2, codes.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
            return .failure(.malformed("the symbol “\(Diagnostic.excerpt(symbol, limit: 40))” must be TYPE-ISSUER, e.g. KH-UBND"))
        }
        var typeCode: String? = codes[0]
        var issuer = codes.dropFirst().joined(separator: "-")
        var unknown: Problem?
        if let known = DocumentType.named(codes[0]), known != .officialLetter {
            typeCode = known.code
        } else if codes[0] == "UBND" || codes[0] == "HĐND" {
            // An official letter: issuer first, then the drafting unit.
            typeCode = nil
            issuer = codes.joined(separator: "-")
        } else {
            // "CV" is no code: an official letter's symbol is issuer and unit (45/UBND-VP).
            let suggestion = DocumentType.closest(to: codes[0]).flatMap { $0 == .officialLetter ? nil : $0.code }
            unknown = .unknownTypeCode(codes[0], suggestion: suggestion)
        }
        let value = DocumentNumber(number: number, numberText: numberText, year: year,
                                   typeCode: typeCode, issuerCode: issuer)
        return .success(Parsed(value: value, hadStraySpaces: hadSpaces, unknownTypeCode: unknown))
    }

    public enum ParseFailure: Error, Equatable, Sendable {
        case malformed(String)
        case zero

        public var message: String {
            switch self {
            case .malformed(let why): return why
            case .zero: return "numbers start at 01 each year (Decree 30/2020 Art. 15); 0 is not a number"
            }
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
