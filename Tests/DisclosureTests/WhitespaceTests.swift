import Foundation
import Testing
import TestSupport
@testable import Disclosure

/// `Whitespace`: the loader's white-space sets and trimming, held against Foundation's.
@Suite struct WhitespaceTests {
    @Test func theSetsAreFoundationsScalarForScalar() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Whitespace.spaces.contains(scalar) == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(Whitespace.spacesAndNewlines.contains(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar),
                    "U+\(String(value, radix: 16))")
        }
    }

    @Test func trimmingGivesFoundationsText() {
        var g = SeededGenerator(seed: 0x7819)
        var texts = (0..<6000).map { _ in RandomText.text(&g, pieces: 8) }
        texts += (0..<2000).map { _ in RandomText.scalars(&g, count: Int.random(in: 0...12, using: &g)) }
        texts += ["", " ", "\u{3000}", " a ", "\u{00A0}x\u{202F}", " \u{0301}x", "x\u{0301} ", "\n\tx\r\n", "\u{200B}x\u{200B}", "\u{85}x\u{85}"]
        for text in texts {
            for substring in [Substring(text), text.dropFirst(), text.dropLast()] {
                let spaces = Whitespace.spaces.trim(substring)
                #expect(Array(spaces.utf8) == Array(substring.trimmingCharacters(in: .whitespaces).utf8), "\(RandomText.values(text))")
                let newlines = Whitespace.spacesAndNewlines.trim(substring)
                #expect(Array(newlines.utf8) == Array(substring.trimmingCharacters(in: .whitespacesAndNewlines).utf8),
                        "\(RandomText.values(text))")
            }
        }
    }
}
