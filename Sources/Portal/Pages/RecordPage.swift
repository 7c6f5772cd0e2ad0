import Disclosure
import Compliance

/// One record's page (templates/record.mustache): the posting banner directly above the title,
/// the metadata, how to comment while it is open, the body, signatures, attachments, the dossier
/// and the editor's notes. Private fields of records and comments are never read here.
struct RecordPage: Sendable {
    struct MetaRow: Sendable {
        let label: String
        let value: String
        let href: String?
        let note: String?
    }

    struct TocNode: Sendable {
        let label: String
        let href: String
        let children: [TocNode]
        let hasChildren: Bool
    }

    struct Signature: Sendable {
        let capacity: String?
        let title: String?
        let name: String
    }

    struct Signatory: Sendable {
        let name: String
        let role: String?
    }

    struct CommentView: Sendable {
        let date: String?
        let summary: String
        let response: String?
    }

    struct Reference: Sendable {
        let label: String
        let href: String?
    }

    struct DossierView: Sendable {
        let heading: String
        let papers: [Paper]
    }

    struct Paper: Sendable {
        let stage: String
        let label: String
        let date: String
        let href: String?
        let isCurrent: Bool
        let currentNote: String?
    }

    let layout: PageLayout
    /// The strings table (`{{t.…}}`), shared by every page of the build.
    let t: TemplateStrings
    let breadcrumbs: [Link]
    let banner: PostingBanner?
    let title: String
    let kind: String
    let isDraft: Bool
    let feedbackSentence: String?
    let feedbackDeadline: String?
    let meta: [MetaRow]
    let toc: [TocNode]
    let hasToc: Bool
    let bodyHTML: String
    let hasBody: Bool
    let signature: Signature?
    let signatories: [Signatory]
    let hasSignatories: Bool
    let recipients: [String]
    let hasRecipients: Bool
    let comments: [CommentView]
    let hasComments: Bool
    let attachments: [Link]
    let hasAttachments: Bool
    let dossiers: [DossierView]
    let references: [Reference]
    let hasReferences: Bool
    let citedBy: [RecordSummary]
    let hasCitedBy: Bool
    let hasDossier: Bool
    let notes: [String]
    let hasNotes: Bool

    init(_ entry: PortalRecord, content: PortalContent, layouts: LayoutFactory) {
        let t = layouts.strings
        let record = entry.record
        let path = entry.path
        func link(_ target: String) -> String { SitePaths.link(from: path, to: target) }
        let kind = RecordSummary.kind(of: record)

        layout = layouts.layout(path: path, title: record.title, description: "\(kind), \(PortalStrings.fill(t.dated, ["date": record.date.vietnamese])): \(record.title)",
                                section: nil, structuredData: StructuredData.json(for: entry, content: content),
                                scripts: entry.schedule == nil ? [] : [.banner])
        self.t = layouts.templateStrings
        breadcrumbs = [
            Link(label: t.navHome, href: link(SitePaths.home)),
            Link(label: PortalStrings.fill(t.yearHeading, ["year": String(record.date.year)]),
                 href: link(SitePaths.page(1, of: SitePaths.year(record.date.year)))),
        ]
        if let schedule = entry.schedule, let status = entry.status {
            banner = PostingBanner(schedule: schedule, status: status, asOf: content.asOf, strings: t)
        } else {
            banner = nil
        }
        title = record.title
        self.kind = kind
        isDraft = record.isDraft
        let canComment = entry.status.map { if case .ended = $0 { false } else { true } } ?? false
        feedbackSentence = canComment && !content.site.feedback.isEmpty ? content.site.feedback : nil
        feedbackDeadline = canComment ? record.posting?.feedbackUntil.map { PortalStrings.fill(t.feedbackUntil, ["date": $0.vietnamese]) } : nil
        meta = Self.metadata(entry, content: content, strings: t, from: path)
        toc = Self.toc(record.outline)
        hasToc = !toc.isEmpty
        bodyHTML = entry.body.html
        hasBody = !entry.body.html.isEmpty

        signature = record.signer.map { Signature(capacity: record.signingCapacity, title: record.signerTitle, name: $0) }
        signatories = record.signatories.map { Signatory(name: $0.name, role: $0.role) }
        hasSignatories = !signatories.isEmpty
        recipients = record.recipients
        hasRecipients = !recipients.isEmpty
        comments = record.comments.map { CommentView(date: $0.date?.vietnamese, summary: $0.summary, response: $0.response) }
        hasComments = !comments.isEmpty
        attachments = record.attachments.map {
            Link(label: $0.split(separator: "/").last.map(String.init) ?? $0, href: link(SitePaths.attachment($0)))
        }
        hasAttachments = !attachments.isEmpty

        dossiers = (content.dossiers[record.id] ?? []).compactMap { dossier -> DossierView? in
            guard let subject = content.record(dossier.subject) else { return nil }
            let papers = dossier.papers.compactMap { paper -> Paper? in
                guard let member = content.record(paper.id) else { return nil }
                let isCurrent = paper.id == record.id
                return Paper(stage: t.stage(paper.stage), label: RecordSummary.kind(of: member.record) + ": " + member.record.title,
                             date: member.record.date.vietnamese, href: isCurrent ? nil : link(member.path),
                             isCurrent: isCurrent, currentNote: isCurrent ? t.dossierCurrent : nil)
            }
            return DossierView(heading: PortalStrings.fill(t.dossierOf, ["title": RecordSummary.kind(of: subject.record)]), papers: papers)
        }
        var seen = Set<String>()
        references = record.references.compactMap { reference -> Reference? in
            if let target = reference.target, let cited = content.record(target) {
                guard seen.insert(target).inserted else { return nil }
                return Reference(label: RecordSummary.kind(of: cited.record) + ": " + cited.record.title, href: link(cited.path))
            }
            guard seen.insert(reference.text).inserted else { return nil }
            return Reference(label: reference.text, href: nil)
        }
        hasReferences = !references.isEmpty
        citedBy = (content.citedBy[record.id] ?? []).compactMap { content.record($0) }
            .map { RecordSummary($0, from: path, asOf: content.asOf, strings: t) }
        hasCitedBy = !citedBy.isEmpty
        hasDossier = !dossiers.isEmpty || hasReferences || hasCitedBy
        notes = record.notes
        hasNotes = !notes.isEmpty
    }

