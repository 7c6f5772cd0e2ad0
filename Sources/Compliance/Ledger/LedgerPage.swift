import Foundation
import Disclosure

/// The ledger's files inside the published site, under `so-cai/` ("sổ cái", ledger):
/// - `so-cai/ledger.jsonl`: the whole ledger, byte for byte;
/// - `so-cai/manifest.sha256`: `sha256sum` lines of every file the site digest covers;
/// - `api/ledger-head.json`: the head of the chain this site was published with;
/// - `so-cai/index.html`: a page explaining what the ledger proves and how to verify it.
/// None of them is covered by the site digest (they record it), see `SiteManifest`.
public enum LedgerSiteFiles {
    /// - Parameter page: wraps the page's `<main>` content in the portal's layout; the default
    ///   gives a plain page of its own.
    public static func files(ledger: Ledger, manifest: SiteManifest, site: SiteConfig,
                             page: (LedgerPage) -> Data = { Data($0.standaloneHTML.utf8) }) -> [SiteFile] {
        var files = [
            SiteFile(SiteManifest.ledgerPath, ledgerBytes(ledger)),
            SiteFile(SiteManifest.manifestPath, Data(manifest.text.utf8)),
        ]
        if let last = ledger.entries.last {
            files.append(SiteFile(SiteManifest.headPath, Data((PublishedHead(entry: last.entry).json.encoded + "\n").utf8)))
        }
        files.append(SiteFile(SiteManifest.pagePath, page(LedgerPage(ledger: ledger, site: site))))
        return files
    }

    /// The ledger's bytes as read (lines re-joined exactly; a partial tail is not published).
    static func ledgerBytes(_ ledger: Ledger) -> Data {
        var data = Data()
        for line in ledger.lines {
            data.append(contentsOf: Array(line.text.utf8))
            data.append(0x0A)
        }
        return data
    }
}

/// The page that explains the ledger to citizens and oversight bodies, and shows its head.
public struct LedgerPage: Sendable {
    public static let title = "Sổ cái công bố"
    public let ledger: Ledger
    public let site: SiteConfig
    /// At most this many publications are listed (newest first); the file has them all.
    public static let rows = 100

    public init(ledger: Ledger, site: SiteConfig) {
        self.ledger = ledger
        self.site = site
    }

    var timeZone: TimeZone { TimeZone(identifier: site.timeZone) ?? TimeZone(identifier: "Asia/Ho_Chi_Minh")! }

