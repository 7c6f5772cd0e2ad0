import Foundation
import Testing
@testable import Portal

/// The pages and feeds citizens and oversight bodies read, pinned byte for byte.
/// Re-record after an intended change: `CONGKHAI_RECORD_GOLDEN=1 swift test --filter PortalTests`.
@Suite("Golden files")
struct GoldenTests {
    @Test("home page as of 15/02/2024")
    func home() throws {
        let site = try PortalFixture.build(asOf: "2024-02-15")
        try expectGolden(site.text("index.html"), "home.html")
    }

    @Test("the posted draft's page before, during and after its posting", arguments: [
        ("2024-02-01", "record-draft-upcoming.html"),
        ("2024-02-15", "record-draft-open.html"),
        ("2024-03-01", "record-draft-ended.html"),
    ])
    func draft(asOf: String, golden: String) throws {
        let site = try PortalFixture.build(asOf: asOf)
        try expectGolden(site.text(SitePaths.record(PortalFixture.draftID)), golden)
    }

    @Test("regulation 156/QC-UBND with its table of contents")
    func regulation() throws {
        let site = try PortalFixture.build(asOf: "2024-02-15")
        try expectGolden(site.text(SitePaths.record(PortalFixture.regulationID)), "record-regulation.html")
    }

    @Test("feeds, calendar and API as of 15/02/2024")
    func feeds() throws {
        let site = try PortalFixture.build(asOf: "2024-02-15")
        try expectGolden(site.text("feed.atom"), "feed.atom")
        try expectGolden(site.text("feed.json"), "feed.json")
        try expectGolden(site.text("calendar.ics"), "calendar.ics")
        try expectGolden(site.text("api/records.json"), "records.json")
    }
}
