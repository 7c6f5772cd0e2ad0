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

/// iCalendar text (RFC 5545): TEXT escaping and line folding, on code points and octets, which
/// is what the format is defined on.
enum CalendarText {
    /// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11): CR LF, LF
    /// and a lone CR (which ends a line for some readers too) alike.
    static func escape(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\", ";", ",": out.append("\\"); out.append(scalar)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !afterCR { out.append(contentsOf: "\\n".unicodeScalars) }
            default: out.append(scalar)
            }
            afterCR = scalar == "\r"
        }
        return String(out)
    }

    /// Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1): as
    /// many whole UTF-8 sequences as fit, 75 octets, then 74 after the space.
    static func fold(_ line: String, into out: inout [UInt8]) {
        let utf8 = Array(line.utf8)
        var start = 0
        var room = 75
        while utf8.count - start > room {
            var end = start + room
            // Back off to the start of a sequence: continuation bytes are 10xxxxxx.
            while utf8[end] & 0xC0 == 0x80 { end -= 1 }
            out.append(contentsOf: utf8[start..<end])
            out.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = end
            room = 74
        }
        out.append(contentsOf: utf8[start...])
    }
}
