import Foundation
import Disclosure
import Compliance

/// What only the preview server adds to pages: the live-reload script and the staff panel with
/// the checker's findings for the record being viewed. Added to responses as they are served,
/// never to the files of the build, so none of it can reach Site/.
public enum StaffOverlay {
    public static let scriptPath = "/__congkhai/live.js"
    public static let versionPath = "/__congkhai/version"

    /// `html` with the panel and the script placed just before its last `</body>` (or at the end).
    public static func inject(into html: String, panel: String, version: Int) -> String {
        let addition = panel + "\n" + scriptTag(version: version) + "\n"
        guard let close = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + addition }
        return html.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: addition)
    }

    static func scriptTag(version: Int) -> String {
        "<script src=\"\(scriptPath)\" data-version=\"\(version)\" defer></script>"
    }

    /// The staff panel: the day previewed, the build, and for a record's page its findings and
    /// the diagnostics of its file.
    public static func panel(for build: PreviewBuild, version: Int, recordID: String?) -> String {
        var html = "<aside class=\"congkhai-staff\" lang=\"vi\" aria-label=\"Bảng kiểm tra cho cán bộ (chỉ có khi xem trước)\" style=\"\(panelStyle)\">\n"
        html += "<p style=\"margin:0 0 .5rem\"><strong>Xem trước</strong> như ngày \(build.asOf.vietnamese) · bản dựng \(version)"
        html += " (\(milliseconds(build.duration)) ms) · chỉ hiện trên máy của cán bộ, không có trong Site/.</p>\n"
        guard let id = recordID else { return html + "</aside>" }
        let findings = build.findings[id] ?? []
        let diagnostics = build.recordFiles[id].flatMap { build.diagnostics[$0] } ?? []
        html += "<details open><summary><strong>Kiểm tra văn bản \(HTMLText.escape(id))</strong>: \(tally(findings.map(\.severity) + diagnostics.map(\.severity)))</summary>\n"
        if findings.isEmpty && diagnostics.isEmpty {
            html += "<p style=\"margin:.5rem 0 0\">Không có lỗi hay cảnh báo nào cho văn bản này.</p>\n"
        } else {
            html += "<ul style=\"margin:.5rem 0 0;padding-left:1.25rem\">\n"
            for d in diagnostics {
                html += "<li>\(badge(d.severity)) <code>\(HTMLText.escape(d.code.rawValue))</code> \(HTMLText.escape(d.location.map { "\($0): " } ?? ""))\(HTMLText.escape(d.message))"
                if let hint = d.hint { html += "<br>Gợi ý: \(HTMLText.escape(hint))" }
                html += "</li>\n"
            }
            for f in findings {
                html += "<li>\(badge(f.severity)) <code>\(HTMLText.escape(f.code.rawValue))</code> \(HTMLText.escape(f.messageVI))"
                for line in f.arithmetic { html += "<br>↳ \(HTMLText.escape(line))" }
                html += "<br>Căn cứ: \(HTMLText.escape(f.legalSource))\(f.estimated ? " (ước tính)" : "")</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</details>\n</aside>"
    }

    /// The page served for every URL while the content does not build: the diagnostics, and the
    /// live-reload script so the page recovers by itself once the file is fixed and saved.
    public static func errorPage(report: String, build: PreviewBuild, version: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Lỗi khi dựng trang – xem trước CongKhai</title>
        </head>
        <body style="font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#1b1b1b;background:#fff">
        <main>
        <h1 style="color:#b3261e;font-size:1.5rem">Không dựng được trang xem trước</h1>
        <p>Nội dung có lỗi, nên chưa thể hiện trang (như ngày \(build.asOf.vietnamese), bản dựng \(version)). Sửa các lỗi dưới đây và lưu tệp: trang sẽ tự tải lại.</p>
        <p lang="en">The content has errors; fix them and save: this page reloads by itself.</p>
        <pre style="white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f5f7;border:1px solid #c9ced6;padding:1rem">\(HTMLText.escape(report))</pre>
        </main>
        \(scriptTag(version: version))
        </body>
        </html>

        """
    }

    /// Polls the version and reloads the page when a newer build (or a failed one) is ready.
    public static let liveReloadScript = """
        // CongKhai preview only: reload this page when the content is rebuilt.
        (function () {
          var script = document.currentScript;
          var shown = script ? script.getAttribute("data-version") : null;
          function poll() {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (response) { return response.text(); })
              .then(function (version) {
                if (shown === null) { shown = version; }
                if (version.trim() !== String(shown).trim()) { location.reload(); return; }
                setTimeout(poll, 400);
              })
              .catch(function () { setTimeout(poll, 1500); });
          }
          setTimeout(poll, 400);
        })();

        """

    static let panelStyle = "display:block;max-width:60rem;margin:1.5rem auto;padding:.75rem 1rem;border:3px dashed #b3261e;background:#fffbea;color:#1b1b1b;font:1rem/1.5 system-ui,sans-serif"

    static func badge(_ severity: Severity) -> String {
        switch severity {
        case .error: return "<strong style=\"color:#b3261e\">LỖI</strong>"
        case .warning: return "<strong style=\"color:#7a4d00\">CẢNH BÁO</strong>"
        case .info: return "<strong>THÔNG TIN</strong>"
        }
    }

    static func tally(_ severities: [Severity]) -> String {
        let errors = severities.filter { $0 == .error }.count
        let warnings = severities.filter { $0 == .warning }.count
        let infos = severities.filter { $0 == .info }.count
        return "\(errors) lỗi, \(warnings) cảnh báo, \(infos) thông tin"
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
