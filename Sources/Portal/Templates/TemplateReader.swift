/// A cursor over a template's characters (grapheme clusters: `"\r\n"` is one character), with
/// only what `TemplateParser` needs.
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

    /// Whether `position` starts a line of the text: the text's start, or just after LF or CRLF.
    var atLineStart: Bool {
        guard position > buffer.startIndex else { return true }
        let previous = buffer[buffer.index(before: position)]
        return previous == "\n" || previous == "\r\n"
    }

    /// The line of `index`, from 1 (for errors: counts every line break before it).
    func line(at index: String.Index) -> Int {
        1 + buffer[..<min(index, buffer.endIndex)].reduce(0) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
    }

    /// Reads `char` if it is the current character.
    mutating func read(_ char: Character) -> Bool {
        guard !reachedEnd, buffer[position] == char else { return false }
        advance()
        return true
    }

    /// Reads `string` if the text goes on with it.
    mutating func read(string: String) -> Bool {
        guard !string.isEmpty else { return true }
        guard let end = buffer.index(position, offsetBy: string.count, limitedBy: buffer.endIndex),
              buffer[position..<end] == string else { return false }
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

    /// Reads past the first occurrence of `string`; throws (and stays) when there is none.
    mutating func read(past string: String) throws -> Substring {
        let start = position
        while !reachedEnd {
            let found = position
            if read(string: string) { return buffer[start..<found] }
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
}
