import Disclosure

/// Numbers and dates written out the way Vietnamese administrative documents write them.
public enum VietnameseWords {
    /// The date as in a document's date line (Decree 30/2020, Appendix I): "ngày 05 tháng 02 năm 2024".
    /// Days below 10 and the months 1 and 2 take a leading zero; other months do not.
    public static func date(_ day: Day) -> String {
        let d = day.day < 10 ? "0\(day.day)" : "\(day.day)"
        let m = day.month < 3 ? "0\(day.month)" : "\(day.month)"
        return "ngày \(d) tháng \(m) năm \(day.year)"
    }

    /// A count in figures and words, as legal texts state periods: "20 (hai mươi)".
    public static func count(_ n: Int) -> String {
        guard let words = number(n) else { return String(n) }
        return "\(n) (\(words))"
    }

    /// 0…999 in words ("hai mươi mốt", "một trăm linh năm"); nil outside that range.
    public static func number(_ n: Int) -> String? {
        guard (0...999).contains(n) else { return nil }
        if n < 10 { return digits[n] }
        if n < 100 {
            let tens = n / 10, unit = n % 10
            let head = tens == 1 ? "mười" : digits[tens] + " mươi"
            switch unit {
            case 0: return head
            case 1: return head + (tens == 1 ? " một" : " mốt")
            case 4: return head + (tens == 1 ? " bốn" : " tư")
            case 5: return head + " lăm"
            default: return head + " " + digits[unit]
            }
        }
        let hundreds = digits[n / 100] + " trăm"
        let rest = n % 100
        if rest == 0 { return hundreds }
        if rest < 10 { return hundreds + " linh " + digits[rest] }
        return hundreds + " " + number(rest)!
    }

    private static let digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
}