    private static func metadata(_ entry: PortalRecord, content: PortalContent, strings t: PortalStrings, from path: String) -> [MetaRow] {
        let record = entry.record
        func row(_ label: String, _ value: String, href: String? = nil, note: String? = nil) -> MetaRow {
            MetaRow(label: label, value: value, href: href.map { SitePaths.link(from: path, to: $0) }, note: note)
        }
        var rows = [
            row(t.metaNumber, record.displayNumber ?? (record.isDraft ? t.metaDraftNoNumber : t.metaNoNumber)),
            row(t.metaType, record.type.nameVI, href: SitePaths.page(1, of: SitePaths.type(ListingSlugs.type(record.type)))),
        ]
        let dateLabel = record.isDraft ? t.metaDraftDate : record.type.code == "BB" ? t.metaMinutesDate : t.metaDate
        rows.append(row(dateLabel, record.time.map { "\($0), \(record.date.vietnamese)" } ?? record.date.vietnamese))
        if let meeting = record.meetingDate, meeting != record.date { rows.append(row(t.metaMeetingDate, meeting.vietnamese)) }
        if let signer = record.signer {
            rows.append(row(t.metaSigner, [record.signingCapacity, record.signerTitle, signer].compactMap { $0 }.joined(separator: " – ")))
        }
        rows.append(row(t.metaIssuer, record.issuer))
        if let category = record.category {
            rows.append(row(t.metaCategory, DisclosureItems.title(of: category),
                            href: SitePaths.page(1, of: SitePaths.category(ListingSlugs.category(category))),
                            note: category.citation.prefix(1).uppercased() + category.citation.dropFirst()))
        }
        if let subjectID = record.subject, let subject = content.record(subjectID) {
            rows.append(row(t.metaSubject, RecordSummary.kind(of: subject.record) + ": " + subject.record.title, href: subject.path))
        }
        if let posting = record.posting, let schedule = entry.schedule {
            if let end = schedule.end, let days = schedule.days {
                var note: String?
                if let legalEnd = schedule.legalEnd, schedule.isShifted {
                    note = PortalStrings.fill(t.metaPostingShifted, [
                        "legalEnd": legalEnd.vietnamese, "end": end.vietnamese,
                        "reason": schedule.shiftReason?.label.lowercased() ?? "",
                    ])
                }
                rows.append(row(t.metaPosting, PortalStrings.fill(t.metaPostingPeriod, [
                    "start": schedule.start.vietnamese, "days": String(days), "end": end.vietnamese,
                ]), note: note))
            } else {
                rows.append(row(t.metaPosting, PortalStrings.fill(t.metaPostingPermanent, ["start": schedule.start.vietnamese])))
            }
            if !posting.places.isEmpty {
                rows.append(row(t.metaPlaces, posting.places.map { place in
                    switch place {
                    case "portal": return t.placePortal
                    case "notice-board": return PortalStrings.fill(t.placeNoticeBoard, ["issuer": content.site.issuer])
                    default: return place
                    }
                }.joined(separator: "; ")))
            }
            if let until = posting.feedbackUntil {
                rows.append(row(t.metaFeedbackUntil, PortalStrings.fill(t.metaFeedbackUntilValue, ["date": until.vietnamese])))
            }
            if let basis = posting.basis { rows.append(row(t.metaBasis, basis)) }
        }
        return rows
    }

