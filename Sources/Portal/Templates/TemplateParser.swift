/// Compiles a Mustache template into `TemplateNode`s, rule for rule as swift-mustache 2.1.1
/// (`MustacheTemplate.parse`, Apache-2.0, the Hummingbird authors) splits it into tokens: the same
/// standalone-line rules, the same whitespace kept before tags, the same indentation recorded for
/// partials and blocks, so that both engines print the same bytes.
///
/// What the fast engine does not render throws `Unsupported` (transforms `{{f(x)}}`, dynamic
/// partials `{{>*x}}`, pragmas `{{%…}}`): the theme renders that template with swift-mustache.
/// A malformed template throws too; swift-mustache then reports it with its file and line.
enum TemplateParser {
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> [TemplateNode] {
        var reader = TemplateReader(text)
        return try parse(&reader, state: State())
    }

    /// Where the parser is: inside which section, at the start of a line or not, with which delimiters.
    private struct State {
        var sectionName: String?
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`.
        var isPartialDefinition = false
        /// Directly inside it, where only `{{$block}}` definitions may stand.
        var isPartialDefinitionTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        var partialDefinitionIndent: Substring?

        func inSection(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }

        func withDelimiters(start: String, end: String) -> State {
            var state = self
            state.startDelimiter = start
            state.endDelimiter = end
            state.isPartialDefinitionTopLevel = false
            return state
        }
    }

    private static func parse(_ reader: inout TemplateReader, state initial: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore: Substring = ""

        func text(_ string: String) -> TemplateNode { .text(Array(string.utf8)) }
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(text(String(whiteSpaceBefore)))
                whiteSpaceBefore = ""
            }
        }

        while !reader.reachedEnd {
            if state.newLine {
                let whiteSpace = reader.read(while: spaceOrTab)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // Inside a block definition the first line's indent is the definition's own.
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent.count)
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let run = try readUntilDelimiterOrNewline(&reader, state: state)
            if reader.current.isNewline {
                nodes.append(text(String(whiteSpaceBefore) + run + String(reader.current)))
                state.newLine = true
                reader.advance()
                continue
            }
            if !run.isEmpty {
                nodes.append(text(String(whiteSpaceBefore) + run))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if reader.reachedEnd { break }

            var setNewLine = false
            switch reader.current {
            case "#", "^":
                let inverted = reader.current == "^"
                reader.advance()
                let name = try parseName(&reader, state: state)
                if isStandalone(&reader, state: state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let body = try parse(&reader, state: state.inSection(name, newLine: setNewLine))
                nodes.append(.section(TemplateName(name), inverted: inverted, body))

            case "/":
                reader.advance()
                let name = try parseName(&reader, state: state)
                guard name == state.sectionName else { throw Malformed(description: "section close name incorrect") }
                if isStandalone(&reader, state: state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                return nodes

            case "!":
                reader.advance()
                do { _ = try reader.read(past: state.endDelimiter) } catch { throw Malformed(description: "unfinished comment") }
                setNewLine = isStandalone(&reader, state: state)

            case "{", "&":
                let triple = reader.current == "{"
                flushWhiteSpace()
                reader.advance()
                let name = try parseName(&reader, state: state)
                if triple {
                    guard try reader.read("}") else { throw Malformed(description: "unfinished name") }
                }
                nodes.append(.variable(TemplateName(name), escaped: false))

            case ">":
                reader.advance()
                reader.readWhitespace()
                if reader.current == "*" { throw Unsupported(description: "dynamic partial") }
                let name = try parsePartialName(&reader, state: state)
                if !whiteSpaceBefore.isEmpty { nodes.append(text(String(whiteSpaceBefore))) }
                if isStandalone(&reader, state: state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: String(whiteSpaceBefore), overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                reader.advance()
                reader.readWhitespace()
                let name = try parsePartialName(&reader, state: state)
                if name.first == "*" { throw Unsupported(description: "dynamic partial") }
                if !whiteSpaceBefore.isEmpty { nodes.append(text(String(whiteSpaceBefore))) }
                if isStandalone(&reader, state: state) { setNewLine = true }
                let body = try parse(&reader, state: state.inInheritancePartial(name))
                var overrides: [String: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let nodes): overrides[block] = nodes
                    case .text: break
                    default: throw Malformed(description: "illegal token inside inherit section")
                    }
                }
                nodes.append(.partial(name, indentation: String(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = ""

            case "$":
                reader.advance()
                let name = try parseName(&reader, state: state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&reader, state: state) { setNewLine = true }
                    let body = try parse(&reader, state: state.inSection(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(text(String(whiteSpaceBefore))) }
                    if isStandalone(&reader, state: state) { setNewLine = true }
                    let body = try parse(&reader, state: state.inSection(name, newLine: setNewLine))
                    nodes.append(.blockExpansion(name, default: body, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }

            case "=":
                reader.advance()
                state = try setDelimiters(&reader, state: state)
                setNewLine = isStandalone(&reader, state: state)

            case "%":
                throw Unsupported(description: "pragma")

            default:
                flushWhiteSpace()
                let name = try parseName(&reader, state: state)
                nodes.append(.variable(TemplateName(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Malformed(description: "expected section end") }
        return nodes
    }

    /// The text up to the next tag (its start delimiter read) or newline (not read).
    private static func readUntilDelimiterOrNewline(_ reader: inout TemplateReader, state: State) throws -> String {
        guard let first = state.startDelimiter.first else { return "" }
        let stops: Set<Character> = ["\n", "\r\n", first]
        var total = ""
        while !reader.reachedEnd {
            total += reader.read(until: stops)
            if reader.current.isNewline {
                break
            } else if reader.current == first {
                if try reader.read(string: state.startDelimiter) { break }
                total += String(first)
                reader.advance()
            }
        }
        return total
    }

    /// A tag's name up to its end delimiter. Transforms (`f(x)`) are not for the fast engine.
    private static func parseName(_ reader: inout TemplateReader, state: State) throws -> String {
        reader.readWhitespace()
        let name = String(reader.read(while: sectionNameChars))
        reader.readWhitespace()
        guard try reader.read(string: state.endDelimiter) else { throw Malformed(description: "unfinished name") }
        if name.contains("(") || name.contains(")") { throw Unsupported(description: "transform") }
        return name
    }

    private static func parsePartialName(_ reader: inout TemplateReader, state: State) throws -> String {
        reader.readWhitespace()
        let name = String(reader.read(while: partialNameChars))
        reader.readWhitespace()
        guard try reader.read(string: state.endDelimiter) else { throw Malformed(description: "unfinished name") }
        return name
    }

    private static func setDelimiters(_ reader: inout TemplateReader, state: State) throws -> State {
        let start: Substring
        let end: Substring
        do {
            reader.readWhitespace()
            start = try reader.read(until: { $0.isWhitespace })
            reader.readWhitespace()
            end = try reader.read(until: { $0 == "=" || $0.isWhitespace })
            reader.readWhitespace()
        } catch {
            throw Malformed(description: "invalid set delimiter")
        }
        guard try reader.read("=") else { throw Malformed(description: "invalid set delimiter") }
        guard try reader.read(string: state.endDelimiter) else { throw Malformed(description: "invalid set delimiter") }
        guard !start.isEmpty, !end.isEmpty else { throw Malformed(description: "invalid set delimiter") }
        return state.withDelimiters(start: String(start), end: String(end))
    }

    /// Whether the tag just read stands alone on its line; if so the rest of the line is read.
    private static func isStandalone(_ reader: inout TemplateReader, state: State) -> Bool {
        guard state.newLine else { return false }
        if reader.reachedEnd { return true }
        var ahead = reader
        ahead.read(while: spaceOrTab)
        guard ahead.current.isNewline else { return false }
        ahead.advance()
        reader.move(to: ahead.position)
        return true
    }

    private static let spaceOrTab = Set<Character>(" \t")
    private static let sectionNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
