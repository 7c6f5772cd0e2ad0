import Foundation
import Disclosure

/// The opening sentence of minutes: "Hôm nay, vào hồi 16 giờ 30 phút ngày 25./2/2024, UBND xã …".
/// Minutes without a date line are dated by it.
struct MinutesOpening: Equatable, Sendable {
    var date: DateMention
    var time: TimeOfDay?

    static func recognise(_ plain: String) -> MinutesOpening? {
        guard plain.folded.hasPrefix("hom nay") else { return nil }
        let words = Words(plain)
        var time: TimeOfDay?
        for i in 0..<words.count {
            if time == nil, let t = TimeMention.scan(words, at: i) { time = t }
            if words.key(i) == "ngày", let (mention, _) = DateMention.scan(words, at: i), mention.year != nil {
                return MinutesOpening(date: mention, time: time)
            }
        }
        return nil
    }
}

/// "*.Thời gian: 14 giờ 00 phút, ngày 05/02/2024" in meeting minutes: when the meeting was held.
struct MeetingTime: Equatable, Sendable {
    var date: DateMention?
    var time: TimeOfDay?

    static func recognise(_ plain: String) -> MeetingTime? {
        let text = plain.trimmingCharacters(in: CharacterSet(charactersIn: "-+•*. "))
        guard text.folded.hasPrefix("thoi gian:") || text.folded.hasPrefix("thoi gian hop:") else { return nil }
        let words = Words(text)
        var found = MeetingTime(date: nil, time: nil)
        for i in 0..<words.count {
            if found.time == nil, let t = TimeMention.scan(words, at: i) { found.time = t }
            if found.date == nil, words.key(i) == "ngày", let (mention, _) = DateMention.scan(words, at: i) { found.date = mention }
        }
        return found.time == nil && found.date == nil ? nil : found
    }
}

/// The kind of minutes, read from the words of their type line or title.
enum MinutesKindWords {
    static func kind(in text: String) -> MinutesKind? {
        let lower = text.lowercased()
        if lower.contains("kết thúc niêm yết") || lower.contains("kết thúc công khai") || lower.contains("kết thúc việc niêm yết") {
            return .postingEnd
        }
        if lower.contains("niêm yết") { return .postingStart }
        if lower.contains("kiểm phiếu") { return .ballot }
        let words = Set(lower.split(separator: " ").map(String.init))
        if words.contains("họp") || lower.contains("hội nghị") { return .meeting }
        return nil
    }
}
