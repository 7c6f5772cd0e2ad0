import Foundation
import Disclosure

/// `sitemap.xml` (sitemaps.org 0.9) with every HTML page but 404.html, absolute URLs inside the
/// base URL, and the record's date as `lastmod` of its page; `robots.txt` points to it.
enum Sitemap {
    static func file(pages: [String], content: PortalContent) -> Data {
        var lastModified: [String: Day] = [:]
        lastModified.reserveCapacity(content.records.count)
        // By index: two fields read in place, not a copy of each record.
        for index in content.records.indices { lastModified[content.records[index].path] = content.records[index].record.date }
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for page in pages.sorted() where page != SitePaths.notFound {
            xml += "  <url><loc>\(XMLText.escape(content.urls.absolute(page)))</loc>"
            if let day = lastModified[page] { xml += "<lastmod>\(day.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return Data(xml.utf8)
    }

    static func robots(content: PortalContent) -> Data {
        Data("User-agent: *\nAllow: /\n\nSitemap: \(content.urls.absolute(SitePaths.sitemap))\n".utf8)
    }
}
