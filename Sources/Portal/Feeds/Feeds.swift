import Foundation
import Disclosure

/// The Atom 1.0 and JSON Feed 1.1 feeds of recent records: one pair for the whole site, one per
/// document type. Dates are the records' own, never the build time.
struct FeedSet {
    static let limit = 50

    let content: PortalContent
    let strings: PortalStrings
    let time: FeedTime

    /// The site-wide machine-readable outputs the home page announces.
    static func siteFeeds(strings t: PortalStrings) -> [FeedLink] {
        [
            FeedLink(path: SitePaths.atomFeed, mediaType: "application/atom+xml", title: t.atomFeed, isSiteWide: true),
            FeedLink(path: SitePaths.jsonFeed, mediaType: "application/feed+json", title: t.jsonFeed, isSiteWide: true),
            FeedLink(path: SitePaths.calendar, mediaType: "text/calendar", title: t.calendarFeed, isSiteWide: true),
            // A type of its own (RFC 6839 +json suffix): feed readers take any `application/json`
            // alternate for a JSON Feed, and this is not one.
            FeedLink(path: SitePaths.recordsAPI, mediaType: "application/vnd.congkhai.records+json", title: t.recordsAPI, isSiteWide: true),
        ]
    }

    static func typeFeeds(_ type: DocumentType, strings t: PortalStrings) -> [FeedLink] {
        let folder = SitePaths.type(ListingSlugs.type(type))
        return [
            FeedLink(path: folder + "feed.atom", mediaType: "application/atom+xml",
                     title: PortalStrings.fill(t.typeFeed, ["type": type.nameVI, "format": "Atom"]), isSiteWide: false),
            FeedLink(path: folder + "feed.json", mediaType: "application/feed+json",
                     title: PortalStrings.fill(t.typeFeed, ["type": type.nameVI, "format": "JSON Feed"]), isSiteWide: false),
        ]
    }

    /// The types that have records, in the decree's order.
    var types: [DocumentType] {
        let present = Set(content.records.map(\.record.type.code))
        return (DocumentType.all).filter { present.contains($0.code) }
    }

    /// Every record a feed carries, each once: the feeds print their bodies.
    var carried: [PortalRecord] {
        var seen = Set<RecordID>()
        var carried = content.records.prefix(Self.limit).filter { seen.insert($0.id).inserted }
        for type in types {
            carried += content.records.lazy.filter { $0.record.type.code == type.code }.prefix(Self.limit).filter { seen.insert($0.id).inserted }
        }
        return carried
    }

    func files() -> [OutputFile] {
        let site = content.site
        var files = [
            OutputFile(SitePaths.atomFeed, atom(content.records, title: site.name, path: SitePaths.atomFeed, page: SitePaths.home)),
            OutputFile(SitePaths.jsonFeed, jsonFeed(content.records, title: site.name, path: SitePaths.jsonFeed, page: SitePaths.home)),
        ]
        for type in types {
            let records = content.records.filter { $0.record.type.code == type.code }
            let folder = SitePaths.type(ListingSlugs.type(type))
            let title = "\(type.nameVI) – \(site.name)"
            files.append(OutputFile(folder + "feed.atom", atom(records, title: title, path: folder + "feed.atom", page: folder + "index.html")))
            files.append(OutputFile(folder + "feed.json", jsonFeed(records, title: title, path: folder + "feed.json", page: folder + "index.html")))
        }
        return files
    }

    // MARK: Atom 1.0 (RFC 4287)

    func atom(_ records: [PortalRecord], title: String, path: String, page: String) -> Data {
        let urls = content.urls
        let recent = records.prefix(Self.limit)
        let updated = recent.map(\.record.date).max() ?? content.asOf
        let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(content.site.language))">
          <title>\(XMLText.escape(title))</title>
          <subtitle>\(XMLText.escape(PortalStrings.fill(strings.homeLead, ["commune": content.site.commune])))</subtitle>
          <id>\(XMLText.escape(urls.absolute(path)))</id>
          <link rel="self" type="application/atom+xml" href="\(XMLText.escape(urls.absolute(path)))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escape(urls.absolute(page)))"/>
          <updated>\(time.rfc3339(updated))</updated>
          <author>\(author)</author>
          <generator>CongKhai</generator>

