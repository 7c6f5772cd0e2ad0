import Foundation
import Disclosure

/// `calendar.ics` (RFC 5545): an all-day event for each posting period and for each comment
/// deadline, so citizens and oversight bodies can subscribe. All-day events end on the day after
/// their last day (DTEND is exclusive). UIDs are the record's id and the event's kind; DTSTAMP is
/// the record's date, so the file changes only when the content does.
struct PostingCalendar {
    let content: PortalContent
    let strings: PortalStrings

    func file() -> Data {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//CongKhai//\(text(content.site.name))//VI",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(text(content.site.name))",
            "X-WR-TIMEZONE:\(text(content.site.timeZone.identifier))",
        ]
        // Oldest first reads naturally in a calendar file; the order is fixed by the records' sort.
        for entry in content.records.reversed() {
            guard let schedule = entry.schedule else { continue }
            let record = entry.record
            let url = content.urls.absolute(entry.path)
            let name = "\(RecordSummary.kind(of: record)): \(record.title)"
            var description = PortalStrings.fill(strings.metaPostingPermanent, ["start": schedule.start.vietnamese])
            if let end = schedule.end, let days = schedule.days {
                description = PortalStrings.fill(strings.metaPostingPeriod, ["start": schedule.start.vietnamese, "days": String(days), "end": end.vietnamese]) + "."
                if let legalEnd = schedule.legalEnd, schedule.isShifted {
                    description += " " + PortalStrings.fill(strings.metaPostingShifted, [
                        "legalEnd": legalEnd.vietnamese, "end": end.vietnamese, "reason": schedule.shiftReason?.label.lowercased() ?? "",
                    ])
                }
            }
            let lastDay = schedule.end ?? schedule.start
            lines += event(uid: "\(record.id)-niem-yet", stamp: record.date, from: schedule.start, through: lastDay,
                           summary: "\(strings.metaPosting): \(name)", description: description, url: url)
            if let until = record.posting?.feedbackUntil {
                lines += event(uid: "\(record.id)-han-gop-y", stamp: record.date, from: until, through: until,
                               summary: "\(strings.metaFeedbackUntil): \(name)",
                               description: PortalStrings.fill(strings.feedbackUntil, ["date": until.vietnamese]), url: url)
            }
        }
        lines.append("END:VCALENDAR")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 8 })
        for line in lines {
            CalendarText.fold(line, into: &bytes)
            bytes.append(contentsOf: [0x0D, 0x0A])
        }
        return Data(bytes)
    }

    private func event(uid: String, stamp: Day, from start: Day, through last: Day, summary: String, description: String, url: String) -> [String] {
        [
            "BEGIN:VEVENT",
            "UID:\(uid)@\(content.urls.host)",
            "DTSTAMP:\(compact(stamp))T000000Z",
            "DTSTART;VALUE=DATE:\(compact(start))",
            "DTEND;VALUE=DATE:\(compact(last.adding(days: 1)))",
            "SUMMARY:\(text(summary))",
            "DESCRIPTION:\(text(description))",
            "URL:\(url)",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    }

    private func compact(_ day: Day) -> String {
        String(decoding: day.iso.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
    }

    private func text(_ value: String) -> String { CalendarText.escape(value) }

    static func fold(_ line: String) -> String {
        var bytes: [UInt8] = []
        CalendarText.fold(line, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// iCalendar text in one pass over UTF-8 bytes, with the old chained `replacingOccurrences` and
/// per-character folding kept for the rare text where they differ from a byte-level reading (see
/// `StandaloneScalars`).
enum CalendarText {
    /// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).
    static func escape(_ value: String) -> String {
        escapedByBytes(value) ?? foundationEscaped(value)
    }

    /// `escape` in one pass over the bytes, or nil where that could differ from Foundation.
    static func escapedByBytes(_ value: String) -> String? {
        var value = value
        let fast: String?? = value.withUTF8 { utf8 in
            guard let first = utf8.firstIndex(where: isSpecial) else { return .some(nil) }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<first]))
            var index = first
            while index < utf8.count {
                let byte = utf8[index]
                if isSpecial(byte) {
                    // GREEK QUESTION MARK (CD BE) is a semicolon to Foundation; a mark after the
                    // character makes it another character: both go the old way.
                    if byte == 0xCD || !StandaloneScalars.nextStandsAlone(utf8, after: index) { return nil }
                    switch byte {
                    case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                    case UInt8(ascii: ";"): out.append(contentsOf: [0x5C, UInt8(ascii: ";")])
                    case UInt8(ascii: ","): out.append(contentsOf: [0x5C, UInt8(ascii: ",")])
                    default:
                        // CR LF, LF and a lone CR (which ends a line for some readers too) alike.
                        if byte == 0x0D, index + 1 < utf8.count, utf8[index + 1] == 0x0A {
                            if !StandaloneScalars.nextStandsAlone(utf8, after: index + 1) { return nil }
                            index += 1
                        }
                        out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                    }
                } else {
                    out.append(byte)
                }
                index += 1
            }
            return .some(String(decoding: out, as: UTF8.self))
        }
        switch fast {
        case .some(.none): return value
        case .some(.some(let escaped)): return escaped
        case .none: return nil
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","), 0x0A, 0x0D, 0xCD: return true
        default: return false
        }
    }

    /// What `escape` gives, the slow way.
    static func foundationEscaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1),
    /// split between characters, never inside a UTF-8 sequence.
    static func fold(_ line: String, into out: inout [UInt8]) {
        if !foldByScalars(line, into: &out) { foldByCharacters(line, into: &out) }
    }

    /// `fold` scalar by scalar when each is a character of its own; false (and nothing written)
    /// when not.
    static func foldByScalars(_ line: String, into out: inout [UInt8]) -> Bool {
        var line = line
        return line.withUTF8 { utf8 in
            guard utf8.count > 75 else {
                out.append(contentsOf: utf8)
                return true
            }
            // Every scalar its own character (no CR, no joining marks): fold by scalars.
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte == 0x0D || (byte >= 0x80 && !StandaloneScalars.nextStandsAlone(utf8, after: index - 1)) { return false }
                index += byte < 0x80 ? 1 : byte < 0xE0 ? 2 : 3
            }
            // Each piece is as many whole scalars as fit: 75 octets, then 74 after the space.
            var start = 0
            var room = 75
            while utf8.count - start > room {
                var end = start + room
                while utf8[end] & 0xC0 == 0x80 { end -= 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end]))
                out.append(contentsOf: [0x0D, 0x0A, 0x20])
                start = end
                room = 74
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            return true
        }
    }

    /// The fold as it was first written, character by character.
    static func foldByCharacters(_ line: String, into out: inout [UInt8]) {
        var octets = 0
        for character in line {
            let size = character.utf8.count
            if octets + size > 75 {
                out.append(contentsOf: [0x0D, 0x0A, 0x20])
                octets = 1
            }
            out.append(contentsOf: character.utf8)
            octets += size
        }
    }
}
