import Disclosure

/// Checks the hash chain of a ledger and names the lines where it breaks.
///
/// Each line carries `seq` (1, 2, 3 …) and `prev`, the SHA-256 of the line before it. Read
/// together they tell what happened to a file:
/// - line b's `prev` matches no line, `seq` follows on → line a (before b) was **edited**;
/// - line b's `prev` matches no line, `seq` jumps → lines were **deleted** between a and b;
/// - line b's `prev` matches a line further up → the lines in between were **inserted**;
/// - `seq` goes down, and sorting by `seq` gives a valid chain → lines were **reordered**.
/// The newest line has no successor to vouch for it: it is checked against the head published in
/// the site (`LedgerAudit.compare(published:)`) and against the form congkhai writes.
public enum LedgerVerification {
    private typealias W = LedgerWording

    public struct Problem: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            case incompleteLine, unreadable, notCanonical, edited, deleted, inserted, reordered, clockBackwards
        }
        public var kind: Kind
        /// The lines involved, the one most likely at fault first.
        public var lines: [Int]
        public var vi: String
        public var en: String
        public var details: [String]
    }

    public static func problems(_ ledger: Ledger) -> [Problem] {
        var problems: [Problem] = []
        if let tail = ledger.incompleteTail {
            problems.append(Problem(
                kind: .incompleteLine, lines: [tail.number],
                vi: "Dòng \(tail.number) của sổ cái bị ghi dở (thiếu ký tự xuống dòng ở cuối): một lần công bố bị ngắt giữa chừng, hoặc tệp bị cắt.",
                en: "Line \(tail.number) of the ledger is incomplete (no newline at the end): a publish was interrupted while writing it, or the file was cut.",
                details: ["\(tail.byteCount) byte ở dòng \(tail.number), không có \"\\n\" kết thúc; dòng này không được tính vào chuỗi",
                          "Cách xử lý: giữ một bản sao tệp làm bằng chứng, xoá dòng dở dang rồi công bố lại (congkhai publish)."]))
        }
        let lines = ledger.lines
        for line in lines {
            if let problem = line.problem {
                problems.append(Problem(
                    kind: .unreadable, lines: [line.number],
                    vi: "Dòng \(line.number) của sổ cái không đọc được (\(problem.vi)): dòng này đã bị sửa.",
                    en: "Line \(line.number) of the ledger cannot be read (\(problem.en)): it was edited.",
                    details: ["dòng \(line.number): \(excerpt(line.text))"]))
            } else if !line.isCanonical, let entry = line.entry {
                problems.append(Problem(
                    kind: .notCanonical, lines: [line.number],
                    vi: "Dòng \(line.number) (seq \(entry.seq)) không đúng dạng congkhai ghi: dòng này đã bị sửa tay hoặc bằng công cụ khác.",
                    en: "Line \(line.number) (seq \(entry.seq)) is not in the form congkhai writes: it was edited by hand or by another tool.",
                    details: ["ghi trong tệp: \(excerpt(line.text))", "dạng chuẩn:    \(excerpt(String(entry.line.dropLast())))"]))
            }
        }

        let chain = lines.filter { !$0.isBlank }
        guard !chain.isEmpty else { return problems }

        // Reordering: seq goes down somewhere, and sorting by seq mends every link.
        let seqs = chain.compactMap { $0.entry?.seq }
        if seqs.count == chain.count, zip(seqs, seqs.dropFirst()).contains(where: { $0 > $1 }) {
            let sorted = chain.sorted { $0.entry!.seq < $1.entry!.seq }
            if linksHold(sorted) {
                let moved = zip(chain, sorted).filter { $0.number != $1.number }.map(\.0)
                let description = moved.map { "dòng \($0.number) mang seq \($0.entry!.seq)" }.joined(separator: ", ")
                let descriptionEN = moved.map { "line \($0.number) holds seq \($0.entry!.seq)" }.joined(separator: ", ")
                problems.append(Problem(
                    kind: .reordered, lines: moved.map(\.number),
                    vi: "Các dòng \(W.list(moved.map(\.number))) của sổ cái bị đảo thứ tự.",
                    en: "Lines \(W.listEN(moved.map(\.number))) of the ledger are out of order.",
                    details: [description + " (xếp theo seq thì chuỗi băm khớp lại)", descriptionEN]))
                return problems + clockProblems(chain)
            }
        }

        // The first line starts the chain.
        if let first = chain.first, let entry = first.entry {
            if entry.seq > 1 {
                problems.append(Problem(
                    kind: .deleted, lines: [first.number],
                    vi: "Sổ cái bắt đầu ở seq \(entry.seq) (dòng \(first.number)): \(W.seqRange(1, entry.seq - 1)) ở đầu sổ đã bị xoá.",
                    en: "The ledger starts at seq \(entry.seq) (line \(first.number)): \(W.seqRangeEN(1, entry.seq - 1)) at its start were deleted.",
                    details: ["dòng \(first.number): seq \(entry.seq), prev \(entry.prev.map(LedgerDigest.short) ?? "null")"]))
            } else if entry.prev != nil {
                problems.append(Problem(
                    kind: .edited, lines: [first.number],
                    vi: "Dòng \(first.number) mang seq 1 nhưng lại trỏ tới một dòng trước nó: dòng này đã bị sửa, hoặc các dòng trước nó đã bị xoá.",
                    en: "Line \(first.number) holds seq 1 but points to a line before it: it was edited, or the lines before it were deleted.",
                    details: ["dòng \(first.number): prev \(LedgerDigest.short(entry.prev!)), dòng đầu phải có prev null"]))
            }
        }

        // Each link between two neighbouring lines.
        var index = 1
        while index < chain.count {
            let a = chain[index - 1], b = chain[index]
            defer { index += 1 }
            guard let eb = b.entry, let ea = a.entry else { continue }  // an unreadable line is reported above
            if eb.prev == a.hash {
                if eb.seq != ea.seq + 1 {
                    problems.append(Problem(
                        kind: .edited, lines: [b.number],
                        vi: "Dòng \(b.number) mang seq \(eb.seq), lẽ ra là \(ea.seq + 1) (nối đúng vào dòng \(a.number)): dòng \(b.number) đã bị sửa.",
                        en: "Line \(b.number) holds seq \(eb.seq) where \(ea.seq + 1) belongs (it chains to line \(a.number)): line \(b.number) was edited.",
                        details: ["dòng \(a.number): seq \(ea.seq); dòng \(b.number): seq \(eb.seq), prev = sha256 của dòng \(a.number)"]))
                }
                continue
            }
            let detail = "dòng \(b.number): prev \(eb.prev.map(LedgerDigest.short) ?? "null"); sha256 của dòng \(a.number) = \(LedgerDigest.short(a.hash))"
            // b chains to a line further up: the lines between were added afterwards.
            if let j = chain[..<(index - 1)].lastIndex(where: { $0.hash == eb.prev }) {
                let inserted = chain[(j + 1)..<index].map(\.number)
                problems.append(Problem(
                    kind: .inserted, lines: inserted + [b.number],
                    vi: "\(W.capitalized(W.lineList(inserted))) đã bị chèn thêm vào sổ cái: dòng \(b.number) được ghi ngay sau dòng \(chain[j].number).",
                    en: "\(W.capitalized(W.lineListEN(inserted))) inserted into the ledger: line \(b.number) was written right after line \(chain[j].number).",
                    details: ["dòng \(b.number): prev = sha256 của dòng \(chain[j].number) (\(LedgerDigest.short(chain[j].hash)))", detail]))
                continue
            }
            // a's successor sits further down: b (and what follows up to it) was added afterwards.
            if let c = chain[(index + 1)...].firstIndex(where: { $0.entry?.prev == a.hash }) {
                let inserted = chain[index..<c].map(\.number)
                problems.append(Problem(
                    kind: .inserted, lines: inserted,
                    vi: "\(W.capitalized(W.lineList(inserted))) đã bị chèn thêm vào sổ cái: dòng \(chain[c].number) được ghi ngay sau dòng \(a.number).",
                    en: "\(W.capitalized(W.lineListEN(inserted))) inserted into the ledger: line \(chain[c].number) was written right after line \(a.number).",
                    details: ["dòng \(chain[c].number): prev = sha256 của dòng \(a.number) (\(LedgerDigest.short(a.hash)))"]))
                index = c  // the link (c-1, c) is explained by the insertion
                continue
            }
            if let p = eb.prev, chain[(index + 1)...].contains(where: { $0.hash == p }) {
                problems.append(Problem(
                    kind: .reordered, lines: [b.number],
                    vi: "Dòng \(b.number) nối vào một dòng nằm sau nó: các dòng của sổ cái bị đảo thứ tự.",
                    en: "Line \(b.number) chains to a line that comes after it: the ledger's lines are out of order.",
                    details: [detail]))
                continue
            }
            if eb.prev == nil {
                problems.append(Problem(
                    kind: .inserted, lines: [b.number],
                    vi: "Dòng \(b.number) tự nhận là dòng đầu tiên (prev null) nhưng đứng sau dòng \(a.number): sổ cái đã bị ghép hoặc chèn.",
                    en: "Line \(b.number) claims to be the first line (prev null) but comes after line \(a.number): the ledger was spliced or added to.",
                    details: [detail]))
            } else if eb.seq > ea.seq + 1 {
                problems.append(Problem(
                    kind: .deleted, lines: [a.number, b.number],
                    vi: "\(W.capitalized(W.seqRange(ea.seq + 1, eb.seq - 1))) đã bị xoá khỏi sổ cái, giữa dòng \(a.number) (seq \(ea.seq)) và dòng \(b.number) (seq \(eb.seq)).",
                    en: "\(W.capitalized(W.seqRangeEN(ea.seq + 1, eb.seq - 1))) deleted from the ledger, between line \(a.number) (seq \(ea.seq)) and line \(b.number) (seq \(eb.seq)).",
                    details: [detail]))
            } else if eb.seq == ea.seq + 1 {
                problems.append(Problem(
                    kind: .edited, lines: [a.number, b.number],
                    vi: "Dòng \(a.number) (seq \(ea.seq)) đã bị sửa sau khi dòng \(b.number) được ghi: prev của dòng \(b.number) không còn khớp với sha256 của dòng \(a.number).",
                    en: "Line \(a.number) (seq \(ea.seq)) was edited after line \(b.number) was written: line \(b.number)'s prev no longer matches the SHA-256 of line \(a.number).",
                    details: [detail]))
            } else {
                problems.append(Problem(
                    kind: .edited, lines: [b.number, a.number],
                    vi: "Dòng \(b.number) (seq \(eb.seq)) không nối được vào dòng \(a.number) (seq \(ea.seq)): một trong hai dòng đã bị sửa hoặc chèn thêm.",
                    en: "Line \(b.number) (seq \(eb.seq)) does not chain to line \(a.number) (seq \(ea.seq)): one of them was edited or added.",
                    details: [detail]))
            }
        }
        return problems + clockProblems(chain)
    }

    /// True when every line's prev is the hash of the line before and seq counts up from 1.
    static func linksHold(_ lines: [LedgerLine]) -> Bool {
        guard let first = lines.first?.entry, first.prev == nil, first.seq == 1 else { return false }
        return zip(lines, lines.dropFirst()).allSatisfy { a, b in
            b.entry?.prev == a.hash && b.entry?.seq == (a.entry?.seq ?? -1) + 1
        }
    }

    /// Real (not simulated) publications must move forward in time.
    private static func clockProblems(_ chain: [LedgerLine]) -> [Problem] {
        var problems: [Problem] = []
        var latest: (line: LedgerLine, entry: LedgerEntry)?
        for line in chain {
            guard let entry = line.entry, !entry.simulated else { continue }
            if let l = latest, entry.time < l.entry.time {
                problems.append(Problem(
                    kind: .clockBackwards, lines: [line.number, l.line.number],
                    vi: "Dòng \(line.number) ghi thời điểm \(entry.time), sớm hơn dòng \(l.line.number) ở trên (\(l.entry.time)): đồng hồ của máy công bố bị lùi.",
                    en: "Line \(line.number) is dated \(entry.time), earlier than line \(l.line.number) above it (\(l.entry.time)): the publishing machine's clock went back.",
                    details: []))
            } else {
                latest = (line, entry)
            }
        }
        return problems
    }

    private static func excerpt(_ text: String) -> String {
        text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}

