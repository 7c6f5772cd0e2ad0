import Foundation

/// Maps a request's URL path to a file inside the built site, the way a static web server would:
/// `/` and `/dir/` → `index.html` inside, percent-escapes decoded, and nothing outside the site.
public enum RequestPath {
    /// The site-relative file path, or nil for a path that tries to leave the site (`..`), names a
    /// hidden file or folder (`.x`: what a killed build may leave, and what `publish` never
    /// copies), or is malformed.
    public static func file(for urlPath: String) -> String? {
        let pathOnly = urlPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let decoded = pathOnly.removingPercentEncoding, !decoded.contains("\0") else { return nil }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment.hasPrefix(".") || segment.contains("\\") { return nil }
            segments.append(segment)
        }
        let joined = segments.joined(separator: "/")
        if joined.isEmpty { return "index.html" }
        return decoded.hasSuffix("/") ? joined + "/index.html" : joined
    }

    /// The record a page belongs to: `van-ban/ID/index.html` and its print view `van-ban/ID/in/index.html`.
    public static func recordID(of file: String) -> String? {
        let parts = file.split(separator: "/")
        guard parts.count >= 3, parts[0] == "van-ban", parts.last == "index.html" else { return nil }
        guard parts.count == 3 || (parts.count == 4 && parts[2] == "in") else { return nil }
        return String(parts[1])
    }

    /// The Content-Type to send for a file, by its extension.
    public static func contentType(of file: String) -> String {
        let ext = (file as NSString).pathExtension.lowercased()
        switch ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "atom": return "application/atom+xml"
        case "xml": return "application/xml"
        case "ics": return "text/calendar; charset=utf-8"
        case "txt", "jsonl": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: return "application/octet-stream"
        }
    }
}
