import Foundation
import Disclosure
import Compliance

/// The publication ledger inside the built site (docs/ledger.md):
/// - `so-cai/index.html`: what the ledger proves and how to verify it, with the head of the chain;
/// - `so-cai/ledger.jsonl`: the ledger's complete lines, byte for byte;
/// - `api/ledger-head.json`: the head of the chain the site was built or published with;
/// - `so-cai/manifest.sha256` (published sites only): `sha256sum` lines of the files the site
///   digest covers.
/// None of them is covered by the site digest: they record it.
public enum LedgerSite {
    /// - Parameters:
    ///   - ledger: `Content/ledger.jsonl` as read (nil: none yet), or the ledger with the line
    ///     `publish` is about to append.
    ///   - manifest: the manifest of the published site (`publish` only).
    ///   - builder: the build the page belongs to (its site, day, theme and strings).
    public static func files(ledger: Ledger?, manifest: SiteManifest? = nil, builder: SiteBuilder) throws -> [OutputFile] {
        // The page needs the layout only: a model without records is enough and costs nothing.
        var bare = builder.content
        bare.records = []
        let portal = PortalContent(content: bare, book: builder.book, asOf: builder.asOf,
                                   urls: SiteURLs(base: builder.baseURL ?? builder.content.site.baseURL))
        let layouts = LayoutFactory(content: portal, strings: builder.strings)
        let page = LedgerPageView(ledger: ledger, layouts: layouts, timeZone: builder.content.site.timeZone)
        var files = [OutputFile(SitePaths.ledger.page, try builder.renderer.render(page, with: "ledger"))]
        if let ledger, !ledger.completeBytes.isEmpty {
            files.append(OutputFile(SitePaths.ledger.ledger, Data(ledger.completeBytes)))
        }
        if let last = ledger?.entries.last {
            files.append(OutputFile(SitePaths.ledger.head, Data((PublishedHead(entry: last.entry).json(ledgerPath: SitePaths.ledger.ledger).encoded + "\n").utf8)))
        }
        if let manifest {
            files.append(OutputFile(SitePaths.ledger.manifest, Data(manifest.text.utf8)))
        }
        return files
    }
}

/// `so-cai/index.html` (templates/ledger.mustache). Its texts live here rather than in
/// `PortalStrings`: they explain one file format and are not shared with any other page.
struct LedgerPageView: Sendable {
    struct Head: Sendable {
        let seq: Int
        let time: String
        let simulated: Bool
        let hash: String
        let siteDigest: String
    }

    struct Publication: Sendable {
        let line: Int
        let time: String
        let simulated: Bool
        let notices: [Link]
        let noNotices: Bool
        let siteDigest: String
    }

    static let path = SitePaths.ledger.page
    static let title = "Sổ cái công bố"
    /// At most this many publications are listed (newest first); the file has them all.
    static let rows = 100

    let layout: PageLayout
    let t: TemplateStrings
    let heading = Self.title
    let head: Head?
    let downloads: [Link]
    let hasDownloads: Bool
    let publications: [Publication]
    let hasPublications: Bool  // stored: templates see stored properties only
    let publicationsNote: String?
    let verifyChain = LedgerPageView.chainScript
    let verifySite = LedgerPageView.siteCommand

    init(ledger: Ledger?, layouts: LayoutFactory, timeZone: TimeZone) {
        let tz = timeZone
        let path = Self.path
        layout = layouts.layout(path: path, title: Self.title,
                                description: "Sổ cái ghi mọi lần công bố cổng thông tin, nối chuỗi bằng mã băm SHA-256, và cách tự kiểm tra.",
                                section: nil)
        t = layouts.templateStrings
        let entries = ledger?.entries ?? []
        head = entries.last.map { line, e in
            Head(seq: e.seq, time: e.time.vietnamese(in: tz), simulated: e.simulated, hash: line.hash, siteDigest: e.siteDigest)
        }
        var downloads: [Link] = []
        if !entries.isEmpty {
            downloads.append(Link(label: "Sổ cái (ledger.jsonl)", href: SitePaths.link(from: path, to: SitePaths.ledger.ledger)))
            downloads.append(Link(label: "Đầu chuỗi (api/ledger-head.json)", href: SitePaths.link(from: path, to: SitePaths.ledger.head)))
        }
        self.downloads = downloads
        hasDownloads = !downloads.isEmpty
        publications = entries.reversed().prefix(Self.rows).map { line, e in
            Publication(line: line.number, time: e.time.vietnamese(in: tz), simulated: e.simulated,
                        notices: e.postings.map { Link(label: $0.id, href: SitePaths.link(from: path, to: $0.page)) },
                        noNotices: e.postings.isEmpty, siteDigest: LedgerDigest.short(e.siteDigest))
        }
        hasPublications = !publications.isEmpty
        publicationsNote = entries.count > Self.rows
            ? "\(Self.rows) lần gần nhất trong tổng số \(entries.count); tệp ledger.jsonl có đủ tất cả." : nil
    }

    /// Checks the whole chain with nothing but Python 3: each line in canonical form, `seq` from 1,
    /// `prev` the SHA-256 of the line before (bytes and newline).
    static let chainScript = """
    python3 -c 'import sys,json,hashlib
    p=None
    for n,l in enumerate(open(sys.argv[1],"rb"),1):
      e=json.loads(l)
      assert l.endswith(b"\\n") and e["seq"]==n and e["prev"]==p, "dong %d sai" % n
      assert json.dumps(e,sort_keys=True,separators=(",",":")).encode()+b"\\n"==l, "dong %d bi sua" % n
      p="sha256:"+hashlib.sha256(l).hexdigest()
    print("chuoi dung:", n, "dong, dau chuoi", p)' ledger.jsonl
    """

    /// The site digest from the files of a copy of the site.
    static let siteCommand = """
    find . -type f ! -path './so-cai/*' ! -path './api/ledger-head.json' -printf '%P\\0' \\
      | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum
    """
}