        """
        // Bytes from here: the bodies are escaped straight into the file.
        var bytes = Array(xml.utf8)
        bytes.reserveCapacity(bytes.count + recent.reduce(0) { $0 + $1.body.html.utf8.count * 5 / 4 + 1024 })
        for entry in recent {
            let record = entry.record
            let url = XMLText.escape(urls.absolute(entry.path))
            bytes.append(contentsOf: """
              <entry>
                <title>\(XMLText.escape(entryTitle(record)))</title>
                <id>\(url)</id>
                <link rel="alternate" type="text/html" href="\(url)"/>
                <published>\(time.rfc3339(record.date))</published>
                <updated>\(time.rfc3339(record.date))</updated>
                <category term="\(XMLText.escape(record.type.code))" label="\(XMLText.escape(record.type.nameVI))"/>
                <summary>\(XMLText.escape(summary(entry)))</summary>
                <content type="html">
            """.utf8)
            XMLText.escape(entry.body.html, into: &bytes)
            bytes.append(contentsOf: "</content>\n  </entry>\n".utf8)
        }
        bytes.append(contentsOf: "</feed>\n".utf8)
        return Data(bytes)
    }

    private var author: String {
        var parts = ["<name>\(XMLText.escape(content.site.issuer))</name>"]
        if let email = content.site.contact.email, !email.isEmpty { parts.append("<email>\(XMLText.escape(email))</email>") }
        parts.append("<uri>\(XMLText.escape(content.urls.base))</uri>")
        return parts.joined()
    }

    // MARK: JSON Feed 1.1

    /// Members are written in code-point order (see `JSONWriter`).
    func jsonFeed(_ records: [PortalRecord], title: String, path: String, page: String) -> Data {
        let urls = content.urls
        let recent = records.prefix(Self.limit)
        return JSONOutput.file(capacity: 4096 + recent.reduce(0) { $0 + $1.body.html.utf8.count + 1024 }) { json in
            json.beginObject()
            json.key("authors")
            json.beginArray()
            json.beginObject()
            json.field("name", content.site.issuer)
            json.field("url", urls.base)
            json.endObject()
            json.endArray()
            json.field("description", PortalStrings.fill(strings.homeLead, ["commune": content.site.commune]))
            json.field("feed_url", urls.absolute(path))
            json.field("home_page_url", urls.absolute(page))
            json.key("items")
            json.beginArray()
            for entry in recent {
                let record = entry.record
                let url = urls.absolute(entry.path)
                json.beginObject()
                json.field("content_html", entry.body.html.isEmpty ? "<p>\(XMLText.escape(record.title))</p>" : entry.body.html)
                json.field("date_published", time.rfc3339(record.date))
                json.field("id", url)
                json.field("summary", summary(entry))
                json.field("tags", strings: [record.type.nameVI] + (record.isDraft ? [strings.draftBadge] : []))
                json.field("title", entryTitle(record))
                json.field("url", url)
                json.endObject()
            }
            json.endArray()
            json.field("language", content.site.language)
            json.field("title", title)
            json.field("version", "https://jsonfeed.org/version/1.1")
            json.endObject()
        }
    }

    // MARK: Shared

    private func entryTitle(_ record: Record) -> String {
        "\(RecordSummary.kind(of: record)): \(record.title)"
    }

    /// "Kế hoạch số 127/KH-UBND, ngày 30/01/2024." and the posting period when there is one.
    private func summary(_ entry: PortalRecord) -> String {
        let record = entry.record
        var text = "\(RecordSummary.kind(of: record)), \(PortalStrings.fill(strings.dated, ["date": record.date.vietnamese]))."
        if let schedule = entry.schedule {
            if let end = schedule.end, let days = schedule.days {
                text += " " + strings.metaPosting + ": " + PortalStrings.fill(strings.metaPostingPeriod, [
                    "start": schedule.start.vietnamese, "days": String(days), "end": end.vietnamese,
                ]) + "."
            } else {
                text += " " + PortalStrings.fill(strings.metaPostingPermanent, ["start": schedule.start.vietnamese]) + "."
            }
        }
        return text
    }
}
