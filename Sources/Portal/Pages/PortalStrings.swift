import Disclosure

/// Every piece of user-interface text of the portal, in one table. Templates read it as `{{t.…}}`;
/// sentences with values hold `{placeholders}` filled by `fill(_:_:)` here and by the theme's
/// scripts. A portal in another language is `PortalStrings(…)` with the fields translated.
public struct PortalStrings: Sendable {
    // Page frame
    public var skipToContent = "Bỏ qua, đến nội dung chính"
    public var mainNavigation = "Điều hướng chính"
    public var breadcrumbs = "Vị trí của trang"
    public var navHome = "Trang chủ"
    public var navArchive = "Lưu trữ"
    public var navTypes = "Loại văn bản"
    public var navCategories = "Danh mục công khai"
    public var navSearch = "Tìm kiếm"
    public var navAbout = "Giới thiệu"
    public var footerContact = "Liên hệ"
    public var footerData = "Dữ liệu mở"
    public var footerAsOf = "Dữ liệu tính đến ngày {date}."
    public var footerGenerator = "Trang được tạo bằng CongKhai từ hồ sơ công khai của {issuer}."
    public var email = "Thư điện tử"
    public var phone = "Điện thoại"
    public var address = "Địa chỉ"

    // Machine-readable outputs
    public var atomFeed = "Nguồn tin Atom"
    public var jsonFeed = "Nguồn tin JSON Feed"
    public var calendarFeed = "Lịch niêm yết (iCalendar)"
    public var recordsAPI = "Dữ liệu văn bản (JSON)"
    public var recordsSchema = "Lược đồ JSON của dữ liệu"
    public var typeFeed = "{type}: nguồn tin {format}"

    // Posting status (also read by assets/banner.js)
    public var postingUpcoming = "Sắp niêm yết từ ngày {start}."
    public var postingOpen = "Đang niêm yết công khai — ngày {day}/{days}, đến hết ngày {end}."
    public var postingOpenShifted = "Đang niêm yết công khai — ngày {day}/{days}, đến hết ngày {end} ({legalEnd} theo Điều 148 khoản 5 Bộ luật Dân sự)."
    public var postingEnded = "Đã kết thúc niêm yết ngày {end}."
    public var postingPermanent = "Niêm yết thường xuyên từ ngày {start}."
    public var postingAsOf = "Tình trạng tính đến ngày {date}."
    public var postingDaysLeft = "Còn {n} ngày."
    public var postingLastDay = "Hôm nay là ngày cuối cùng."
    public var postingStartsIn = "Còn {n} ngày nữa."

    // Home
    public var homeLead = "Thông tin {commune} công khai theo Luật Thực hiện dân chủ ở cơ sở: văn bản đang niêm yết, thời hạn góp ý và toàn bộ văn bản đã công khai."
    public var homeOpen = "Đang niêm yết"
    public var homeNoneOpen = "Hiện không có văn bản nào đang niêm yết."
    public var homeUpcoming = "Sắp niêm yết"
    public var homeEnded = "Vừa kết thúc niêm yết"
    public var homeLatest = "Văn bản mới"
    public var homeAllRecords = "Xem tất cả văn bản theo năm"
    public var homeFeedback = "Gửi ý kiến góp ý"
    public var homeBrowse = "Tra cứu văn bản"
    public var homeSubscribe = "Theo dõi"
    public var homeSubscribeLead = "Nhận văn bản mới và lịch niêm yết qua phần mềm đọc tin hoặc lịch của bạn:"
    public var feedbackUntil = "Hạn góp ý: đến hết ngày {date}."

