import Foundation
import Disclosure

/// Turns what the ledger shows into checker findings: a chain that does not verify, simulated
/// lines, notices cut short or altered before their legal end, and notices a publication should
/// have carried.
public enum LedgerAudit {
    static let chainSource = "Sổ cái công bố của cổng (docs/ledger.md): chuỗi băm SHA-256"
    static let continuitySource = "Luật 10/2022/QH15, Điều 13 khoản 2 và Điều 48 (niêm yết liên tục); Bộ luật Dân sự 2015, Điều 147–148"

    public static func findings(_ ledger: Ledger, content: LoadedContent, book: RuleBook) -> [Finding] {
        let timeZone = content.site.timeZone
        var findings = LedgerVerification.problems(ledger).map { finding($0, ledger: ledger) }

        let simulated = ledger.entries.filter { $0.entry.simulated }.map(\.line.number)
        if !simulated.isEmpty {
            let all = simulated.count == ledger.entries.count
            findings.append(Finding(
                .ledgerSimulated, .warning, record: ledger.path, source: chainSource,
                vi: "\(all ? "Mọi dòng" : LedgerWording.capitalized(LedgerWording.lineList(simulated))) của sổ cái là dòng mô phỏng (ghi bằng --clock): dùng để diễn tập, không chứng minh việc niêm yết thật.",
                en: (all ? "Every line of the ledger is" : "Line\(simulated.count == 1 ? "" : "s") \(LedgerWording.listEN(simulated)) of the ledger \(simulated.count == 1 ? "is" : "are")")
                    + " simulated (written with --clock): drills, never evidence of a real posting.",
                arithmetic: ["dòng mô phỏng: \(LedgerWording.list(simulated)) / \(ledger.entries.count) dòng"],
                ledgerLines: simulated))
        }

        for cut in LedgerContinuity.breaks(ledger, timeZone: timeZone) {
            findings.append(finding(cut, content: content, book: book, ledger: ledger, timeZone: timeZone))
        }
        findings += unpublished(ledger, content: content, book: book, timeZone: timeZone)
        return findings
    }

    private static func finding(_ p: LedgerVerification.Problem, ledger: Ledger) -> Finding {
        let code: FindingCode
        switch p.kind {
        case .incompleteLine: code = .ledgerIncompleteLine
        case .unreadable, .notCanonical: code = .ledgerLineUnreadable
        case .edited: code = .ledgerLineEdited
        case .deleted: code = .ledgerLinesDeleted
        case .inserted: code = .ledgerLinesInserted
        case .reordered: code = .ledgerLinesReordered
        case .clockBackwards: code = .ledgerClockBackwards
        }
        return Finding(code, p.kind == .clockBackwards ? .warning : .error, record: ledger.path, source: chainSource,
                       vi: p.vi, en: p.en, arithmetic: p.details, ledgerLines: p.lines)
    }

    private static func when(_ line: LedgerLine, _ tz: TimeZone) -> String {
        guard let e = line.entry else { return "dòng \(line.number)" }
        return "dòng \(line.number) (seq \(e.seq), \(e.time.vietnamese(in: tz))\(e.simulated ? ", mô phỏng" : ""))"
    }

    private static func whenEN(_ line: LedgerLine, _ tz: TimeZone) -> String {
        guard let e = line.entry else { return "line \(line.number)" }
        return "line \(line.number) (seq \(e.seq), \(e.time.vietnamese(in: tz))\(e.simulated ? ", simulated" : ""))"
    }

