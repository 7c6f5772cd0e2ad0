// The official 2024–2026 non-working days of Vietnamese state agencies, embedded so that the
// binary never reads files to know them. This is the `years:` section of
// shared/domain/holidays-vn.yml (sha256 0d66603a…, 188 lines), copied verbatim: sources and
// evidence stay next to each date. To add a year, copy the new section here, or let a commune
// add it in Content/holidays.yml. The header of holidays-vn.yml explains `verified:`.

enum VietnamHolidayData {
    static let yaml = #"""
years:
  2024:
    non_working:
      - name: "Tết Dương lịch 2024"
        from: 2024-01-01
        to: 2024-01-01
        weekday_days_off: [2024-01-01]
        legal_source: "BLLĐ 2019 Đ112.1.a (Monday; no swap)"
        verified: yes
        evidence: "https://dbndnghean.vn/lich-nghi-tet-duong-lich-2024-duoc-nghi-3-ngay-10356.htm ; http://m.baokontum.com.vn/infographic/infographic-tet-duong-lich-2024-duoc-nghi-3-ngay-35509.html"
      - name: "Tết Nguyên đán Giáp Thìn 2024"
        from: 2024-02-08   # 29 tháng Chạp Quý Mão
        to: 2024-02-14     # mùng 5 tháng Giêng Giáp Thìn
        weekday_days_off: [2024-02-08, 2024-02-09, 2024-02-12, 2024-02-13, 2024-02-14]
        composition: "05 ngày nghỉ Tết + 02 ngày nghỉ bù ngày nghỉ hằng tuần (Đ111 k3)"
        legal_source: "Văn bản 8662/VPCP-KGVX ngày 03/11/2023; Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Bộ LĐTBXH)"
        verified: yes
        evidence: "http://huyendakha.kontum.gov.vn/tin-tuc/thong-bao-ve-viec-nghi-tet-am-lich-va-nghi-le-quoc-khanh-nam-2024-doi-voi-can-bo-cong-chuc-vien-chuc-va-nguoi-lao-dong.html ; https://baotintuc.vn/chot-phuong-an-nghi-tet-nguyen-dan-7-ngay-nghi-le-quoc-khanh-4-ngay-n20231103185933813.htm"
      - name: "Giỗ Tổ Hùng Vương 2024 (10/3 Giáp Thìn)"
        from: 2024-04-18
        to: 2024-04-18
        weekday_days_off: [2024-04-18]
        legal_source: "BLLĐ 2019 Đ112.1.e (Thursday; no swap)"
        verified: yes
        evidence: "https://xaydungchinhsach.chinhphu.vn/nguoi-lao-dong.html (item 20/04/2024: 'Giỗ Tổ Hùng Vương năm 2024, người lao động được nghỉ ngày 18/4')"
      - name: "Ngày Chiến thắng 30/4 và Quốc tế lao động 1/5 năm 2024"
        from: 2024-04-27
        to: 2024-05-01
        weekday_days_off: [2024-04-29, 2024-04-30, 2024-05-01]
        composition: "30/4 + 1/5 + 2 ngày cuối tuần + thứ Hai 29/4 hoán đổi (làm bù thứ Bảy 04/5/2024)"
        legal_source: "Văn bản 2450/VPCP-KGVX ngày 12/4/2024 (Thủ tướng đồng ý hoán đổi)"
        verified: yes
        evidence: "https://baophapluat.vn/media/thu-tuong-chinh-phu-dong-y-nghi-5-ngay-lien-tiep-dip-304-va-15-post12513.html ; https://xaydungchinhsach.chinhphu.vn/nguoi-lao-dong.html"
      - name: "Quốc khánh 2024"
        from: 2024-08-31
        to: 2024-09-03
        weekday_days_off: [2024-09-02, 2024-09-03]
        composition: "02 ngày lễ Quốc khánh (2/9 và 3/9) + 02 ngày nghỉ hằng tuần"
        legal_source: "Văn bản 8662/VPCP-KGVX ngày 03/11/2023; Thông báo 5015/TB-LĐTBXH ngày 22/11/2023"
        verified: yes
        evidence: "http://huyendakha.kontum.gov.vn/tin-tuc/thong-bao-ve-viec-nghi-tet-am-lich-va-nghi-le-quoc-khanh-nam-2024-doi-voi-can-bo-cong-chuc-vien-chuc-va-nguoi-lao-dong.html"
    working_saturdays:
      - date: 2024-05-04
        swapped_with: 2024-04-29
        legal_source: "Văn bản 2450/VPCP-KGVX ngày 12/4/2024"
        verified: yes
        evidence: "https://brotherhoodcharters.com/30/4-1/5-nghỉ-mấy-ngày-21 (quotes 'làm bù vào ngày thứ Bảy 04/5/2024'); swap also in python-holidays VN calendar"