    // Record page
    public var recordInfo = "Thông tin văn bản"
    public var draftBadge = "Dự thảo"
    public var metaNumber = "Số, ký hiệu"
    public var metaNoNumber = "Không có số"
    public var metaDraftNoNumber = "Chưa có số (dự thảo)"
    public var metaType = "Loại văn bản"
    public var metaDate = "Ngày ban hành"
    public var metaDraftDate = "Ngày đưa ra lấy ý kiến"
    public var metaMinutesDate = "Ngày lập biên bản"
    public var metaMeetingDate = "Ngày họp"
    public var metaSigner = "Người ký"
    public var metaIssuer = "Cơ quan ban hành"
    public var metaCategory = "Danh mục công khai"
    public var metaSubject = "Về văn bản"
    public var metaPosting = "Thời gian niêm yết"
    public var metaPostingPeriod = "Từ ngày {start}, {days} ngày, đến hết ngày {end}"
    public var metaPostingShifted = "Theo Điều 148 khoản 5 Bộ luật Dân sự, thời hạn kết thúc vào cuối ngày {legalEnd} vì ngày {end} là {reason}."
    public var metaPostingPermanent = "Niêm yết thường xuyên từ ngày {start}"
    public var metaPlaces = "Nơi niêm yết"
    public var placePortal = "Cổng thông tin này"
    public var placeNoticeBoard = "Bảng tin tại trụ sở {issuer}"
    public var metaFeedbackUntil = "Hạn góp ý"
    public var metaFeedbackUntilValue = "Đến hết ngày {date}"
    public var metaBasis = "Căn cứ thời hạn"
    public var recordFeedback = "Cách gửi ý kiến góp ý"
    public var recordContents = "Mục lục"
    public var recordBody = "Nội dung"
    public var recordSignature = "Chữ ký"
    public var recordSignatories = "Những người ký biên bản"
    public var recordRecipients = "Nơi nhận"
    public var recordComments = "Ý kiến góp ý đã nhận"
    public var commentResponse = "Tiếp thu, giải trình:"
    public var recordAttachments = "Tệp đính kèm"
    public var recordDossier = "Hồ sơ liên quan"
    public var dossierOf = "Hồ sơ công khai: {title}"
    public var dossierCurrent = "(văn bản này)"
    public var stagePlan = "Kế hoạch"
    public var stageSubject = "Văn bản công khai"
    public var stageMeeting = "Biên bản họp"
    public var stagePostingStart = "Biên bản niêm yết"
    public var stagePostingEnd = "Biên bản kết thúc niêm yết"
    public var stageReport = "Báo cáo kết quả"
    public var stageOther = "Văn bản khác"
    public var recordReferences = "Căn cứ và văn bản được dẫn"
    public var recordCitedBy = "Văn bản dẫn chiếu đến văn bản này"
    public var recordNotes = "Ghi chú biên tập"
    public var recordNotesLead = "Ghi chú của người nhập liệu về văn bản nguồn; không phải nội dung của văn bản."
    public var dated = "ngày {date}"

    // Archives
    public var archiveHeading = "Lưu trữ văn bản"
    public var archiveLead = "Mọi văn bản đã công khai, theo năm và tháng ban hành. Văn bản hết thời gian niêm yết vẫn được lưu giữ tại đây (Luật Thực hiện dân chủ ở cơ sở, Điều 14 khoản 2)."
    public var yearHeading = "Văn bản năm {year}"
    public var monthHeading = "Tháng {month}/{year}"
    public var monthsOfYear = "Các tháng"
    public var typesHeading = "Văn bản theo loại"
    public var typesLead = "Văn bản hành chính theo Nghị định 30/2020/NĐ-CP, Điều 7."
    public var categoriesHeading = "Văn bản theo danh mục công khai"
    public var categoriesLead = "Nội dung phải công khai theo Luật Thực hiện dân chủ ở cơ sở (Điều 11: công khai với Nhân dân; Điều 46 và Quy chế của cơ quan, Điều 6: công khai trong cơ quan)."
    public var recordCount = "{n} văn bản"
    public var listHeading = "Danh sách văn bản"
    public var pagination = "Phân trang"
    public var pageWord = "Trang"
    public var pageLabel = "Trang {n}"
    public var previousPage = "Trang trước"
    public var nextPage = "Trang sau"
    public var pageOf = "Trang {n}/{total}"
    public var feeds = "Theo dõi"