    private static func finding(_ b: LedgerContinuity.Break, content: LoadedContent, book: RuleBook,
                                ledger: Ledger, timeZone tz: TimeZone) -> Finding {
        let record = content.record(b.id)
        let source = record.flatMap { book.policy.rule(for: $0)?.minDaysSource }.map { "\($0); \(continuitySource)" } ?? continuitySource
        let afterDay = b.after.entry!.time.day(in: tz)
        let period: String
        if let end = b.end, let legalEnd = b.legalEnd {
            period = "niêm yết từ \(b.start.vietnamese) đến hết \(end.vietnamese)" + (legalEnd != end ? " (thời hạn kết thúc \(legalEnd.vietnamese), Điều 148 khoản 5)" : "")
        } else {
            period = "niêm yết thường xuyên từ \(b.start.vietnamese)"
        }
        let drill = b.simulated ? " (dòng mô phỏng: diễn tập)" : ""
        let drillEN = b.simulated ? " (simulated lines: a drill)" : ""
        let lines = [b.before.number, b.after.number]
        switch b.kind {
        case .cutShort:
            let dueVI = b.legalEnd.map { "trước khi hết thời hạn niêm yết (hết ngày \($0.vietnamese))" } ?? "dù phải niêm yết thường xuyên"
            let dueEN = b.legalEnd.map { "before its posting period ended (end of \($0.vietnamese))" } ?? "although it must be posted permanently"
            var arithmetic = ["\(b.id): \(period)",
                              "\(when(b.before, tz)): có; \(when(b.after, tz)): không có"]
            if let legalEnd = b.legalEnd {
                let missing = legalEnd.days(since: afterDay)
                arithmetic.append("gỡ muộn nhất lúc \(b.after.entry!.time.vietnamese(in: tz)); \(afterDay.vietnameseShort) → \(legalEnd.vietnameseShort): còn thiếu ít nhất \(missing) ngày trọn" + (missing > 0 ? " (\(afterDay.adding(days: 1).vietnameseShort)–\(legalEnd.vietnameseShort))" : "") + " và phần còn lại của ngày \(afterDay.vietnameseShort)")
            }
            return Finding(
                .postingCutShort, .error, record: b.id, source: source,
                vi: "Văn bản bị gỡ khỏi cổng \(dueVI): lần công bố ở dòng \(b.before.number) của sổ cái còn đăng, lần công bố ở dòng \(b.after.number) không còn\(drill).",
                en: "The notice was taken off the portal \(dueEN): the publication on ledger line \(b.before.number) still carried it, the one on line \(b.after.number) no longer did\(drillEN).",
                arithmetic: arithmetic, ledgerLines: lines)
        case .altered(let from, let to):
            return Finding(
                .postingAltered, .error, record: b.id, source: source,
                vi: "Nội dung văn bản đã bị thay đổi khi đang niêm yết: dòng \(b.before.number) và dòng \(b.after.number) của sổ cái ghi hai nội dung khác nhau\(drill).",
                en: "The notice was altered while posted: ledger lines \(b.before.number) and \(b.after.number) record different contents\(drillEN).",
                arithmetic: ["\(b.id): \(period)",
                             "\(when(b.before, tz)): digest \(LedgerDigest.short(from))",
                             "\(when(b.after, tz)): digest \(LedgerDigest.short(to))"],
                ledgerLines: lines)
        }
    }

    /// Records being posted on the portal whose period a publication fell in, without carrying them
    /// (before they first appear: once a notice has appeared, a gap is a cut, reported above).
    private static func unpublished(_ ledger: Ledger, content: LoadedContent, book: RuleBook, timeZone tz: TimeZone) -> [Finding] {
        var findings: [Finding] = []
        for record in content.records {
            guard record.isPublished, let posting = record.posting, isOnPortal(posting) else { continue }
            let schedule = book.schedule(of: posting)
            var missing: [LedgerLine] = []
            for (line, entry) in ledger.entries {
                if entry.notice(record.id) != nil { break }
                let day = entry.time.day(in: tz)
                if day >= posting.start, schedule.legalEnd.map({ day <= $0 }) ?? true { missing.append(line) }
            }
            guard let first = missing.first else { continue }
            let shown = ledger.entries.first { $0.entry.notice(record.id) != nil }
            let numbers = missing.map(\.number)
            findings.append(Finding(
                .postingNotPublished, .warning, record: record.id, source: continuitySource,
                vi: "Văn bản đang trong thời gian niêm yết nhưng \(numbers.count == 1 ? "lần công bố" : "các lần công bố") ở \(LedgerWording.lineList(numbers)) của sổ cái không đăng nó trên cổng" + (shown.map { "; sổ cái chỉ thấy nó từ dòng \($0.line.number)" } ?? "") + ".",
                en: "The notice was being posted, but the publication\(numbers.count == 1 ? "" : "s") on ledger \(numbers.count == 1 ? "line" : "lines") \(LedgerWording.listEN(numbers)) did not carry it on the portal" + (shown.map { "; the ledger shows it only from line \($0.line.number)" } ?? "") + ".",
                arithmetic: ["niêm yết từ \(posting.start.vietnamese)" + (schedule.legalEnd.map { " đến hết \($0.vietnamese)" } ?? ""),
                             "\(when(first, tz)): không có"],
                ledgerLines: numbers))
        }
        return findings
    }