  2025:
    non_working:
      - name: "Tết Dương lịch 2025"
        from: 2025-01-01
        to: 2025-01-01
        weekday_days_off: [2025-01-01]
        legal_source: "BLLĐ 2019 Đ112.1.a (Wednesday; no swap)"
        verified: partial
        evidence: "https://www.tet-amlich.com/2024/11/cac-ngay-nghi-le-2025.html (blog)"
      - name: "Tết Nguyên đán Ất Tỵ 2025"
        from: 2025-01-25   # 26 tháng Chạp Giáp Thìn
        to: 2025-02-02     # mùng 5 tháng Giêng Ất Tỵ
        weekday_days_off: [2025-01-27, 2025-01-28, 2025-01-29, 2025-01-30, 2025-01-31]
        composition: "05 ngày Tết (27–31/1) + 04 ngày nghỉ hằng tuần; no swap (composition inferred — the 5 weekdays are exactly the 5 Tết days)"
        legal_source: "Văn bản 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-LĐTBXH năm 2024"
        verified: partial
        evidence: "https://pld.net.vn/tag/nghi-tet-nguyen-dan.html (8726/VPCP-KGVX, 9 ngày); https://licham.prices.vn/blog/lich-nghi-tet-nguyen-dan-2025 (25/1–2/2/2025); https://vnexpress.net/thu-tuong-dong-y-nghi-tet-binh-ngo-9-ngay-4950905.html ('năm thứ hai liên tiếp ... 9 ngày nhờ liền kề cuối tuần')"
      - name: "Giỗ Tổ Hùng Vương 2025 (10/3 Ất Tỵ)"
        from: 2025-04-07
        to: 2025-04-07
        weekday_days_off: [2025-04-07]
        legal_source: "BLLĐ 2019 Đ112.1.e (Monday)"
        verified: partial
        evidence: "https://www.tet-amlich.com/2024/11/cac-ngay-nghi-le-2025.html (blog); lunar date cross-checked with python-holidays 'VN'"
      - name: "Ngày Chiến thắng 30/4 và Quốc tế lao động 1/5 năm 2025"
        from: 2025-04-30
        to: 2025-05-04
        weekday_days_off: [2025-04-30, 2025-05-01, 2025-05-02]
        composition: "30/4 + 1/5 + thứ Sáu 2/5 hoán đổi (làm bù thứ Bảy 26/4/2025) + 2 ngày cuối tuần"
        legal_source: "Văn bản 8726/VPCP-KGVX năm 2024; Thông báo 6150/TB-BLĐTBXH năm 2024"
        verified: yes
        evidence: "http://kntb.vn/lich-nghi-le-304-15-cong-chuc-vien-chuc-nguoi-lao-dong-di-lam-bu-vao-ngay-nao-n81956.html ; https://tracuuquyhoach.com/tin-tuc/cong-chuc-vien-chuc-duoc-nghi-the-nao-trong-dip-le-30-4-1-5-2025-51994339"
      - name: "Quốc khánh 2025"
        from: 2025-08-30
        to: 2025-09-02
        weekday_days_off: [2025-09-01, 2025-09-02]
        composition: "02 ngày lễ Quốc khánh (1/9 và 2/9) + 02 ngày nghỉ hằng tuần"
        legal_source: "Văn bản 8726/VPCP-KGVX năm 2024; Thông báo 6150/TB-BLĐTBXH năm 2024, mục 2"
        verified: yes
        evidence: "https://baodanang.vn/chi-tiet-lich-nghi-le-quoc-khanh-2-9-nam-nay-cho-cong-chuc-vien-chuc-va-nguoi-lao-dong-3299118.html"
    working_saturdays:
      - date: 2025-04-26
        swapped_with: 2025-05-02
        legal_source: "Thông báo 6150/TB-BLĐTBXH năm 2024"
        verified: yes
        evidence: "http://kntb.vn/lich-nghi-le-304-15-cong-chuc-vien-chuc-nguoi-lao-dong-di-lam-bu-vao-ngay-nao-n81956.html"