    // About
    public var aboutHeading = "Giới thiệu cổng công khai thông tin"
    public var aboutLead = "Cổng này đăng tải các văn bản {issuer} công khai theo Luật Thực hiện dân chủ ở cơ sở (Luật 10/2022/QH15). Mỗi văn bản có trang riêng với thời gian niêm yết, nội dung và hồ sơ liên quan."
    public var aboutListHeading = "Danh mục thông tin phải công khai"
    public var aboutListLead = "Theo Luật Tiếp cận thông tin, Điều 19 điểm g: địa chỉ, hình thức, thời điểm và thời hạn công khai đối với từng loại thông tin."
    public var aboutRegimeLaw = "Công khai với Nhân dân (Luật 10/2022/QH15, Điều 11)"
    public var aboutRegimeAgency = "Công khai trong cơ quan (Luật 10/2022/QH15, Điều 46; Quy chế của cơ quan, Điều 6)"
    public var aboutColumnItem = "Nội dung"
    public var aboutColumnWhere = "Địa chỉ, hình thức"
    public var aboutColumnWhen = "Thời điểm"
    public var aboutColumnDuration = "Thời hạn"
    public var aboutColumnRecords = "Văn bản"
    public var aboutWhereLaw = "Niêm yết tại trụ sở {issuer}, nhà văn hóa thôn; đăng trên cổng này"
    public var aboutWhereLawRadio = "Niêm yết tại trụ sở {issuer}, nhà văn hóa thôn; đăng trên cổng này; phát trên đài truyền thanh xã ít nhất 03 ngày liên tục"
    public var aboutWhereAgency = "Niêm yết tại trụ sở cơ quan; đăng trên cổng này"
    public var aboutWhen = "Chậm nhất {n} ngày làm việc kể từ ngày có quyết định, văn bản"
    public var aboutDuration = "Ít nhất {n} ngày liên tục"
    public var aboutPermanent = "Niêm yết thường xuyên, cập nhật khi có thay đổi"
    public var aboutCountingHeading = "Cách tính thời hạn"
    public var aboutCounting = "Thời hạn niêm yết tính theo Bộ luật Dân sự 2015: ngày bắt đầu niêm yết không tính (Điều 147); thời hạn kết thúc vào cuối ngày cuối cùng, và nếu ngày đó là ngày nghỉ cuối tuần hoặc ngày nghỉ lễ thì kéo dài đến hết ngày làm việc tiếp theo (Điều 148 khoản 5). Trang của mỗi văn bản ghi rõ cả hai ngày khi chúng khác nhau."
    public var aboutDataHeading = "Dữ liệu mở"
    public var aboutData = "Mọi văn bản cũng có ở dạng máy đọc được, để cơ quan cấp trên, Ban Thanh tra nhân dân, báo chí và người dân tự kiểm tra:"

    // Search
    public var searchHeading = "Tìm kiếm văn bản"
    public var searchLabel = "Từ khóa (có thể gõ không dấu)"
    public var searchButton = "Tìm"
    public var searchAll = "Tất cả {n} văn bản, mới nhất trước."
    public var searchResults = "{n} văn bản khớp với “{q}”."
    public var searchNone = "Không có văn bản nào khớp với “{q}”."

    // 404
    public var notFoundHeading = "Không tìm thấy trang"
    public var notFoundText = "Địa chỉ này không có trên cổng. Văn bản có thể đã được tìm thấy qua trang tìm kiếm hoặc trong lưu trữ."

    // Print view (templates/print.mustache): the notice posted on the board at the office
    public var printLink = "Bản in để niêm yết (khổ A4, có mã QR)"
    public var printHeading = "Bản in niêm yết"
    public var printToolbar = "Công cụ bản in"
    public var printBack = "Về trang văn bản trên cổng thông tin"
    public var printHint = "Dùng lệnh In của trình duyệt (Ctrl+P) để in trên khổ A4."
    public var printNationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    public var printMotto = "Độc lập - Tự do - Hạnh phúc"
    public var printNumber = "Số: {number}"
    public var printDraft = "DỰ THẢO"
    public var printPostingHeading = "Niêm yết công khai"
    public var printPeriod = "Thời gian niêm yết: {days} ngày, từ {start} đến hết {end}."
    public var printPeriodShifted = "Ngày cuối cùng ({end}) là {reason}, nên theo Điều 148 khoản 5 Bộ luật Dân sự thời hạn kéo dài đến hết {legalEnd}."
    public var printPermanent = "Niêm yết thường xuyên, từ {start}."
    public var printPlaces = "Địa điểm niêm yết: {places}."
    public var printPlacePortal = "{name} ({url})"
    public var printFeedbackHeading = "Góp ý"
    public var printFeedbackUntil = "Ý kiến góp ý gửi về {issuer} đến hết {date}."
    public var printQRAlt = "Mã QR dẫn tới văn bản trên cổng thông tin: {url}"
    public var printQRCaption = "Quét mã QR để đọc toàn văn và xem tình trạng niêm yết trên cổng thông tin:"

