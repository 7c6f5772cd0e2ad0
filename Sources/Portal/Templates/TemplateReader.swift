/// A cursor over a template's characters (grapheme clusters, as swift-mustache 2.1.1's `Parser`
/// reads them: `"\r\n"` is one character, a combining mark joins the character before it). Only
/// what `TemplateParser` needs, with the same results and the same overflow errors, so that a
/// template splits into the same tokens in both engines.
struct TemplateReader {
    struct Overflow: Error {}

    let buffer: String
    private(set) var position: String.Index

    init(_ text: String) {
        buffer = text
        position = text.startIndex
    }

    var reachedEnd: Bool { position == buffer.endIndex }

    /// The current character, `"\0"` at the end.
    var current: Character { reachedEnd ? "\0" : buffer[position] }

    mutating func advance() { position = buffer.index(after: position) }

    mutating func move(to index: String.Index) { position = index }

    /// Reads `char` if it is the current character; throws at the end.
    mutating func read(_ char: Character) throws -> Bool {
        guard !reachedEnd else { throw Overflow() }
        guard buffer[position] == char else { return false }
        advance()
        return true
    }

    /// Reads `string` if the text goes on with it; throws when fewer characters are left.
    mutating func read(string: String) throws -> Bool {
        let count = string.count
        guard count > 0 else { return true }
        guard buffer.distance(from: position, to: buffer.endIndex) >= count else { throw Overflow() }
        let end = buffer.index(position, offsetBy: count)
        guard buffer[position..<end] == string else { return false }
        position = end
        return true
    }

    /// Reads up to (not including) the first character in `set`, or to the end.
    mutating func read(until set: Set<Character>) -> Substring {
        let start = position
        while !reachedEnd, !set.contains(buffer[position]) { advance() }
        return buffer[start..<position]
    }

    /// Reads up to the first character for which `stop` holds; throws (and stays) at the end.
    mutating func read(until stop: (Character) -> Bool) throws -> Substring {
        let start = position
        while !reachedEnd {
            if stop(buffer[position]) { return buffer[start..<position] }
            advance()
        }
        position = start
        throw Overflow()
    }

    /// Reads past the first occurrence of `string` (swift-mustache's matching, which restarts
    /// without backtracking); throws (and stays) when there is none.
    mutating func read(past string: String) throws -> Substring {
        guard !string.isEmpty else { return "" }
        let start = position
        var found = position
        var next = string.startIndex
        while !reachedEnd {
            if buffer[position] == string[next] {
                if next == string.startIndex { found = position }
                next = string.index(after: next)
                if next == string.endIndex {
                    advance()
                    return buffer[start..<found]
                }
            } else {
                next = string.startIndex
            }
            advance()
        }
        position = start
        throw Overflow()
    }

    @discardableResult
    mutating func read(while set: Set<Character>) -> Substring {
        let start = position
        while !reachedEnd, set.contains(buffer[position]) { advance() }
        return buffer[start..<position]
    }

    @discardableResult
    mutating func readWhitespace() -> Substring {
        let start = position
        while !reachedEnd, buffer[position].isWhitespace { advance() }
        return buffer[start..<position]
    }

    /// Counts and reads the run of `char`.
    mutating func count(_ char: Character) -> Int {
        var count = 0
        while !reachedEnd, buffer[position] == char {
            advance()
            count += 1
        }
        return count
    }
}
