// The print view's fields as templates/print.mustache reads them (see TemplateFields).

extension PrintNotice: TemplateView {
    static let templateFields = TemplateFieldTable<PrintNotice>([
        "t": { .object($0.t) },
        "lang": { .text($0.lang) },
        "pageTitle": { .text($0.pageTitle) },
        "canonical": { .text($0.canonical) },
        "root": { .text($0.root) },
        "recordHref": { .text($0.recordHref) },
        "issuer": { .text($0.issuer) },
        "number": { $0.number.map(TemplateValue.text) },
        "isDraft": { .bool($0.isDraft) },
        "dateLine": { $0.dateLine.map(TemplateValue.text) },
        "kind": { $0.kind.map(TemplateValue.text) },
        "title": { .text($0.title) },
        "period": { .objects($0.period) },
        "places": { $0.places.map(TemplateValue.text) },
        "feedback": { .objects($0.feedback) },
        "hasFeedback": { .bool($0.hasFeedback) },
        "contact": { .objects($0.contact) },
        "hasContact": { .bool($0.hasContact) },
        "qrAlt": { .text($0.qrAlt) },
        "qrSide": { .number($0.qrSide) },
        "qrPath": { .text($0.qrPath) },
        "url": { .text($0.url) },
        "signature": { $0.signature.map(TemplateValue.object) },
    ])
}

extension PrintNotice.Line: TemplateView {
    static let templateFields = TemplateFieldTable<PrintNotice.Line>([
        "text": { .text($0.text) },
    ])
}
