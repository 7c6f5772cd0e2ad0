/// What of the content may reach the public portal (Site/, its feeds, search index and JSON API).
///
/// Two rules, in one place so every writer of Site/ applies the same ones:
/// - a record is public unless it says `publish: false`, or it is a draft (`draft: true`) that is
///   not posted for comments (a draft is published only as the text put out for comments);
/// - `private:` data (of the record and of each comment: who sent it, phone numbers …) is for
///   staff tools only (check, minutes) and is removed from the public view.
extension Record {
    /// Whether the record may appear on the portal at all.
    public var isPublic: Bool { isPublished && (!isDraft || posting != nil) }

    /// The record as the public may see it: its `private:` data and that of its comments removed.
    public var publicView: Record {
        var copy = self
        copy.removePrivateData()
        return copy
    }

    mutating func removePrivateData() {
        privateFields = [:]
        for index in comments.indices { comments[index].privateFields = [:] }
    }
}

extension LoadedContent {
    /// The content as the portal may publish it: public records only, each without its private
    /// data, and no link from a public record to one that is not published (such a reference stays
    /// a plain citation unless it names the hidden record by its id, such a `subject` is dropped),
    /// so no page, feed or index can name or link a record that is not public.
    public var publicContent: LoadedContent {
        // The records are copied once and then changed in place: this runs on one core, and each
        // copy of 10,000 records retains every field of each.
        var copy = self
        copy.records.removeAll { !$0.isPublic }
        let published = Set(copy.records.map(\.id))
        for index in copy.records.indices {
            copy.records[index].removePrivateData()
            // A citation by number stays as text (it is part of the record's own wording); a bare id
            // of a hidden record is a file name of the staff's, and goes.
            copy.records[index].references.removeAll { reference in
                guard let target = reference.target else { return false }
                return !published.contains(target) && reference.text == target
            }
            for r in copy.records[index].references.indices
            where copy.records[index].references[r].target.map({ !published.contains($0) }) ?? false {
                copy.records[index].references[r].target = nil
            }
            if let subject = copy.records[index].subject, !published.contains(subject) {
                copy.records[index].subject = nil
                copy.records[index].subjectReference = nil
            }
        }
        return copy
    }
}
