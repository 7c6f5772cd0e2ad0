import Foundation
import Disclosure

/// A printable page (A4) for draft posting minutes, in the layout of the seed's minutes: the
/// issuer and the national motto side by side, place and date, the title, "Căn cứ", then
/// I. participants, II. the document, III. time and place of posting, IV. comments received,
/// V. the portal's ledger evidence, the closing sentence and the signatures. Blanks (…) are left
/// for what only the people signing know (the hour).
public enum MinutesHTML {
    public static func render(_ m: PostingMinutes) -> String {
        let end = m.kind == .postingEnd
        let title = end ? "BIÊN BẢN KẾT THÚC<br>NIÊM YẾT CÔNG KHAI" : "BIÊN BẢN<br>NIÊM YẾT CÔNG KHAI"
        var h = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(end ? "Biên bản kết thúc niêm yết" : "Biên bản niêm yết") – \(e(m.recordTitle))</title>
        <style>\(css)</style>
        </head>
        <body>
        <main>
        <p class="draft-note">Dự thảo do <code>congkhai minutes</code> lập từ hồ sơ và sổ cái công bố. Kiểm tra, điền giờ, ký rồi nhập biên bản đã ký vào Content/documents. Ghi chú này không được in.</p>
        <div class="heading">
        <p class="issuer">\(e(m.issuer.uppercased()))</p>
        <p class="motto"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br><strong class="underline">Độc lập - Tự do - Hạnh phúc</strong></p>
        </div>
        <p class="dateline"><em>\(e(m.place.isEmpty ? "……" : m.place)), \(longDate(m.date))</em></p>
        <h1>\(title)</h1>

        """
        for ground in m.groundsFor { h += "<p>Căn cứ \(e(ground));</p>\n" }
        let period = periodText(m)
        if end {
            h += "<p>Hôm nay, vào hồi … giờ … phút ngày \(m.date.vietnamese), \(e(m.issuer)) tiến hành lập biên bản kết thúc việc niêm yết công khai \(e(lowerFirst(m.recordTitle))).</p>\n"
        } else {
            h += "<p>\(e(m.issuer)) tổ chức công khai \(e(lowerFirst(m.recordTitle))) bằng hình thức niêm yết.</p>\n"
        }
        h += "<h2>I. THÀNH PHẦN THAM GIA</h2>\n<ul>\n"
        if m.signatories.isEmpty {
            h += "<li>Ông (bà) ……………………, Chủ tịch \(e(m.issuer)).</li>\n<li>Ông (bà) ……………………, Chủ tịch Ủy ban MTTQ.</li>\n<li>Ông (bà) ……………………, công chức Văn phòng – Thống kê.</li>\n"
        } else {
            for s in m.signatories { h += "<li>\(e(s.name))\(s.role.map { ", " + e($0) } ?? "").</li>\n" }
        }
        h += "</ul>\n<h2>II. VĂN BẢN CÔNG KHAI</h2>\n<p>\(e(m.recordTitle))</p>\n"
        if m.recordName != m.recordTitle && !m.recordName.hasPrefix("Dự thảo") { h += "<p>(\(e(m.recordName)))</p>\n" }
        h += "<h2>III. THỜI GIAN, ĐỊA ĐIỂM CÔNG KHAI</h2>\n<ul>\n<li>Thời gian niêm yết công khai: \(e(period))</li>\n"
        h += "<li>Địa điểm: \(e(m.places.isEmpty ? "……" : m.places.joined(separator: "; ")))</li>\n</ul>\n"
        if end {
            h += "<h2>IV. Ý KIẾN THẮC MẮC, PHẢN HỒI</h2>\n"
            if m.comments.isEmpty {
                h += "<p>Trong thời gian công khai\(m.days.map { " \($0) ngày" } ?? "") không có ý kiến thắc mắc, phản hồi.</p>\n"
            } else {
                h += "<p>Trong thời gian công khai đã nhận được \(m.comments.count) ý kiến:</p>\n<ol>\n"
                for c in m.comments {
                    h += "<li>\(c.date.map { "Ngày \($0.vietnamese): " } ?? "")\(e(c.summary))"
                    h += c.response.map { "<br>Trả lời, xử lý: \(e($0))" } ?? "<br>Trả lời, xử lý: ……"
                    h += "</li>\n"
                }
                h += "</ol>\n"
            }
        } else {
            h += "<p>Giao cho công chức Văn phòng – Thống kê tổ chức tiếp nhận các ý kiến thắc mắc, phản hồi trong quá trình công khai, báo cáo, đề xuất Chủ tịch \(e(m.issuer)) xem xét, xử lý theo quy định.</p>\n"
        }
        h += evidence(m, number: end ? "V" : "IV")
        h += "<p>Biên bản lập xong hồi … giờ … phút cùng ngày, những người có liên quan cùng thống nhất thông qua./</p>\n"
        h += signatures(m)
        h += "</main>\n</body>\n</html>\n"
        return h
    }

    static func periodText(_ m: PostingMinutes) -> String {
        guard let end = m.end else { return "thường xuyên, từ ngày \(m.start.vietnamese)" }
        var text = "\(m.days.map { "\($0) ngày, " } ?? "")từ ngày \(m.start.vietnamese) đến hết ngày \(end.vietnamese)"
        if let legalEnd = m.legalEnd, legalEnd != end {
            text += " (ngày \(end.vietnamese) là ngày nghỉ\(m.shiftReason.map { ": \($0)" } ?? ""); theo Điều 148 khoản 5 Bộ luật Dân sự 2015 thời hạn kết thúc vào hết ngày \(legalEnd.vietnamese))"
        }
        return text
    }

    static func evidence(_ m: PostingMinutes, number: String) -> String {
        var h = "<h2>\(number). BẰNG CHỨNG ĐĂNG TRÊN CỔNG THÔNG TIN ĐIỆN TỬ</h2>\n<p>\(e(m.ledgerVerdict))</p>\n"
        if !m.evidence.isEmpty {
            h += "<table>\n<caption>Các lần công bố có văn bản (sổ cái công bố)</caption>\n"
            h += "<thead><tr><th scope=\"col\">Dòng</th><th scope=\"col\">Seq</th><th scope=\"col\">Thời điểm công bố</th><th scope=\"col\">Mã băm trang văn bản</th></tr></thead>\n<tbody>\n"
            for ev in m.evidence {
                h += "<tr><td>\(ev.line)</td><td>\(ev.seq)</td><td>\(e(ev.time))\(ev.simulated ? " (mô phỏng)" : "")</td><td><code>\(e(ev.pageDigest ?? "—"))</code></td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        if let head = m.ledgerHead {
            h += "<p>Đầu chuỗi sổ cái khi lập biên bản: <code>\(e(head))</code></p>\n"
        }
        return h
    }

    static func signatures(_ m: PostingMinutes) -> String {
        var h = "<div class=\"signatures\">\n"
        let people: [(String, String)] = m.signatories.isEmpty
            ? [("TM. ỦY BAN MTTQ<br>CHỦ TỊCH", ""), ("CÔNG CHỨC VP-TK", ""), ("TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH", "")]
            : m.signatories.prefix(3).map { (e(($0.role ?? "").uppercased()), e($0.name)) }
        for (role, name) in people {
            h += "<div class=\"signature\"><p><strong>\(role)</strong></p><p class=\"sign-space\"></p><p><strong>\(name)</strong></p></div>\n"
        }
        h += "</div>\n"
        if m.signatories.count > 3 {
            h += "<h2 class=\"participants\">THÀNH PHẦN THAM GIA</h2>\n<ul class=\"participants\">\n"
            for s in m.signatories.dropFirst(3) { h += "<li>\(e(s.name))</li>\n" }
            h += "</ul>\n"
        }
        return h
    }

    /// "ngày 27 tháng 02 năm 2024"
    static func longDate(_ d: Day) -> String {
        "ngày \(d.day < 10 ? "0" : "")\(d.day) tháng \(d.month < 10 ? "0" : "")\(d.month) năm \(d.year)"
    }

    static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }

    /// Escapes text for HTML content and attributes (short, as the page text above uses it often).
    static func e(_ s: String) -> String { HTMLText.escape(s) }

    static let css = """
    @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
    body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.4; color: #000; background: #fff; margin: 0 auto; max-width: 170mm; padding: 1rem; }
    .heading { display: grid; grid-template-columns: 2fr 3fr; text-align: center; gap: 1rem; }
    .heading p { margin: 0; }
    .issuer { font-weight: bold; }
    .underline { text-decoration: underline; }
    .dateline { text-align: right; margin: 1rem 0; }
    h1 { text-align: center; font-size: 15pt; margin: 1.5rem 0; }
    h2 { font-size: 14pt; margin: 1rem 0 0.5rem; }
    p { text-align: justify; margin: 0.4rem 0; }
    table { border-collapse: collapse; width: 100%; font-size: 11pt; margin: 0.5rem 0; }
    caption { text-align: left; font-style: italic; }
    th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }
    code { font-size: 9pt; overflow-wrap: anywhere; }
    .signatures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1rem; text-align: center; margin-top: 1.5rem; break-inside: avoid; }
    .signature p { text-align: center; }
    .sign-space { height: 5rem; }
    .draft-note { border: 1px dashed #555; padding: 0.5rem; font-size: 11pt; }
    @media print { .draft-note { display: none; } body { padding: 0; } }
    """
}
