import Foundation
import Disclosure
import Compliance

/// Where a record's print view lives: beside the record's page, under `in/` ("in" is Vietnamese
/// for "print").
public enum PrintPaths {
    public static func notice(_ id: RecordID) -> String { "van-ban/\(id)/in/index.html" }
}

/// The print view of one posted record (templates/print.mustache): an A4 notice for the board at
/// the commune office, with the national header, the record's number and title, the posting period
/// in words, how and until when to comment, and a QR code leading to the record's permanent page.
struct PrintNotice: Sendable {
    struct Line: Sendable {
        let text: String
    }

    let t: TemplateStrings
    let lang: String
    let pageTitle: String
    let canonical: String
    let root: String
    let recordHref: String
    let issuer: String
    let number: String?
    let isDraft: Bool
    let dateLine: String?
    /// The type ("Kế hoạch"), left out when the title already starts with it.
    let kind: String?
    let title: String
    let period: [Line]
    let places: String?
    let feedback: [Line]
    let hasFeedback: Bool
    let contact: [Line]
    let hasContact: Bool
    let qrAlt: String
    /// The QR code's side in modules, margin included, and its dark modules as an SVG path.
    let qrSide: Int
    let qrPath: String
    let url: String
    let signature: RecordPage.Signature?

    init(_ entry: PortalRecord, schedule: PostingSchedule, content: PortalContent, qr: QRCode, strings t: PortalStrings) {
        self.init(entry, schedule: schedule, site: PrintNoticeSite(content: content, strings: TemplateStrings(t)),
                  url: content.urls.absolute(entry.path), qr: qr)
    }

    /// `url` is the record's permanent URL (the canonical link, and what the QR code holds).
    init(_ entry: PortalRecord, schedule: PostingSchedule, site parts: PrintNoticeSite, url: String, qr: QRCode) {
        let record = entry.record
        let t = parts.strings.strings
        let site = parts.content.site
        let path = PrintPaths.notice(record.id)
        self.t = parts.strings
        lang = site.language
        pageTitle = "\(t.printHeading): \(record.title) – \(site.name)"
        canonical = url
        root = SitePaths.root(from: path)
        recordHref = SitePaths.link(from: path, to: entry.path)
        issuer = record.issuer.uppercased()
        number = record.displayNumber.map { PortalStrings.fill(t.printNumber, ["number": $0]) }
        isDraft = record.isDraft
        let place = record.place ?? site.place
        dateLine = record.isDraft ? nil : place.isEmpty ? VietnameseWords.date(record.date).capitalizedFirst
            : "\(place), \(VietnameseWords.date(record.date))"
        let kind = record.isDraft ? "\(t.draftBadge) \(record.type.nameVI.lowercased())" : record.type.nameVI
        self.kind = record.title.hasPrefixIgnoringCase(kind) ? nil : kind
        title = record.title
        self.url = url

        var period: [Line] = []
        if let end = schedule.end, let days = schedule.days {
            period.append(Line(text: PortalStrings.fill(t.printPeriod, [
                "days": VietnameseWords.count(days), "start": VietnameseWords.date(schedule.start), "end": VietnameseWords.date(end),
            ])))
            if let legalEnd = schedule.legalEnd, schedule.isShifted {
                period.append(Line(text: PortalStrings.fill(t.printPeriodShifted, [
                    "end": VietnameseWords.date(end), "legalEnd": VietnameseWords.date(legalEnd),
                    "reason": schedule.shiftReason?.label.lowercased() ?? "",
                ])))
            }
        } else {
            period.append(Line(text: PortalStrings.fill(t.printPermanent, ["start": VietnameseWords.date(schedule.start)])))
        }
        self.period = period
        let posting = record.posting
        let placeNames = (posting?.places ?? []).map { parts.placeNames[$0] ?? $0 }
        places = placeNames.isEmpty ? nil : PortalStrings.fill(t.printPlaces, ["places": placeNames.joined(separator: "; ")])

        var feedback: [Line] = []
        if let until = posting?.feedbackUntil {
            feedback.append(Line(text: PortalStrings.fill(t.printFeedbackUntil, ["issuer": site.issuer, "date": VietnameseWords.date(until)])))
        }
        if !site.feedback.isEmpty { feedback.append(Line(text: site.feedback)) }
        self.feedback = feedback
        hasFeedback = !feedback.isEmpty
        contact = parts.contact
        hasContact = !contact.isEmpty
        qrAlt = PortalStrings.fill(t.printQRAlt, ["url": url])
        qrSide = qr.side
        qrPath = qr.svgPath
        signature = record.signer.map { RecordPage.Signature(capacity: record.signingCapacity, title: record.signerTitle, name: $0) }
    }
}

/// The parts of a print notice that are the same for every record of a site, made once per build.
struct PrintNoticeSite: Sendable {
    let content: PortalContent
    /// The build's strings table, which the notices also hand to the template as `t`.
    let strings: TemplateStrings
    /// The names of the places of posting that have one ("portal", "notice-board").
    let placeNames: [String: String]
    let contact: [PrintNotice.Line]

    init(content: PortalContent, strings table: TemplateStrings) {
        self.content = content
        strings = table
        let t = table.strings
        let site = content.site
        placeNames = [
            "portal": PortalStrings.fill(t.printPlacePortal, ["name": site.name, "url": content.urls.base]),
            "notice-board": PortalStrings.fill(t.placeNoticeBoard, ["issuer": site.issuer]),
        ]
        contact = [
            site.contact.address.map { "\(t.address): \($0)" },
            site.contact.email.flatMap { $0.isEmpty ? nil : "\(t.email): \($0)" },
            site.contact.phone.map { "\(t.phone): \($0)" },
        ].compactMap { $0 }.map(PrintNotice.Line.init)
    }
}

/// Every print view of a build, with its QR image: the files `SiteBuilder` adds to the site.
/// Records are independent, so the builder hands out slices of them to run on all cores.
struct PrintNotices {
    let site: PrintNoticeSite

    init(content: PortalContent, strings: TemplateStrings) {
        site = PrintNoticeSite(content: content, strings: strings)
    }

    /// The notice of each posted record in `records`.
    func files(for records: ArraySlice<PortalRecord>, renderer: PageRenderer) throws -> [OutputFile] {
        var files: [OutputFile] = []
        for entry in records {
            files += try self.files(for: entry, renderer: renderer)
        }
        return files
    }

    /// A posted record's notice; nothing for a record without a posting.
    func files(for entry: PortalRecord, renderer: PageRenderer) throws -> [OutputFile] {
        guard let schedule = entry.schedule else { return [] }
        let url = site.content.urls.absolute(entry.path)
        let notice = PrintNotice(entry, schedule: schedule, site: site, url: url, qr: try QRCode(encoding: url))
        return [OutputFile(PrintPaths.notice(entry.id), try renderer.render(notice, with: "print"))]
    }
}

fileprivate extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension String {
    /// `lowercased().hasPrefix(prefix.lowercased())`, lowercasing only the head of a long string
    /// (a record's title). Lowercasing maps each scalar on its own, and where a character ends
    /// depends only on the scalars up to the next one; so once the lowercased head holds one
    /// character more than the prefix, it answers as the whole string would.
    func hasPrefixIgnoringCase(_ prefix: String) -> Bool {
        let lowercasedPrefix = prefix.lowercased()
        let head = String(unicodeScalars.prefix(2 * lowercasedPrefix.unicodeScalars.count + 4)).lowercased()
        guard head.count > lowercasedPrefix.count else { return lowercased().hasPrefix(lowercasedPrefix) }
        return head.hasPrefix(lowercasedPrefix)
    }
}
