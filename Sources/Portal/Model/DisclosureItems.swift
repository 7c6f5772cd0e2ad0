import Disclosure

/// Short titles of the disclosure-list items a record's `category` points at: Law 10/2022/QH15
/// Art. 11 (to citizens, items 1–14) and Art. 46 as taken up in the commune regulation's Art. 6
/// (inside the agency, items 1–12). Shown on category pages and on the "about" page (Law on
/// Access to Information Art. 19(g)).
enum DisclosureItems {
    static func title(of category: DisclosureCategory) -> String {
        let titles = category.regime == .law ? lawArticle11 : agencyArticle6
        return titles[category.item - 1]
    }

    /// Every item of both lists, in legal order.
    static var all: [DisclosureCategory] {
        DisclosureCategory.Regime.allCases.flatMap { regime in
            regime.itemRange.compactMap { DisclosureCategory(regime: regime, item: $0) }
        }
    }

    private static let lawArticle11 = [
        "Kế hoạch phát triển kinh tế - xã hội, phương án chuyển dịch cơ cấu kinh tế hằng năm",
        "Dự toán, tình hình thực hiện và quyết toán ngân sách cấp xã",
        "Dự án, công trình đầu tư; phương án bồi thường, hỗ trợ, tái định cư; quy hoạch",
        "Quy chế thực hiện dân chủ ở cơ sở; nhiệm vụ, quyền hạn của cán bộ, công chức; quy tắc ứng xử",
        "Quản lý, sử dụng các khoản đầu tư, tài trợ, vốn chương trình; các khoản huy động nhân dân đóng góp",
        "Tài sản công",
        "Chính sách an sinh xã hội: tiêu chuẩn, đối tượng, quy trình bình xét và kết quả",
        "Hỗ trợ của Nhà nước khi có thiên tai, dịch bệnh; việc sử dụng các khoản ủng hộ",
        "Số lượng, danh sách gọi nhập ngũ, tạm hoãn, miễn gọi nhập ngũ",
        "Kết quả thanh tra, kiểm tra; vụ việc tham nhũng, xử lý kỷ luật cán bộ; kết quả lấy phiếu tín nhiệm",
        "Kế hoạch, nội dung và kết quả lấy ý kiến Nhân dân",
        "Đối tượng, mức thu các loại phí, lệ phí và nghĩa vụ tài chính khác",
        "Thủ tục hành chính thực hiện tại cấp xã",
        "Nội dung khác theo quy định của pháp luật, quy chế thực hiện dân chủ của xã",
    ]

    private static let agencyArticle6 = [
        "Chủ trương, chính sách của Đảng và pháp luật của Nhà nước liên quan đến cơ quan",
        "Kế hoạch công tác hằng năm, hằng quý, hằng tháng của cơ quan",
        "Dự toán, thực hiện dự toán và quyết toán ngân sách của cơ quan",
        "Tài sản công của cơ quan",
        "Đầu tư công: phân bổ vốn, danh mục dự án, tiến độ và giải ngân",
        "Tuyển dụng, bổ nhiệm, đánh giá, khen thưởng, kỷ luật cán bộ, công chức, viên chức, người lao động",
        "Kết luận về vụ việc tiêu cực, tham nhũng, lãng phí; kê khai tài sản, thu nhập",
        "Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo trong nội bộ cơ quan",
        "Nội quy, quy chế, quy định của cơ quan; quy tắc ứng xử",
        "Kết quả tổng hợp ý kiến và việc giải trình, tiếp thu ý kiến của cán bộ, công chức, viên chức",
        "Văn bản chỉ đạo, điều hành của cơ quan cấp trên liên quan đến cơ quan",
        "Nội dung khác theo quy định của pháp luật và quy chế thực hiện dân chủ của cơ quan",
    ]
}
