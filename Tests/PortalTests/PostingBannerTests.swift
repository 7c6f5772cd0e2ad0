import Foundation
import Testing
@testable import Portal

/// The posting banner on the draft posted 05/02/2024 for 20 days, seen on three days.
@Suite("Posting banner")
struct PostingBannerTests {
    private func banner(asOf: String) throws -> String {
        let page = try PortalFixture.build(asOf: asOf).text(SitePaths.record(PortalFixture.draftID))
        let start = try #require(page.range(of: "<div class=\"posting "))
        let end = try #require(page.range(of: "</div>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test("as of 15/02/2024: day 10 of 20, until 25/02/2024, 26/02/2024 under Art. 148(5)")
    func open() throws {
        let html = try banner(asOf: "2024-02-15")
        #expect(html.contains("Đang niêm yết công khai — ngày 10/20, đến hết ngày 25/02/2024 (26/02/2024 theo Điều 148 khoản 5 Bộ luật Dân sự)."))
        #expect(html.contains("Tình trạng tính đến ngày 15/02/2024."))
        #expect(html.contains("posting--open"))
        #expect(html.contains("data-posting-start=\"2024-02-05\""))
        #expect(html.contains("data-posting-days=\"20\""))
        #expect(html.contains("data-posting-end=\"2024-02-25\""))
        #expect(html.contains("data-posting-legal-end=\"2024-02-26\""))
        #expect(html.contains("data-posting-as-of=\"2024-02-15\""))
    }

    @Test("as of 01/03/2024 the posting has ended")
    func ended() throws {
        let html = try banner(asOf: "2024-03-01")
        #expect(html.contains("Đã kết thúc niêm yết ngày 26/02/2024."))
        #expect(html.contains("posting--ended"))
    }

    @Test("as of 01/02/2024 the posting is upcoming")
    func upcoming() throws {
        let html = try banner(asOf: "2024-02-01")
        #expect(html.contains("Sắp niêm yết từ ngày 05/02/2024."))
    }

    @Test("the banner stands directly above the title, and the page has one h1")
    func placement() throws {
        let page = try PortalFixture.build(asOf: "2024-02-15").text(SitePaths.record(PortalFixture.draftID))
        let banner = try #require(page.range(of: "<div class=\"posting "))
        let h1 = try #require(page.range(of: "<h1>"))
        let between = page[banner.lowerBound..<h1.lowerBound]
        #expect(between.components(separatedBy: "</div>").count == 2, "nothing but the banner comes before the h1")
        #expect(page.components(separatedBy: "<h1").count == 2)
    }

    @Test("the home page lists the open draft with its days left")
    func home() throws {
        let page = try PortalFixture.build(asOf: "2024-02-15").text("index.html")
        #expect(page.contains("Còn 11 ngày."))
        #expect(page.contains("van-ban/\(PortalFixture.draftID)/index.html"))
    }
}
