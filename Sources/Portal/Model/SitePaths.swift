import Foundation
import Disclosure
import Compliance

/// Where every output lives inside Site/, and how one page links to another.
///
/// Pages link relatively and name `index.html` explicitly, so `Site/index.html` also works when
/// opened straight from disk and the site can be served under any path. Feeds, the sitemap and
/// canonical links need absolute URLs: those come from `base_url` (see `SiteURLs`).
public enum SitePaths {
    public static let home = "index.html"
    public static let notFound = "404.html"
    public static let about = "gioi-thieu/index.html"
    public static let search = "tim-kiem/index.html"
    public static let archive = "luu-tru/index.html"
    public static let types = "loai/index.html"
    public static let categories = "danh-muc/index.html"
    public static let atomFeed = "feed.atom"
    public static let jsonFeed = "feed.json"
    public static let calendar = "calendar.ics"
    public static let recordsAPI = "api/records.json"
    public static let recordsSchema = "api/records.schema.json"
    public static let searchIndex = "search-index.json"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"

    public static func record(_ id: RecordID) -> String { "van-ban/\(id)/index.html" }

    static func year(_ year: Int) -> String { "luu-tru/\(year)/" }
    static func month(_ year: Int, _ month: Int) -> String { "luu-tru/\(year)/\(month < 10 ? "0" : "")\(month)/" }
    static func type(_ slug: String) -> String { "loai/\(slug)/" }
    static func category(_ slug: String) -> String { "danh-muc/\(slug)/" }

    /// Page `n` (from 1) of a paginated listing in `folder`: `folder/index.html`, `folder/trang-2/index.html`.
    static func page(_ n: Int, of folder: String) -> String {
        n == 1 ? folder + "index.html" : folder + "trang-\(n)/index.html"
    }

    /// Attachments keep their path inside Content/ under `tep/`.
    static func attachment(_ contentPath: String) -> String { "tep/" + contentPath }

    /// `../../` for a page two folders deep: the prefix that leads from `page` to the site root.
    static func root(from page: String) -> String {
        String(repeating: "../", count: page.filter { $0 == "/" }.count)
    }

    /// A link from `page` to `target`, both paths inside Site/.
    static func link(from page: String, to target: String) -> String {
        root(from: page) + percentEncoded(target)
    }

    /// Percent-encodes each path segment (attachment names may hold spaces or Vietnamese letters):
    /// every UTF-8 byte but ASCII letters, digits and `-._~` becomes `%XX` in upper-case hex, as
    /// Foundation's `addingPercentEncoding` writes it. Segments are split at the characters "/"
    /// (a "/" carrying a combining mark is part of its segment, and encoded); paths that need no
    /// encoding, nearly all of them, come back as they are.
    static func percentEncoded(_ path: String) -> String {
        let utf8 = path.utf8
        guard utf8.contains(where: { !isKept($0) && $0 != UInt8(ascii: "/") }) else { return path }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count * 3)
        let hex = Array("0123456789ABCDEF".utf8)
        for (index, segment) in path.split(separator: "/", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { out.append(UInt8(ascii: "/")) }
            for byte in segment.utf8 {
                if isKept(byte) {
                    out.append(byte)
                } else {
                    out.append(UInt8(ascii: "%"))
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0x0F)])
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}

/// Absolute URLs from the site's `base_url` (or `--base-url`), for canonical links, feeds and the sitemap.
public struct SiteURLs: Sendable, Hashable {
    /// Ends with "/".
    public let base: String

    public init(base: String) {
        self.base = base.hasSuffix("/") ? base : base + "/"
    }

    /// The public URL of a path inside Site/; folders are named without their `index.html`.
    public func absolute(_ path: String) -> String {
        let pretty = path == "index.html" ? "" : path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
        return base + SitePaths.percentEncoded(pretty)
    }

    /// The path part of the base URL ("/" or "/sub/"), for pages such as 404.html that are served at
    /// any depth and so cannot link relatively.
    public var rootPath: String {
        guard let url = URL(string: base), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }

    /// The host name, for calendar UIDs; the whole base when it has none.
    public var host: String { URL(string: base)?.host ?? base }
}

extension SitePaths {
    /// Where the site keeps the publication ledger, its manifest, the page explaining them and
    /// the head of the chain (docs/ledger.md).
    public static let ledger = LedgerLayout(folder: "so-cai/", ledger: "so-cai/ledger.jsonl", manifest: "so-cai/manifest.sha256",
                                            page: "so-cai/index.html", head: "api/ledger-head.json")
}
