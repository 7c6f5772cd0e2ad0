import Testing
import TestSupport
@testable import Disclosure

/// `ContentLimits`: the control characters a record may not hold, and where the first one is.
@Suite struct ContentLimitsTests {
    @Test func forbiddenControlsAreTheC0AndC1ControlsAndTheBidiOverrides() {
        for scalar in ["\u{0000}", "\u{0007}", "\u{000B}", "\u{001F}", "\u{007F}", "\u{0085}", "\u{009F}", "\u{202E}", "\u{2066}"] as [Unicode.Scalar] {
            #expect(ContentLimits.isForbiddenControl(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        for scalar in ["\t", "\n", "\r", " ", "a", "\u{00A0}", "\u{200B}", "\u{FEFF}", "ệ"] as [Unicode.Scalar] {
            #expect(!ContentLimits.isForbiddenControl(scalar), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func theFirstForbiddenControlIsFoundOnItsLine() {
        #expect(ContentLimits.firstForbiddenControl(in: "Điều 7\nkhoản 2\r\n") == nil)
        let found = ContentLimits.firstForbiddenControl(in: "a\nb\r\nc\u{0007}d\u{202E}\n")
        #expect(found?.scalar == "\u{0007}" && found?.line == 3)
        let bidi = ContentLimits.firstForbiddenControl(in: "\n\n\n\u{2066}x")
        #expect(bidi?.scalar == "\u{2066}" && bidi?.line == 4)
    }

    /// Every scalar of the first planes after a line break and before a multi-byte one: found
    /// exactly when it is forbidden, on line 2.
    @Test func eachScalarIsFoundExactlyWhenForbidden() {
        for value in UInt32(0)..<0x2100 {
            guard let scalar = Unicode.Scalar(value), scalar != "\n" else { continue }
            let found = ContentLimits.firstForbiddenControl(in: "ab\n" + String(scalar) + "\u{2026}")
            if ContentLimits.isForbiddenControl(scalar) {
                #expect(found?.scalar == scalar && found?.line == 2, "U+\(String(value, radix: 16))")
            } else {
                #expect(found == nil, "U+\(String(value, radix: 16))")
            }
        }
    }

    /// In random text the first forbidden scalar is the one reported, with the newlines before it counted.
    @Test func randomTextReportsItsFirstForbiddenScalar() {
        var g = SeededGenerator(seed: 0xC0)
        for _ in 0..<3000 {
            let text = RandomText.text(&g)
            let scalars = Array(text.unicodeScalars)
            let first = scalars.firstIndex(where: ContentLimits.isForbiddenControl)
            let found = ContentLimits.firstForbiddenControl(in: text)
            #expect(found?.scalar == first.map { scalars[$0] }, "\(RandomText.values(text))")
            if let first { #expect(found?.line == 1 + scalars[..<first].filter { $0 == "\n" }.count, "\(RandomText.values(text))") }
        }
    }
}