  2026:
    non_working:
      - name: "Tết Dương lịch 2026"
        from: 2026-01-01
        to: 2026-01-04
        weekday_days_off: [2026-01-01, 2026-01-02]
        composition: "1/1 + thứ Sáu 2/1 hoán đổi (làm bù thứ Bảy 10/1/2026) + 2 ngày cuối tuần"
        legal_source: "Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (Phó Thủ tướng Phạm Thị Thanh Trà đồng ý đề xuất của Bộ Nội vụ)"
        verified: yes
        evidence: "https://www.collector.com.tr//965292743 (mirror of a VN news item quoting 12729/VPCP-KGVX); https://tracuuquyhoach.com/tin-tuc/tin-vui-cho-nguoi-lao-dong-chinh-phu-dong-y-nghi-tet-duong-lich-4-ngay-54100289"
      - name: "Tết Nguyên đán Bính Ngọ 2026"
        from: 2026-02-14   # 27 tháng Chạp Ất Tỵ
        to: 2026-02-22     # mùng 6 tháng Giêng Bính Ngọ
        weekday_days_off: [2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, 2026-02-20]
        composition: "05 ngày Tết (16–20/2: 29 Chạp → mùng 4) + 04 ngày nghỉ cuối tuần; no swap"
        legal_source: "Văn bản của Văn phòng Chính phủ ngày 13/10/2025 truyền đạt ý kiến Thủ tướng (đồng ý đề xuất Bộ Nội vụ); number not seen"
        verified: yes
        evidence: "https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html ; https://vnexpress.net/thu-tuong-dong-y-nghi-tet-binh-ngo-9-ngay-4950905.html ; https://vietnammedia.vnanet.vn/video/lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-165342.htm"
      - name: "Giỗ Tổ Hùng Vương 2026 (10/3 Bính Ngọ, Chủ nhật) + nghỉ bù"
        from: 2026-04-25
        to: 2026-04-27
        weekday_days_off: [2026-04-27]
        composition: "26/4 (Chủ nhật) là ngày lễ -> nghỉ bù thứ Hai 27/4 (BLLĐ Đ111 k3)"
        legal_source: "BLLĐ 2019 Đ112.1.e + Đ111.3"
        verified: yes
        evidence: "https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm"
      - name: "Ngày Chiến thắng 30/4 và Quốc tế lao động 1/5 năm 2026"
        from: 2026-04-30
        to: 2026-05-03
        weekday_days_off: [2026-04-30, 2026-05-01]
        composition: "Thứ Năm 30/4 + thứ Sáu 1/5 + 2 ngày cuối tuần; no swap announced (as of 02/2026)"
        legal_source: "BLLĐ 2019 Đ112.1.c-d"
        verified: partial
        evidence: "https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm (news item dated 23/02/2026; a later swap decision, if any, was not seen)"
      - name: "Quốc khánh 2026"
        from: 2026-08-29
        to: 2026-09-02
        weekday_days_off: [2026-08-31, 2026-09-01, 2026-09-02]
        composition: "02 ngày lễ (1/9 và 2/9) + 02 ngày cuối tuần + thứ Hai 31/8 hoán đổi (làm bù thứ Bảy 22/8/2026)"
        legal_source: "Văn bản của Văn phòng Chính phủ ngày 13/10/2025 (Thủ tướng đồng ý đề xuất Bộ Nội vụ)"
        verified: yes
        evidence: "https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html ; https://vnbiznews.com/bo-noi-vu-de-xuat-nghi-5-ngay-dip-le-quoc-khanh-2026-pid1989349677"
    working_saturdays:
      - date: 2026-01-10
        swapped_with: 2026-01-02
        legal_source: "Văn bản 12729/VPCP-KGVX ngày 25/12/2025"
        verified: yes
        evidence: "https://www.collector.com.tr//965292743"
      - date: 2026-08-22
        swapped_with: 2026-08-31
        legal_source: "Văn bản VPCP ngày 13/10/2025"
        verified: yes
        evidence: "https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html"
    pending_not_in_force:
      - name: "Ngày Văn hóa Việt Nam"
        date: 2026-11-24
        status: "NOT a legal day off as of the latest source seen (26/02/2026). Bộ Chính trị chose 24/11 (Nghị quyết 80-NQ/TW); Nghị quyết 30/NQ-CP tasks amending BLLĐ Đ112 k1. Treat as working day until the amendment is enacted; re-check."
        verified: partial
        evidence: "https://vneconomy.vn/bo-sung-ngay-van-hoa-viet-nam-2411-vao-danh-muc-ngay-nghi-huong-nguyen-luong.htm ; https://vnexpress.net/de-xuat-luat-hoa-ngay-van-hoa-viet-nam-thanh-ngay-nghi-le-5006749.html ; note: python-holidays already lists it for 2026"
"""#
}
