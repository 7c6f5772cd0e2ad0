import Foundation
import Testing
import Disclosure
import Compliance
@testable import Portal

/// `private:` data and hidden records: kept in the model for staff tools, never
/// written to any file of the site — pages, feeds, search index, JSON API, calendar, sitemap,
/// attachments. The corpus marks every secret with PRIV-, every hidden record with UNPUB/UNDRAFT.
@Suite struct PrivateDataTests {
    static let secrets = ["PRIV-", "UNPUB", "UNDRAFT"]

    @Test func theModelKeepsPrivateDataForStaffTools() throws {
        let loaded = ContentLoader.load(from: HostileSiteTests.content)
        let record = try #require(loaded.records.first { $0.id == "2024-2-kh-ubnd" })
        #expect(record.privateFields["reporter"] == "Lê Văn PRIV-RECORD-REPORTER")
        #expect(record.privateFields["nested"]?.contains("PRIV-RECORD-LIST") == true)
        #expect(record.comments.first?.privateFields["phone"] == "0912 PRIV-COMMENT-PHONE")
        #expect(record.comments.first?.summary.contains("PUBLIC-COMMENT") == true)
        #expect(loaded.records.contains { $0.id == "unpub-kept-for-staff" && !$0.isPublic })
        #expect(loaded.records.contains { $0.id == "undraft-never-posted" && !$0.isPublic })
    }

    @Test func noOutputFileCarriesAPrivateValueOrAHiddenRecord() throws {
        let site = try HostileSiteTests.built.get()
        var leaks: [String] = []
        for (path, text) in try HostileSiteTests.texts(site) {
            for secret in Self.secrets where text.range(of: secret, options: .caseInsensitive) != nil || path.range(of: secret, options: .caseInsensitive) != nil {
                leaks.append("\(path): \(secret)")
            }
        }
        #expect(leaks == [])
        // The public parts of the same records are there: the scan looks where the secrets would be.
        let all = try HostileSiteTests.texts(site).map(\.text).joined()
        #expect(all.contains("PUBLIC-COMMENT"))
        #expect(all.contains("PUBLIC-BODY"))
        #expect(all.contains("Biên bản về hồ sơ nội bộ"))
    }

    @Test func theScanWouldSeeALeak() throws {
        // Guard against a scan that cannot fail: publishing the raw model does leak.
        let loaded = ContentLoader.load(from: HostileSiteTests.content)
        var leaky = loaded
        leaky.records = loaded.records.map { record in
            var record = record
            record.isPublished = true
            record.isDraft = false
            record.attachments = []
            record.notes += record.privateFields.values.sorted()
            return record
        }
        let site = try SiteBuilder(content: leaky, asOf: Day(year: 2024, month: 2, day: 15)!, book: RuleBook(content: leaky)).build()
        let all = site.files.compactMap(\.data).map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(all.contains("PRIV-RECORD-REPORTER"))
        #expect(all.contains("UNPUB-TITLE"))
    }

    @Test func publicViewDropsEveryPrivatePart() throws {
        let loaded = ContentLoader.load(from: HostileSiteTests.content)
        let published = loaded.publicContent
        #expect(published.records.allSatisfy { $0.privateFields.isEmpty && $0.comments.allSatisfy(\.privateFields.isEmpty) })
        #expect(!published.records.contains { $0.id == "unpub-kept-for-staff" || $0.id == "undraft-never-posted" })
        let minutes = try #require(published.records.first { $0.title == "Biên bản về hồ sơ nội bộ" })
        #expect(minutes.subject == nil && minutes.subjectReference == nil)
        #expect(minutes.references.isEmpty)
    }
}
