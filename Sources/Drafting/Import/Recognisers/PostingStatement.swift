import Foundation
import Disclosure

/// A posting period stated in a sentence of minutes or a notice:
/// "20 ngày bắt đầu từ ngày 05/02/2024",
/// "20 ngày, kể từ ngày 20 tháng 5 năm 2023 đến hết ngày 08 tháng 6 năm 2023",
/// "tại bảng thông báo của xã từ ngày 05/02 đến hết ngày 25/02/2024".
/// Only sentences about posting (niêm yết, công khai, thông báo, đăng tải) with a start count.
struct PostingStatement: Equatable, Sendable {
    var start: DateMention
    var end: DateMention?
    /// The length as stated ("20 ngày").
    var days: Int?
    /// "Bản tin công khai của UBND xã và …" in "Công khai tại … 20 ngày, từ …".
    var places: [String]
    /// The sentence, quoted as the basis of a stated length.
    var sentence: String

    static let topics = ["niêm yết", "công khai", "thông báo", "đăng tải"]

    static func recognise(_ plain: String) -> PostingStatement? {
        let lower = plain.lowercased()
        guard topics.contains(where: lower.contains) else { return nil }
        let words = Words(plain)
        var days: Int?
        var daysAt: Int?
        var start: DateMention?
        var end: DateMention?
        var i = 0
        while i < words.count {
            let key = words.key(i)
            if days == nil, start == nil, key.isAllDigits, key.count <= 3, words.key(i + 1) == "ngày",
               !(words.key(i + 2) == "làm" && words.key(i + 3) == "việc"), let n = Int(key), n > 0 {
                days = n
                daysAt = i
                i += 2
                continue
            }
            if start == nil, key == "từ", let (mention, next) = DateMention.scan(words, at: i + 1) {
                start = mention
                i = next
                continue
            }
            if start != nil, end == nil, key == "đến" {
                let at = words.key(i + 1) == "hết" ? i + 2 : i + 1
                if let (mention, next) = DateMention.scan(words, at: at) {
                    end = mention
                    i = next
                    continue
                }
            }
            i += 1
        }
        guard let start else { return nil }
        var places: [String] = []
        if let daysAt, let at = (0..<daysAt).first(where: { words.key($0) == "tại" }), at + 1 < daysAt {
            // "tại nhà văn hóa các thôn trong thời gian 20 ngày": the place stops before "trong thời gian".
            var stop = daysAt
            while stop > at + 1, ["trong", "thời", "gian", "là", "trong"].contains(words.key(stop - 1)) { stop -= 1 }
            places = PostingPlaces.split(words.joined((at + 1)..<stop))
        }
        return PostingStatement(start: start, end: end, days: days, places: places,
                                sentence: plain.trimmingCharacters(in: CharacterSet(charactersIn: "-+•* ")))
    }
}

/// "Địa điểm: Bản tin công khai của UBND cấp xã và Bản tin công khai UBND xã." → two places.
enum PostingPlaces {
    static func recogniseLine(_ plain: String) -> [String]? {
        let text = plain.trimmingCharacters(in: CharacterSet(charactersIn: "-+•* "))
        guard text.folded.hasPrefix("dia diem"), let colon = text.firstIndex(of: ":") else { return nil }
        let places = split(String(text[text.index(after: colon)...]))
        return places.isEmpty ? nil : places
    }

    static func split(_ text: String) -> [String] {
        text.replacingOccurrences(of: " và ", with: ";").split(separator: ";")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ,.")) }
            .filter { !$0.isEmpty }
    }
}
