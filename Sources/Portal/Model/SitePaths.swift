import Foundation
import Disclosure

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

    /// Percent-encodes each path segment (attachment names may hold spaces or Vietnamese letters).
    static func percentEncoded(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? String($0) }
            .joined(separator: "/")
    }

    private static let segmentCharacters: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        set.insert(charactersIn: "-._~")
        return set
    }()
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