    /// The content of `<main>`: links are relative to `so-cai/index.html`.
    public var mainHTML: String {
        var h = "<h1>\(Self.title)</h1>\n"
        h += """
        <p>Mỗi lần cổng thông tin được công bố, phần mềm ghi thêm một dòng vào <strong>sổ cái công bố</strong>: thời điểm công bố, \
        mã băm SHA-256 của toàn bộ các tệp của cổng, và các văn bản đang niêm yết trong lần đó (trang của văn bản, mã băm nội dung \
        và thời hạn niêm yết). Mỗi dòng mang mã băm của dòng trước nó, nên không ai có thể sửa, xoá, chèn hay đảo thứ tự một dòng \
        mà không để lại dấu vết. Nhờ đó, sổ cái chứng minh một văn bản đã được đăng <em>liên tục</em> trên cổng trong suốt thời hạn niêm yết.</p>

        """
        if let last = ledger.entries.last {
            let e = last.entry
            h += "<h2>Đầu chuỗi hiện tại</h2>\n<dl class=\"ledger-head\">\n"
            h += "<dt>Lần công bố</dt><dd>số \(e.seq), lúc \(escapeHTML(e.time.vietnamese(in: timeZone)))\(e.simulated ? " — <strong>mô phỏng</strong> (diễn tập, không có giá trị chứng minh)" : "")</dd>\n"
            h += "<dt>Mã băm đầu chuỗi (head)</dt><dd><code class=\"digest\">\(escapeHTML(last.line.hash))</code></dd>\n"
            h += "<dt>Mã băm của cổng (site_digest)</dt><dd><code class=\"digest\">\(escapeHTML(e.siteDigest))</code></dd>\n"
            h += "</dl>\n"
        } else {
            h += "<p>Sổ cái chưa có dòng nào: cổng chưa được công bố bằng <code>congkhai publish</code>.</p>\n"
        }
        h += """
        <p>Tải về: <a href="ledger.jsonl">sổ cái (ledger.jsonl)</a>, <a href="manifest.sha256">danh sách mã băm các tệp (manifest.sha256)</a>, \
        <a href="../api/ledger-head.json">đầu chuỗi (api/ledger-head.json)</a>.</p>
        <h2>Cách kiểm tra</h2>
        <p>Người kiểm tra (Ban Thanh tra nhân dân, cơ quan cấp trên, báo chí, người dân) chỉ cần các công cụ có sẵn trên máy Linux \
        hoặc macOS. Hãy <strong>lưu lại mã băm đầu chuỗi</strong> mỗi lần xem cổng: một sổ cái bị cắt bớt ở cuối sẽ không còn khớp với nó.</p>
        <ol>
        <li><p>Mã băm của một dòng là SHA-256 của đúng các byte của dòng đó, kể cả ký tự xuống dòng. Đầu chuỗi là mã băm của dòng cuối:</p>
        <pre><code>tail -n 1 ledger.jsonl | sha256sum</code></pre></li>
        <li><p>Mỗi dòng có <code>seq</code> tăng dần từ 1 và <code>prev</code> bằng mã băm của dòng trước (dòng đầu: <code>null</code>). Kiểm tra cả chuỗi:</p>
        <pre><code>python3 -c 'import sys,json,hashlib
        p=None
        for n,l in enumerate(open(sys.argv[1],"rb"),1):
          e=json.loads(l)
          assert l.endswith(b"\\n") and e["seq"]==n and e["prev"]==p, f"dòng {n} sai"
          assert json.dumps(e,sort_keys=True,separators=(",",":")).encode()+b"\\n"==l, f"dòng {n} bị sửa"
          p="sha256:"+hashlib.sha256(l).hexdigest()
        print("chuỗi đúng,", n, "dòng, đầu chuỗi", p)' ledger.jsonl</code></pre></li>
        <li><p>Các tệp của cổng khớp với <code>site_digest</code> của lần công bố: trong thư mục chứa bản sao của cổng,</p>
        <pre><code>find . -type f ! -path './so-cai/*' ! -path './api/ledger-head.json' -printf '%P\\0' \\
          | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum</code></pre>
        <p>phải ra đúng <code>site_digest</code> (bỏ tiền tố <code>sha256:</code>). Lệnh <code>sha256sum -c so-cai/manifest.sha256</code> chỉ ra tệp nào đã bị thay đổi.</p></li>
        <li><p>Nội dung một văn bản không đổi trong thời gian niêm yết khi mọi dòng trong thời hạn đó ghi cùng một <code>digest</code> cho văn bản ấy. \
        Dòng ghi <code>"simulated":true</code> là dòng mô phỏng (diễn tập) và không có giá trị chứng minh.</p></li>
        </ol>

        """
        let entries = Array(ledger.entries.reversed().prefix(Self.rows))
        if !entries.isEmpty {
            h += "<h2>Các lần công bố</h2>\n"
            if ledger.entries.count > Self.rows {
                h += "<p>\(Self.rows) lần gần nhất trong tổng số \(ledger.entries.count); tệp ledger.jsonl có đủ tất cả.</p>\n"
            }
            h += "<div class=\"table-scroll\"><table class=\"ledger\">\n<caption>Các lần công bố, mới nhất trước</caption>\n"
            h += "<thead><tr><th scope=\"col\">Dòng</th><th scope=\"col\">Thời điểm</th><th scope=\"col\">Văn bản đang niêm yết</th><th scope=\"col\">Mã băm của cổng</th></tr></thead>\n<tbody>\n"
            for (line, e) in entries {
                let notices = e.postings.isEmpty ? "không có" : e.postings.map { n in
                    "<a href=\"../\(escapeHTML(SiteManifest.linkPath(n.page)))\">\(escapeHTML(n.id))</a>"
                }.joined(separator: ", ")
                h += "<tr><td>\(line.number)</td><td>\(escapeHTML(e.time.vietnamese(in: timeZone)))\(e.simulated ? " (mô phỏng)" : "")</td><td>\(notices)</td><td><code>\(escapeHTML(LedgerDigest.short(e.siteDigest)))</code></td></tr>\n"
            }
            h += "</tbody>\n</table></div>\n"
        }
        return h
    }

    /// A complete page of its own, for when the portal's layout is not at hand.
    public var standaloneHTML: String {
        """
        <!DOCTYPE html>
        <html lang="\(escapeHTML(site.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.title) — \(escapeHTML(site.name))</title>
        </head>
        <body>
        <main>
        \(mainHTML)</main>
        </body>
        </html>

        """
    }
}

extension SiteManifest {
    /// A page path as a link: `van-ban/x/index.html` stays as it is (pages name index.html so the
    /// site also works from disk).
    static func linkPath(_ path: String) -> String { path }
}

/// Escapes text for HTML element content and attribute values.
func escapeHTML(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