// MARK: Wording

/// Lists of line numbers in running text, in both languages.
enum LedgerWording {
    static func list(_ numbers: [Int]) -> String {
        guard numbers.count > 1 else { return numbers.first.map(String.init) ?? "" }
        return numbers.dropLast().map(String.init).joined(separator: ", ") + " và \(numbers.last!)"
    }

    static func listEN(_ numbers: [Int]) -> String {
        guard numbers.count > 1 else { return numbers.first.map(String.init) ?? "" }
        return numbers.dropLast().map(String.init).joined(separator: ", ") + " and \(numbers.last!)"
    }

    /// "dòng 3" / "các dòng 3 và 4"
    static func lineList(_ numbers: [Int]) -> String { numbers.count == 1 ? "dòng \(numbers[0])" : "các dòng \(list(numbers))" }
    /// "line 3 was" / "lines 3 and 4 were"
    static func lineListEN(_ numbers: [Int]) -> String { numbers.count == 1 ? "line \(numbers[0]) was" : "lines \(listEN(numbers)) were" }

    static func seqRange(_ from: Int, _ to: Int) -> String { from == to ? "dòng seq \(from)" : "các dòng seq \(from)–\(to)" }
    static func seqRangeEN(_ from: Int, _ to: Int) -> String { from == to ? "the line with seq \(from) was" : "the lines with seq \(from)–\(to) were" }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
