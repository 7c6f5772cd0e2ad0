import Testing
@testable import Portal

/// Long lists link the first and last pages and the current one's neighbours, never every page
/// (which made large archives quadratic); short lists link every page.
@Suite("Pagination")
struct PaginationTests {
    @Test("the shown pages keep the ends and the neighbours, in order, for every page of lists up to 400 pages")
    func shownPages() {
        for total in 1...400 {
            for current in 1...total {
                let shown = Pagination.shownPages(current: current, total: total)
                #expect(shown == shown.sorted() && Set(shown).count == shown.count)
                if total <= Pagination.allPagesUpTo {
                    #expect(shown == Array(1...total))
                } else {
                    #expect(shown.first == 1 && shown.last == total && shown.count <= 2 * Pagination.neighbours + 3)
                    for n in max(1, current - Pagination.neighbours)...min(total, current + Pagination.neighbours) {
                        #expect(shown.contains(n), "page \(n) next to \(current) of \(total)")
                    }
                }
            }
        }
    }

    @Test("a gap mark stands between pages that are not next to each other")
    func gaps() throws {
        let page = try #require(Pagination(current: 30, total: 72, folder: "luu-tru/2024", from: "luu-tru/2024/trang-30/index.html", strings: .vi))
        #expect(page.pages.map(\.label) == ["1", "…", "28", "29", "30", "31", "32", "…", "72"])
        #expect(page.pages.filter(\.isGap).allSatisfy { $0.href.isEmpty && !$0.isCurrent })
        #expect(page.pages.filter(\.isCurrent).map(\.label) == ["30"])
        let short = try #require(Pagination(current: 2, total: 9, folder: "loai/kh", from: "loai/kh/trang-2/index.html", strings: .vi))
        #expect(short.pages.map(\.label) == (1...9).map(String.init))
    }
}