    /// A posting said to be on the portal: `portal` or "Cổng …" among its places, or no places given.
    static func isOnPortal(_ posting: Posting) -> Bool {
        posting.places.isEmpty || posting.places.contains { place in
            let p = place.lowercased()
            return p == "portal" || p.contains("cổng") || p.contains("website") || p.contains("trang thông tin")
        }
    }
}

// MARK: A published copy of the site

/// `api/ledger-head.json` of a published site: which ledger line it was published with.
public struct PublishedHead: Hashable, Sendable {
    public var seq: Int
    public var head: String
    public var time: String
    public var siteDigest: String
    public var simulated: Bool

    public init(entry: LedgerEntry) {
        seq = entry.seq
        head = entry.hash
        time = entry.time.description
        siteDigest = entry.siteDigest
        simulated = entry.simulated
    }

    /// - Parameter ledgerPath: where the site keeps its copy of the ledger.
    public func json(ledgerPath: String) -> CanonicalJSON {
        .object(["seq": .int(seq), "head": .string(head), "time": .string(time), "site_digest": .string(siteDigest),
                 "simulated": .bool(simulated), "ledger": .string(ledgerPath),
                 "format": .string("https://congkhai.example/schema/ledger-head-v1")])
    }

    public init?(json data: Data) {
        guard let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let seq = (o["seq"] as? NSNumber)?.intValue, let head = o["head"] as? String,
              let time = o["time"] as? String, let site = o["site_digest"] as? String else { return nil }
        self.seq = seq
        self.head = head
        self.time = time
        self.siteDigest = site
        self.simulated = o["simulated"] as? Bool ?? false
    }
}

