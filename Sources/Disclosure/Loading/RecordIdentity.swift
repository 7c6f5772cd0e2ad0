import Foundation

/// Gives every record its id and finds clashes: the same number twice in one year
/// (Decree 30/2020 Art. 15: numbers restart each 1 January) and the same id twice.
enum RecordIdentity {
    /// What a record brings to the id check on its own: the id from its `id:`, number or file name
    /// (empty when that has no letter or digit), and the key under which its number must be
    /// unique. Pure per record, so it is worked out with the parse, on all cores.
    struct Claim: Equatable, Sendable {
        var id: RecordID
        var numberKey: String?
    }

    static func claim(of record: Record, explicitID: Bool) -> Claim {
        var id = record.id
        if !explicitID {
            if let number = record.number {
                id = TextFolding.slug("\(number.year ?? record.date.year) \(number)")
            } else {
                id = TextFolding.slug(fileStem(record.file))
            }
        }
        guard let number = record.number else { return Claim(id: id, numberKey: nil) }
        // Case and Unicode form make no other number: 14/kh-ubnd is 14/KH-UBND.
        let text = "\(number.year ?? record.date.year) \(number)"
        let key = SourceText.precomposed(text).uppercased()
        return Claim(id: id, numberKey: key)
    }

    /// `documents/2024/Trung-Lap.md` → `Trung-Lap`: the last path component without a final
    /// `.md` in any case.
    static func fileStem(_ file: String) -> String {
        (file as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "", options: [.caseInsensitive, .anchored, .backwards])
    }

    /// The id of a record whose file name gives no slug (`🙂.md`): `ban-ghi-` ("record") and 8 hex
    /// digits of a 64-bit FNV-1a digest of its path in the content folder (NFC), so it depends on
    /// that file alone, not on the order or number of the other files, on every machine.
    static func pathID(_ file: String) -> RecordID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in file.precomposedStringWithCanonicalMapping.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash >> 32, radix: 16)
        return "ban-ghi-" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Takes the records in file order; a record whose number or id is already taken is reported
    /// and left out. Only the first holder's file is kept per number and id, not its record.
    /// The records are moved out of `parsed`, which is left empty.
    static func assignIDs(_ parsed: inout [RecordParser.Parsed], diagnostics: inout [Diagnostic]) -> [Record] {
        var byNumber: [String: String] = [:]
        var byID: [RecordID: String] = [:]
        var records: [Record] = []
        records.reserveCapacity(parsed.count)
        byNumber.reserveCapacity(parsed.count)
        byID.reserveCapacity(parsed.count)
        // Taken from the end of the reversed list: each record is moved, not copied (serial work).
        parsed.reverse()
        while let item = parsed.popLast() {
            var record = item.record
            record.id = item.claim.id
            if record.id.isEmpty { record.id = Self.pathID(record.file) }
            if let number = record.number, let key = item.claim.numberKey {
                if let first = byNumber[key] {
                    diagnostics.append(Diagnostic(.error, .duplicateNumber,
                        "the number \(number) is used twice in \(number.year ?? record.date.year): here and in \(first)",
                        hint: "numbers are unique within a year (Decree 30/2020 Art. 15); correct one of them",
                        at: SourceLocation(file: record.file, line: item.numberLine)))
                    continue
                }
                byNumber[key] = record.file
            }
            if let first = byID[record.id] {
                diagnostics.append(Diagnostic(.error, .duplicateID,
                    "the id “\(record.id)” is taken by \(first) too",
                    hint: "rename one of the files, or give one of them its own `id:`",
                    at: SourceLocation(file: record.file, line: 1)))
                continue
            }
            byID[record.id] = record.file
            records.append(record)
        }
        return records
    }
}

/// Resolves `references` and `subject` between records. A reference that names no record stays
/// a plain citation (national laws are cited this way); it is worth a warning only when it looks
/// like one of this site's own numbers.
enum RecordLinks {
    static func resolve(_ records: inout [Record], site: SiteConfig, diagnostics: inout [Diagnostic]) {
        let ids = Set(records.map(\.id))
        // Dates and ids only: holding whole records here would copy every field of each.
        var byNumber: [String: [(date: Day, id: RecordID)]] = [:]
        for record in records {
            if let n = record.displayNumber { byNumber[n, default: []].append((record.date, record.id)) }
        }
        func target(for text: String, citedOn date: Day) -> RecordID? {
            if ids.contains(text) { return text }
            guard case .success(let parsed) = DocumentNumber.parse(text) else { return nil }
            let candidates = byNumber[parsed.value.description] ?? []
            // Same number in several years: the latest one not after the citing record.
            return candidates.filter { $0.date <= date }.max { $0.date < $1.date }?.id
                ?? candidates.min { $0.date < $1.date }?.id
        }
        // Fields are read through the index, not from a copy of the record (one core, every record).
        for index in records.indices {
            let date = records[index].date, file = records[index].file
            for r in records[index].references.indices {
                let text = records[index].references[r].text
                if let id = target(for: text, citedOn: date) {
                    records[index].references[r].target = id
                } else if looksLikeOwnNumber(text, site: site) {
                    diagnostics.append(Diagnostic(.warning, .unresolvedReference,
                        "the reference “\(Diagnostic.excerpt(text))” looks like one of this commune's numbers, but no record has it",
                        hint: "add that record, or correct the number", at: SourceLocation(file: file, line: records[index].references[r].line)))
                }
            }
            if let subject = records[index].subjectReference {
                if let id = target(for: subject, citedOn: date) {
                    records[index].subject = id
                } else {
                    diagnostics.append(Diagnostic(.warning, .unresolvedSubject,
                        "`subject: \(Diagnostic.excerpt(subject))` names no record",
                        hint: "use the id (file name) or the number of the record these minutes are about",
                        at: SourceLocation(file: file, line: 1)))
                }
            }
        }
    }

    /// "156/QC-UBND" with this site's issuer code, standing alone (not "Nghị định số 59/2023/NĐ-CP").
    static func looksLikeOwnNumber(_ text: String, site: SiteConfig) -> Bool {
        guard case .success(let parsed) = DocumentNumber.parse(text) else { return false }
        return parsed.value.issuerCode == site.issuerCode || parsed.value.issuerCode.hasPrefix(site.issuerCode + "-")
    }
}