    /// Parts hold chapters and articles, chapters hold articles: nested by outline level.
    private static func toc(_ outline: RegulationOutline?) -> [TocNode] {
        guard let entries = outline?.entries, !entries.isEmpty else { return [] }
        var index = 0
        func nodes(deeperThan level: RegulationOutline.Level?) -> [TocNode] {
            var result: [TocNode] = []
            while index < entries.count {
                let entry = entries[index]
                if let level, entry.level <= level { break }
                index += 1
                let children = nodes(deeperThan: entry.level)
                result.append(TocNode(label: entry.heading, href: "#" + entry.anchor, children: children, hasChildren: !children.isEmpty))
            }
            return result
        }
        return nodes(deeperThan: nil)
    }
}

// MARK: Template fields

extension RecordPage: TemplateView {
    static let templateFields = TemplateFieldTable<RecordPage>([
        "layout": { .object($0.layout) },
        "t": { .object($0.t) },
        "breadcrumbs": { .objects($0.breadcrumbs) },
        "banner": { $0.banner.map(TemplateValue.object) },
        "title": { .text($0.title) },
        "kind": { .text($0.kind) },
        "isDraft": { .bool($0.isDraft) },
        "feedbackSentence": { $0.feedbackSentence.map(TemplateValue.text) },
        "feedbackDeadline": { $0.feedbackDeadline.map(TemplateValue.text) },
        "meta": { .objects($0.meta) },
        "toc": { .objects($0.toc) },
        "hasToc": { .bool($0.hasToc) },
        "bodyHTML": { .text($0.bodyHTML) },
        "hasBody": { .bool($0.hasBody) },
        "signature": { $0.signature.map(TemplateValue.object) },
        "signatories": { .objects($0.signatories) },
        "hasSignatories": { .bool($0.hasSignatories) },
        "recipients": { .texts($0.recipients) },
        "hasRecipients": { .bool($0.hasRecipients) },
        "comments": { .objects($0.comments) },
        "hasComments": { .bool($0.hasComments) },
        "attachments": { .objects($0.attachments) },
        "hasAttachments": { .bool($0.hasAttachments) },
        "dossiers": { .objects($0.dossiers) },
        "references": { .objects($0.references) },
        "hasReferences": { .bool($0.hasReferences) },
        "citedBy": { .objects($0.citedBy) },
        "hasCitedBy": { .bool($0.hasCitedBy) },
        "hasDossier": { .bool($0.hasDossier) },
        "notes": { .texts($0.notes) },
        "hasNotes": { .bool($0.hasNotes) },
    ])
}

extension RecordPage.MetaRow: TemplateView {
    static let templateFields = TemplateFieldTable<RecordPage.MetaRow>([
        "label": { .text($0.label) },
        "value": { .text($0.value) },
        "href": { $0.href.map(TemplateValue.text) },
        "note": { $0.note.map(TemplateValue.text) },
    ])
}

extension RecordPage.TocNode: TemplateView {
    static let templateFields = TemplateFieldTable<RecordPage.TocNode>([
        "label": { .text($0.label) },
        "href": { .text($0.href) },
        "children": { .objects($0.children) },
        "hasChildren": { .bool($0.hasChildren) },
    ])
}

extension RecordPage.Signature: TemplateView {
    static let templateFields = TemplateFieldTable<RecordPage.Signature>([
        "capacity": { $0.capacity.map(TemplateValue.text) },
        "title": { $0.title.map(TemplateValue.text) },
        "name": { .text($0.name) },
    ])
}

extension RecordPage.Signatory: TemplateView {
    static let templateFields = TemplateFieldTable<RecordPage.Signatory>([
        "name": { .text($0.name) },
        "role": { $0.role.map(TemplateValue.text) },
    ])
}

extension RecordPage.CommentView: TemplateView {
    static let templateFields = TemplateFieldTable<RecordPage.CommentView>([
        "date": { $0.date.map(TemplateValue.text) },
        "summary": { .text($0.summary) },
        "response": { $0.response.map(TemplateValue.text) },
    ])
}

extension RecordPage.Reference: TemplateView {
    static let templateFields = TemplateFieldTable<RecordPage.Reference>([
        "label": { .text($0.label) },
        "href": { $0.href.map(TemplateValue.text) },
    ])
}

extension RecordPage.DossierView: TemplateView {
    static let templateFields = TemplateFieldTable<RecordPage.DossierView>([
        "heading": { .text($0.heading) },
        "papers": { .objects($0.papers) },
    ])
}

extension RecordPage.Paper: TemplateView {
    static let templateFields = TemplateFieldTable<RecordPage.Paper>([
        "stage": { .text($0.stage) },
        "label": { .text($0.label) },
        "date": { .text($0.date) },
        "href": { $0.href.map(TemplateValue.text) },
        "isCurrent": { .bool($0.isCurrent) },
        "currentNote": { $0.currentNote.map(TemplateValue.text) },
    ])
}