extension LedgerAudit {
    /// Compares the ledger with a published copy of the site (a web root, or a copy an oversight
    /// body downloaded): the head it shows must be a line of the ledger, its ledger copy must
    /// match line for line, and its files must still give the site digest of that line.
    /// This is what catches a ledger cut short at its end, or a last line edited.
    public static func compare(_ ledger: Ledger, published files: [SiteFile], folder: String, layout: LedgerLayout) -> [Finding] {
        var findings: [Finding] = []
        guard let headFile = files.first(where: { $0.path == layout.head }),
              let head = PublishedHead(json: headFile.data) else {
            return [Finding(.publishedSiteChanged, .error, record: ledger.path, source: chainSource,
                            vi: "\(folder) không có \(layout.head) đọc được: đây không phải một bản công bố bằng congkhai publish.",
                            en: "\(folder) has no readable \(layout.head): it is not a site written by congkhai publish.")]
        }
        let lastSeq = ledger.entries.last?.entry.seq ?? 0
        let match = ledger.entries.first { $0.entry.seq == head.seq }
        if let match {
            if match.line.hash != head.head {
                findings.append(Finding(
                    .ledgerLineEdited, .error, record: ledger.path, source: chainSource,
                    vi: "Dòng \(match.line.number) (seq \(head.seq)) của sổ cái khác với bản đã công bố tại \(folder): dòng này đã bị sửa sau khi công bố.",
                    en: "Line \(match.line.number) (seq \(head.seq)) of the ledger differs from the copy published at \(folder): it was edited after publication.",
                    arithmetic: ["đầu chuỗi đã công bố: \(head.head)", "sha256 của dòng \(match.line.number): \(match.line.hash)"],
                    ledgerLines: [match.line.number]))
            }
        } else if head.seq > lastSeq {
            let lastLine = ledger.lines.last { !$0.isBlank }?.number ?? 0
            findings.append(Finding(
                .ledgerBehindPublishedHead, .error, record: ledger.path, source: chainSource,
                vi: "Sổ cái dừng ở seq \(lastSeq) (dòng \(lastLine)) nhưng bản công bố tại \(folder) mang đầu chuỗi seq \(head.seq): \(LedgerWording.seqRange(lastSeq + 1, head.seq)) đã bị cắt khỏi cuối sổ cái (hoặc lần ghi sổ bị gián đoạn).",
                en: "The ledger ends at seq \(lastSeq) (line \(lastLine)) but the copy published at \(folder) carries head seq \(head.seq): \(LedgerWording.seqRangeEN(lastSeq + 1, head.seq)) cut from the end of the ledger (or the write was interrupted).",
                arithmetic: ["đầu chuỗi đã công bố: seq \(head.seq), \(head.head), \(head.time)"],
                ledgerLines: lastLine > 0 ? [lastLine] : []))
        }

        // The ledger copy inside the site, line by line.
        if let copy = files.first(where: { $0.path == layout.ledger }) {
            let published = Ledger(bytes: Array(copy.data), path: "\(folder)/\(layout.ledger)")
            for line in published.lines {
                guard let own = ledger.lines.first(where: { $0.number == line.number }) else { break }
                if own.hash != line.hash, !findings.contains(where: { $0.ledgerLines == [own.number] }) {
                    findings.append(Finding(
                        .ledgerLineEdited, .error, record: ledger.path, source: chainSource,
                        vi: "Dòng \(own.number) của sổ cái khác với dòng \(line.number) trong bản sao sổ cái đã công bố tại \(folder).",
                        en: "Line \(own.number) of the ledger differs from line \(line.number) of the ledger copy published at \(folder).",
                        arithmetic: ["sổ cái: \(own.hash)", "bản công bố: \(line.hash)"], ledgerLines: [own.number]))
                }
            }
        }

        // The published files themselves.
        let manifest = SiteManifest(files: files, layout: layout)
        let expected = match?.entry.siteDigest ?? head.siteDigest
        if manifest.digest != expected {
            var changed: [String] = []
            if let listed = files.first(where: { $0.path == layout.manifest }) {
                let recorded = Dictionary(String(decoding: listed.data, as: UTF8.self).split(separator: "\n").compactMap { line -> (String, String)? in
                    let parts = line.split(separator: " ", maxSplits: 1)
                    guard parts.count == 2 else { return nil }
                    return (String(parts[1].drop { $0 == " " || $0 == "*" }), String(parts[0]))
                }, uniquingKeysWith: { a, _ in a })
                let now = Dictionary(manifest.entries.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
                for (path, hash) in recorded.sorted(by: { $0.key < $1.key }) where now[path] != hash {
                    changed.append(now[path] == nil ? "thiếu \(path)" : "đã sửa \(path)")
                }
                for path in now.keys.sorted() where recorded[path] == nil { changed.append("thêm \(path)") }
            }
            findings.append(Finding(
                .publishedSiteChanged, .error, record: ledger.path, source: chainSource,
                vi: "Các tệp tại \(folder) không còn khớp với lần công bố seq \(head.seq): trang đã bị sửa sau khi công bố.",
                en: "The files at \(folder) no longer match publication seq \(head.seq): the site was changed after it was published.",
                arithmetic: ["site_digest ghi trong sổ cái: \(expected)", "site_digest tính lại: \(manifest.digest)"] + changed.prefix(20),
                ledgerLines: match.map { [$0.line.number] } ?? []))
        }
        return findings
    }
}
