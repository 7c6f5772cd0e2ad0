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
            "X-WR-TIMEZONE:\(text(content.site.timeZone))",
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
        return Data(lines.map(Self.fold).joined(separator: "\r\n").appending("\r\n").utf8)
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

    private func compact(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    /// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).
    private func text(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            // A lone carriage return ends a line for some readers too: never let one through.
            .replacingOccurrences(of: "\r", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1),
    /// split between characters, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.append(character)
            octets += size
        }
        return out
    }
}
