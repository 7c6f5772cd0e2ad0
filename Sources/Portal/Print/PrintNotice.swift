import Foundation
import Disclosure
import Compliance

/// Where a record's print view and its QR image live: beside the record's page, under `in/`
/// ("in" is Vietnamese for "print").
public enum PrintPaths {
    public static func notice(_ id: RecordID) -> String { "van-ban/\(id)/in/index.html" }
    public static func qrImage(_ id: RecordID) -> String { "van-ban/\(id)/in/qr.png" }
}

/// The print view of one posted record (templates/print.mustache): an A4 notice for the board at
/// the commune office, with the national header, the record's number and title, the posting period
/// in words, how and until when to comment, and a QR code leading to the record's permanent page.
struct PrintNotice: Sendable {
    struct Line: Sendable {
        let text: String
    }

    let t: PortalStrings
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
    let qrSize: Int
    let url: String
    let signature: RecordPage.Signature?

    /// The pixel size of the QR image: 8 pixels per module, 4 modules of margin on each side.
    static func imageSide(of code: QRCode) -> Int { (code.size + 8) * 8 }

    init(_ entry: PortalRecord, schedule: PostingSchedule, content: PortalContent, qrSide: Int, strings t: PortalStrings) {
        let record = entry.record
        let site = content.site
        let path = PrintPaths.notice(record.id)
        self.t = t
        lang = site.language
        pageTitle = "\(t.printHeading): \(record.title) – \(site.name)"
        canonical = content.urls.absolute(entry.path)
        root = SitePaths.root(from: path)
        recordHref = SitePaths.link(from: path, to: entry.path)
        issuer = record.issuer.uppercased()
        number = record.displayNumber.map { PortalStrings.fill(t.printNumber, ["number": $0]) }
        isDraft = record.isDraft
        let place = record.place ?? site.place
        dateLine = record.isDraft ? nil : place.isEmpty ? VietnameseWords.date(record.date).capitalizedFirst
            : "\(place), \(VietnameseWords.date(record.date))"
        let kind = record.isDraft ? "\(t.draftBadge) \(record.type.nameVI.lowercased())" : record.type.nameVI
        self.kind = record.title.lowercased().hasPrefix(kind.lowercased()) ? nil : kind
        title = record.title
        url = content.urls.absolute(entry.path)

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
        let placeNames = (posting?.places ?? []).map { place -> String in
            switch place {
            case "portal": return PortalStrings.fill(t.printPlacePortal, ["name": site.name, "url": content.urls.base])
            case "notice-board": return PortalStrings.fill(t.placeNoticeBoard, ["issuer": site.issuer])
            default: return place
            }
        }
        places = placeNames.isEmpty ? nil : PortalStrings.fill(t.printPlaces, ["places": placeNames.joined(separator: "; ")])

        var feedback: [Line] = []
        if let until = posting?.feedbackUntil {
            feedback.append(Line(text: PortalStrings.fill(t.printFeedbackUntil, ["issuer": site.issuer, "date": VietnameseWords.date(until)])))
        }
        if !site.feedback.isEmpty { feedback.append(Line(text: site.feedback)) }
        self.feedback = feedback
        hasFeedback = !feedback.isEmpty
        contact = [
            site.contact.address.map { "\(t.address): \($0)" },
            site.contact.email.flatMap { $0.isEmpty ? nil : "\(t.email): \($0)" },
            site.contact.phone.map { "\(t.phone): \($0)" },
        ].compactMap { $0 }.map(Line.init)
        hasContact = !contact.isEmpty
        qrAlt = PortalStrings.fill(t.printQRAlt, ["url": url])
        qrSize = qrSide
        signature = record.signer.map { RecordPage.Signature(capacity: record.signingCapacity, title: record.signerTitle, name: $0) }
    }
}

/// Every print view of a build, with its QR image: the files `SiteBuilder` adds to the site.
struct PrintNotices {
    let content: PortalContent
    let strings: PortalStrings

    func files(renderer: PageRenderer) throws -> [OutputFile] {
        try content.records.flatMap { entry -> [OutputFile] in
            guard let schedule = entry.schedule else { return [] }
            let code = try QRCode(encoding: content.urls.absolute(entry.path))
            let image = PNGEncoder.encode(code.bitmap())
            let notice = PrintNotice(entry, schedule: schedule, content: content, qrSide: PrintNotice.imageSide(of: code), strings: strings)
            return [
                OutputFile(PrintPaths.notice(entry.id), try renderer.render(notice, with: "print")),
                OutputFile(PrintPaths.qrImage(entry.id), image),
            ]
        }
    }
}

fileprivate extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
