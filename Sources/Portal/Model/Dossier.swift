import Disclosure

/// The papers of one disclosure, in the order of the seed regulation's Art. 9: the plan, the record
/// disclosed, the meeting minutes, the posting minutes, the end-of-posting minutes, the report.
struct Dossier: Sendable {
    enum Stage: Int, Sendable, Comparable {
        case plan, subject, meeting, postingStart, postingEnd, report, other
        static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }
    }

    struct Paper: Sendable {
        let stage: Stage
        let id: RecordID
    }

    let subject: RecordID
    let papers: [Paper]

    /// Builds a dossier for every published record that other records are about (`subject`), in one
    /// pass over the records. Its papers: the subject, the records about it, and the plans (KH) that
    /// either cite the subject or are cited by those records.
    static func all(records: [PortalRecord], citations: [RecordID: [RecordID]]) -> [Dossier] {
        // Portal records, not `Record` values: a dictionary of 10,000 records by value copies every
        // field of each, on one core.
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var about: [RecordID: [PortalRecord]] = [:]
        for entry in records {
            if let subject = entry.record.subject, byID[subject] != nil { about[subject, default: []].append(entry) }
        }
        return about.keys.sorted().compactMap { subjectID in
            guard let subject = byID[subjectID] else { return nil }
            let members = about[subjectID] ?? []
            var ids = Set([subjectID] + members.map(\.id))
            let citedByMembers = ([subject] + members).flatMap { $0.record.references.compactMap(\.target) }
            let citingSubject = citations[subjectID] ?? []
            for id in citedByMembers + citingSubject where byID[id]?.record.type.code == "KH" { ids.insert(id) }
            let papers = ids.compactMap { id in byID[id].map { Paper(stage: stage(of: $0.record, subject: subjectID), id: id) } }
                .sorted { a, b in
                    if a.stage != b.stage { return a.stage < b.stage }
                    let da = byID[a.id]!.record.date, db = byID[b.id]!.record.date
                    return da != db ? da < db : a.id < b.id
                }
            return Dossier(subject: subjectID, papers: papers)
        }
    }

    private static func stage(of record: Record, subject: RecordID) -> Stage {
        if record.id == subject { return .subject }
        switch record.minutes {
        case .meeting: return .meeting
        case .postingStart: return .postingStart
        case .postingEnd: return .postingEnd
        case .ballot, .other: return .other
        case nil: break
        }
        switch record.type.code {
        case "KH": return .plan
        case "BC": return .report
        default: return .other
        }
    }
}
