/// What one line of an imported text is, decided once, before the reader walks the lines.
/// The order of the checks matters: a number line is never a date line, a date line never a title.
enum ImportLine: Sendable {
    case blank
    case number(NumberLine)
    case placeDate(PlaceDateLine)
    case header(HeaderLine)
    case typeLine(TypeLine)
    case closing(ClosingLine)
    case name(String)
    case text

    init(_ line: SourceLine) {
        let plain = line.plain
        if plain.isEmpty { self = .blank; return }
        if let number = NumberLine.recognise(plain) { self = .number(number); return }
        if let date = PlaceDateLine.recognise(plain) { self = .placeDate(date); return }
        if let header = HeaderLine.recognise(plain) { self = .header(header); return }
        if let type = TypeLine.recognise(plain) { self = .typeLine(type); return }
        if let closing = ClosingLine.recognise(plain) { self = .closing(closing); return }
        if let name = PersonName.recognise(plain) { self = .name(name); return }
        self = .text
    }

    /// Lines that only a document's header has: they open a document.
    var isHeader: Bool {
        switch self {
        case .number, .placeDate, .typeLine: return true
        case .header(let header): return header != .separator
        default: return false
        }
    }

    var isBlank: Bool { if case .blank = self { return true } else { return false } }
}
