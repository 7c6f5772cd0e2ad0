/// Compiles a Mustache template into `TemplateNode`s, with the whitespace rules of the official
/// specification (github.com/mustache/spec; Tests/PortalTests/MustacheSpec runs its files):
///
/// - a section, inverted section, comment, set-delimiter, partial, parent or block tag alone on
///   its line (only spaces or tabs around it) takes the whole line with it;
/// - a standalone partial or parent indents every line of the template it includes by the
///   spaces before it; the parser marks where each line of a template starts (`lineStart`) so
///   that the renderer can put the indentation there;
/// - a block's indentation is removed from its lines where the block is written and added back
///   where it is expanded: the spaces before the tag, or, when the opening tag stands alone,
///   those of the block's first line.
///
/// What the engine does not render is refused, never guessed at: transforms and lambdas
/// (`{{f(x)}}`), dynamic names (`{{>*x}}`), pragmas (`{{%…}}`). Every error carries its line.
enum TemplateParser {
    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var reader = TemplateReader(text)
        do {
            return try parse(&reader, state: State())
        } catch let error as Located {
            throw TemplateSyntaxError(problem: error.problem, line: reader.line(at: error.at))
        } catch {
            throw TemplateSyntaxError(problem: .unfinishedTag, line: reader.line(at: reader.position))
        }
    }

    /// A problem and where its tag starts.
    private struct Located: Error {
        let problem: TemplateSyntaxError.Problem
        let at: String.Index
    }

    /// Where the parser is: inside which section, at the start of a line or not, with which delimiters.
    private struct State {
        var sectionName: String?
        /// The open section's name when it is a block `{{$name}}`.
        var blockName: String?
        /// Where the open section started, for the error when it never closes.
        var sectionStart: String.Index?
        /// Only spaces or tabs since the line started (or since a parent tag opened, whose own
        /// text is ignored): a tag here may stand alone.
        var newLine = true
        /// Directly inside `{{<parent}}…{{/parent}}`, where only `{{$block}}` definitions count.
        var isParentTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        /// The indentation of the blocks around, removed from the start of every line inside them.
        var blockIndentation: Substring = ""

        func inSection(_ name: String, at start: String.Index, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.blockName = nil
            state.isParentTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inBlock(_ name: String, at start: String.Index, newLine: Bool, indentation: Substring) -> State {
            var state = inSection(name, at: start, newLine: newLine)
            state.blockName = name
            state.blockIndentation = blockIndentation + indentation
            return state
        }

        func inParent(_ name: String, at start: String.Index) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.blockName = nil
            state.newLine = true
            state.isParentTopLevel = true
            return state
        }

        func withDelimiters(start: String, end: String) -> State {
            var state = self
            state.startDelimiter = start
            state.endDelimiter = end
            state.isParentTopLevel = false
            return state
        }
    }

    private static func parse(_ reader: inout TemplateReader, state: State) throws -> [TemplateNode] {
        var lineGoesOn = false
        return try parse(&reader, state: state, lineGoesOn: &lineGoesOn)
    }

    /// `lineGoesOn`: the body ends with a closing tag that starts a line and does not stand
    /// alone, so the line goes on after the body.
    private static func parse(_ reader: inout TemplateReader, state initial: State, lineGoesOn: inout Bool) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore: Substring = ""
        /// This line of the source started here and nothing of it is in `nodes` yet.
        var lineStartPending = false

        func append(_ node: TemplateNode) {
            if lineStartPending {
                nodes.append(.lineStart)
                lineStartPending = false
            }
            nodes.append(node)
        }
        func text(_ string: String) -> TemplateNode { .text(Array(string.utf8)) }
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                append(text(String(whiteSpaceBefore)))
                whiteSpaceBefore = ""
            }
        }

        while !reader.reachedEnd {
            if state.newLine {
                if reader.atLineStart { lineStartPending = true }
                let whiteSpace = reader.read(while: spaceOrTab)
                whiteSpaceBefore = whiteSpace.dropFirst(min(whiteSpace.count, state.blockIndentation.count))
            }
            let run = readUntilDelimiterOrNewline(&reader, state: state)
            if isLineEnd(reader.current) {
                append(text(String(whiteSpaceBefore) + run + String(reader.current)))
                whiteSpaceBefore = ""
                state.newLine = true
                reader.advance()
                continue
            }
            if !run.isEmpty {
                append(text(String(whiteSpaceBefore) + run))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if reader.reachedEnd { break }

            let tag = reader.position
            var setNewLine = false
            switch reader.current {
            case "#", "^":
                let inverted = reader.current == "^"
                reader.advance()
                let name = try parseName(&reader, state: state, at: tag)
                if isStandalone(&reader, state: state) {
                    setNewLine = true
                    lineStartPending = false
                } else {
                    flushWhiteSpace()
                }
                let body = try parse(&reader, state: state.inSection(name, at: tag, newLine: setNewLine))
                append(.section(TemplateName(name), inverted: inverted, body))

            case "/":
                reader.advance()
                let name = try parseName(&reader, state: state, at: tag)
                guard let open = state.sectionName else { throw Located(problem: .unopenedClose(name), at: tag) }
                guard name == open else { throw Located(problem: .wrongClose(expected: open, found: name), at: tag) }
                if !isStandalone(&reader, state: state) {
                    flushWhiteSpace()
                    // The line starts inside a section, and so does its indentation; a block's
                    // body may be replaced, so its last line's indentation goes after it.
                    if lineStartPending, state.blockName == open {
                        lineGoesOn = true
                    } else if lineStartPending {
                        nodes.append(.lineStart)
                    }
                }
                return nodes

            case "!":
                reader.advance()
                do { _ = try reader.read(past: state.endDelimiter) } catch { throw Located(problem: .unfinishedComment, at: tag) }
                setNewLine = isStandalone(&reader, state: state)
                if setNewLine { lineStartPending = false } else { flushWhiteSpace() }

            case "{", "&":
                let triple = reader.current == "{"
                flushWhiteSpace()
                reader.advance()
                let name = try parseName(&reader, state: state, at: tag)
                if triple {
                    guard reader.read("}") else { throw Located(problem: .unfinishedTag, at: tag) }
                }
                append(.variable(TemplateName(name), escaped: false))

            case ">":
                reader.advance()
                reader.readWhitespace()
                if reader.current == "*" { throw Located(problem: .dynamicName, at: tag) }
                let name = try parsePartialName(&reader, state: state, at: tag)
                if isStandalone(&reader, state: state) {
                    // The spaces before the tag indent every line of the partial, its first included.
                    setNewLine = true
                    lineStartPending = false
                    append(.partial(name, indentation: String(whiteSpaceBefore), overrides: nil))
                } else {
                    flushWhiteSpace()
                    append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                reader.advance()
                reader.readWhitespace()
                if reader.current == "*" { throw Located(problem: .dynamicName, at: tag) }
                let name = try parsePartialName(&reader, state: state, at: tag)
                // Spaces alone before the tag indent the parent's lines after its first, which
                // they start themselves.
                let indentation = state.newLine ? String(whiteSpaceBefore) : ""
                flushWhiteSpace()
                if isStandalone(&reader, state: state) { setNewLine = true }
                let body = try parse(&reader, state: state.inParent(name, at: tag))
                var overrides: [String: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let nodes): overrides[block] = nodes
                    case .text, .lineStart: break  // text inside a parent and outside its blocks is ignored
                    default: throw Located(problem: .notABlockInParent(name), at: tag)
                    }
                }
                append(.partial(name, indentation: indentation, overrides: overrides))

            case "$":
                reader.advance()
                let name = try parseName(&reader, state: state, at: tag)
                let lineLeading = state.newLine
                let standalone = isStandalone(&reader, state: state)
                // Standalone, the block is as indented as its first line; inline, as the spaces
                // before it, if nothing else comes before it on its line.
                let indentation = standalone ? intrinsicIndentation(reader, state: state) : lineLeading ? whiteSpaceBefore : ""
                let inner = state.inBlock(name, at: tag, newLine: standalone, indentation: indentation)
                if state.isParentTopLevel {
                    var body = try parse(&reader, state: inner)
                    // An override starts a line wherever it is expanded.
                    switch body.first {
                    case nil, .lineStart?: break
                    default: body.insert(.lineStart, at: 0)
                    }
                    append(.blockDefinition(name, body))
                } else {
                    if standalone { lineStartPending = false } else { flushWhiteSpace() }
                    var lineGoesOn = false
                    let body = try parse(&reader, state: inner, lineGoesOn: &lineGoesOn)
                    append(.blockExpansion(name, default: body, indentation: String(indentation)))
                    if lineGoesOn { lineStartPending = true }
                }
                whiteSpaceBefore = ""
                setNewLine = standalone

            case "=":
                reader.advance()
                state = try setDelimiters(&reader, state: state, at: tag)
                setNewLine = isStandalone(&reader, state: state)
                if setNewLine { lineStartPending = false } else { flushWhiteSpace() }

            case "%":
                throw Located(problem: .pragma, at: tag)

            default:
                flushWhiteSpace()
                let name = try parseName(&reader, state: state, at: tag)
                append(.variable(TemplateName(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw Located(problem: .unclosedSection(open), at: state.sectionStart ?? reader.position) }
        return nodes
    }

    /// The indentation of the line after a standalone block tag, less that of the blocks around.
    private static func intrinsicIndentation(_ reader: TemplateReader, state: State) -> Substring {
        var ahead = reader
        let whiteSpace = ahead.read(while: spaceOrTab)
        return whiteSpace.dropFirst(min(whiteSpace.count, state.blockIndentation.count))
    }

    /// The text up to the next tag (its start delimiter read) or line end (not read).
    private static func readUntilDelimiterOrNewline(_ reader: inout TemplateReader, state: State) -> String {
        guard let first = state.startDelimiter.first else { return "" }
        let stops: Set<Character> = ["\n", "\r\n", first]
        var total = ""
        while !reader.reachedEnd {
            total += reader.read(until: stops)
            if isLineEnd(reader.current) {
                break
            } else if reader.current == first {
                if reader.read(string: state.startDelimiter) { break }
                total += String(first)
                reader.advance()
            }
        }
        return total
    }

    /// A tag's name up to its end delimiter.
    private static func parseName(_ reader: inout TemplateReader, state: State, at tag: String.Index) throws -> String {
        reader.readWhitespace()
        let name = String(reader.read(while: sectionNameChars))
        reader.readWhitespace()
        if name.contains("(") || name.contains(")") { throw Located(problem: .transform(name), at: tag) }
        guard reader.read(string: state.endDelimiter) else { throw Located(problem: .unfinishedTag, at: tag) }
        return name
    }

    private static func parsePartialName(_ reader: inout TemplateReader, state: State, at tag: String.Index) throws -> String {
        reader.readWhitespace()
        let name = String(reader.read(while: partialNameChars))
        reader.readWhitespace()
        guard reader.read(string: state.endDelimiter) else { throw Located(problem: .unfinishedTag, at: tag) }
        return name
    }

    private static func setDelimiters(_ reader: inout TemplateReader, state: State, at tag: String.Index) throws -> State {
        let start: Substring
        let end: Substring
        do {
            reader.readWhitespace()
            start = try reader.read(until: { $0.isWhitespace })
            reader.readWhitespace()
            end = try reader.read(until: { $0 == "=" || $0.isWhitespace })
            reader.readWhitespace()
        } catch {
            throw Located(problem: .invalidDelimiters, at: tag)
        }
        guard reader.read("="), reader.read(string: state.endDelimiter), !start.isEmpty, !end.isEmpty,
              !start.contains("="), !end.contains("=") else {
            throw Located(problem: .invalidDelimiters, at: tag)
        }
        return state.withDelimiters(start: String(start), end: String(end))
    }

    /// Whether the tag just read stands alone on its line; if so the rest of the line is read.
    private static func isStandalone(_ reader: inout TemplateReader, state: State) -> Bool {
        guard state.newLine else { return false }
        if reader.reachedEnd { return true }
        var ahead = reader
        ahead.read(while: spaceOrTab)
        if ahead.reachedEnd {
            reader.move(to: ahead.position)
            return true
        }
        guard isLineEnd(ahead.current) else { return false }
        ahead.advance()
        reader.move(to: ahead.position)
        return true
    }

    /// Lines end with LF or CRLF, as the specification has it (not at other Unicode line breaks).
    private static func isLineEnd(_ character: Character) -> Bool { character == "\n" || character == "\r\n" }

    private static let spaceOrTab = Set<Character>(" \t")
    private static let sectionNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}

/// A template the engine refuses: it does not parse, or it uses what the engine does not render.
struct TemplateSyntaxError: Error, Equatable, CustomStringConvertible {
    enum Problem: Equatable, Sendable {
        case transform(String)
        case dynamicName
        case pragma
        case unclosedSection(String)
        case unopenedClose(String)
        case wrongClose(expected: String, found: String)
        case notABlockInParent(String)
        case unfinishedTag
        case unfinishedComment
        case invalidDelimiters
    }

    let problem: Problem
    /// The line of the tag, from 1.
    let line: Int

    /// Not a mistake in the template but a feature the engine leaves out on purpose.
    var isUnsupported: Bool {
        switch problem {
        case .transform, .dynamicName, .pragma: true
        default: false
        }
    }

    var vietnamese: String {
        switch problem {
        case .transform(let name): "không hỗ trợ hàm biến đổi hay lambda {{\(name)}}"
        case .dynamicName: "không hỗ trợ tên động {{>*…}}"
        case .pragma: "không hỗ trợ pragma {{%…}}"
        case .unclosedSection(let name): "khối {{#\(name)}} không được đóng bằng {{/\(name)}}"
        case .unopenedClose(let name): "thẻ đóng {{/\(name)}} không có thẻ mở"
        case .wrongClose(let expected, let found): "thẻ đóng {{/\(found)}} không khớp với khối đang mở “\(expected)”"
        case .notABlockInParent(let name): "trong {{<\(name)}} chỉ được có các khối {{$…}}"
        case .unfinishedTag: "thẻ chưa đóng"
        case .unfinishedComment: "chú thích {{!…}} chưa đóng"
        case .invalidDelimiters: "thẻ đổi dấu phân cách {{=… …=}} sai"
        }
    }

    var english: String {
        switch problem {
        case .transform(let name): "transforms and lambdas such as {{\(name)}} are not supported"
        case .dynamicName: "dynamic names {{>*…}} are not supported"
        case .pragma: "pragmas {{%…}} are not supported"
        case .unclosedSection(let name): "the section {{#\(name)}} is never closed with {{/\(name)}}"
        case .unopenedClose(let name): "the closing tag {{/\(name)}} closes nothing"
        case .wrongClose(let expected, let found): "the closing tag {{/\(found)}} does not close the open section “\(expected)”"
        case .notABlockInParent(let name): "only {{$…}} blocks may stand inside {{<\(name)}}"
        case .unfinishedTag: "a tag is not closed"
        case .unfinishedComment: "a comment {{!…}} is not closed"
        case .invalidDelimiters: "invalid set-delimiters tag {{=… …=}}"
        }
    }

    var description: String { "line \(line): \(vietnamese) (\(english))" }
}
