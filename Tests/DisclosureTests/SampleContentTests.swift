import Foundation
import Testing
import TestSupport
@testable import Disclosure

/// The Đông Sơn sample records (TestSupport's SampleContent) are the fixture every module shares.
@Suite struct SampleContentTests {
    static let content = ContentLoader.load(from: SampleContent.folder)

    @Test func loadsWithoutErrors() {
        #expect(Self.content.diagnostics.errors == [])
        #expect(Self.content.records.count == 8)
        // The only warnings are the seed's stray spaces in three numbers.
        #expect(Self.content.diagnostics.warnings.map(\.code) == [.numberSpacing, .numberSpacing, .numberSpacing])
    }

    @Test func regulation156HasThreePartsFourChaptersAndTwentyFourArticles() throws {
        let regulation = try #require(Self.content.record("2024-156-qc-ubnd"))
        let outline = try #require(regulation.outline)
        #expect(outline.parts.count == 3)
        #expect(outline.chapters.count == 4)
        #expect(outline.articles.count == 24)
        #expect(outline.articles.map(\.articleNumber) == Array(1...24).map { Optional($0) })
        #expect(outline.article(7)?.anchor == "dieu-7")
        #expect(outline.article(7)?.title == "Hình thức, thời điểm, thời gian công khai")
        #expect(outline.chapters.first?.anchor == "chuong-i")
    }

    @Test func theDraftIsPostedForTwentyDays() throws {
        let draft = try #require(Self.content.record("du-thao-quy-che-dan-chu"))
        #expect(draft.isDraft)
        #expect(draft.number == nil)
        #expect(draft.category?.description == "agency-6.9")
        let posting = try #require(draft.posting)
        #expect(posting.start == Day(year: 2024, month: 2, day: 5))
        #expect(posting.end == Day(year: 2024, month: 2, day: 25))
        #expect(posting.days == 20)
        #expect(draft.comments.isEmpty)
    }

    @Test func idsAndLinksBetweenRecords() throws {
        let ids = Set(Self.content.records.map(\.id))
        #expect(ids.isSuperset(of: ["2024-127-kh-ubnd", "2024-156-qc-ubnd", "2024-164-bc-ubnd", "2024-170-kh-ubnd",
                                    "du-thao-quy-che-dan-chu"]))
        let endMinutes = try #require(Self.content.records.first { $0.minutes == .postingEnd })
        #expect(endMinutes.subject == "du-thao-quy-che-dan-chu")
        #expect(endMinutes.time == TimeOfDay(hour: 16, minute: 30))
        let meeting = try #require(Self.content.records.first { $0.minutes == .meeting })
        #expect(meeting.date == Day(year: 2024, month: 2, day: 10))
        #expect(meeting.meetingDate == Day(year: 2024, month: 2, day: 5))
    }
}
