import Foundation
import Testing
import TestSupport
@testable import Portal

/// `SitePaths.percentEncoded`: each path segment percent-encoded as Foundation encodes it.
@Suite struct SitePathsTests {
    static let segmentCharacters: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    static func foundationEncoded(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? String($0) }
            .joined(separator: "/")
    }

    @Test func percentEncodingEqualsFoundations() {
        var g = SeededGenerator(seed: 0x9E)
        var paths = (0..<3000).map { _ in MarkdownText.random(&g) }
        paths += (0..<0x3000).compactMap { Unicode.Scalar(UInt32($0)).map { "van-ban/a" + String($0) + "/index.html" } }
        paths += ["", "/", "//", "van-ban/2024-127-kh-ubnd/index.html", "tep/files/Tờ trình số 5.pdf", "luu-tru/2024/"]
        for path in paths {
            #expect(SitePaths.percentEncoded(path) == Self.foundationEncoded(path), "\(path.unicodeScalars.map(\.value))")
        }
        #expect(SitePaths.percentEncoded("tep/Tờ trình số 5.pdf") == "tep/T%E1%BB%9D%20tr%C3%ACnh%20s%E1%BB%91%205.pdf")
    }
}