    public init() {}

    public static let vi = PortalStrings()

    /// Replaces each `{name}` in `template` by its value. The values are a dictionary or, where a
    /// sentence is made for every record, pairs with distinct names (no hashing).
    public static func fill<Values: Collection>(_ template: String, _ values: Values) -> String
    where Values.Element == (key: String, value: String) {
        filledInOnePass(template, values) ?? filledInTurn(template, values)
    }

    /// The original definition: each name in turn, in name order, every occurrence replaced the
    /// way Foundation matches text (whole characters: `{n}` followed by a combining mark is not
    /// `{n}`). Kept for the fills a single pass might do differently.
    static func filledInTurn<Values: Collection>(_ template: String, _ values: Values) -> String
    where Values.Element == (key: String, value: String) {
        var text = template
        for (name, value) in values.sorted(by: { $0.key < $1.key }) { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// One scan of the template's bytes, or nil when the result could differ from `filledInTurn`:
    /// a `{` that is not a known placeholder, a value that holds `{` (a later name could match
    /// inside it), or a non-ASCII byte beside a placeholder (a combining mark or prepended
    /// character joins the brace into another character, which Foundation does not match); an
    /// empty value could bring such bytes together, so it is left to `filledInTurn` too.
    static func filledInOnePass<Values: Collection>(_ template: String, _ values: Values) -> String?
    where Values.Element == (key: String, value: String) {
        for (name, value) in values {
            guard let first = value.utf8.first, let last = value.utf8.last, first < 0x80, last < 0x80,
                  !value.utf8.contains(UInt8(ascii: "{")),
                  !name.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return nil }
        }
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        let result: String?? = template.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                guard byte == open else {
                    out.append(byte)
                    i += 1
                    continue
                }
                var end = i + 1
                while end < bytes.count, bytes[end] != close, bytes[end] != open { end += 1 }
                guard end < bytes.count, bytes[end] == close,
                      i == 0 || bytes[i - 1] < 0x80, end + 1 == bytes.count || bytes[end + 1] < 0x80
                else { return nil }
                // Names compare as strings do (as a dictionary's keys would), not as bytes.
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end]), as: UTF8.self)
                guard let value = values.first(where: { $0.key == name })?.value else { return nil }
                out.append(contentsOf: value.utf8)
                i = end + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        return result ?? nil
    }

    /// The sentences the theme's scripts recompute, as one JSON object (see assets/banner.js).
    var scriptTexts: [String: String] {
        [
            "postingUpcoming": postingUpcoming, "postingOpen": postingOpen, "postingOpenShifted": postingOpenShifted,
            "postingEnded": postingEnded, "postingPermanent": postingPermanent, "postingAsOf": postingAsOf,
            "postingDaysLeft": postingDaysLeft, "postingLastDay": postingLastDay, "postingStartsIn": postingStartsIn,
            "searchAll": searchAll, "searchResults": searchResults, "searchNone": searchNone,
        ]
    }

    /// The heading of a dossier stage.
    func stage(_ stage: Dossier.Stage) -> String {
        switch stage {
        case .plan: return stagePlan
        case .subject: return stageSubject
        case .meeting: return stageMeeting
        case .postingStart: return stagePostingStart
        case .postingEnd: return stagePostingEnd
        case .report: return stageReport
        case .other: return stageOther
        }
    }
}
