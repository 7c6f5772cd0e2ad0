import Disclosure

/// schema.org JSON-LD for a record page: `Legislation` for regulations and decisions (with
/// legislationIdentifier and legislationDate), `DigitalDocument` for everything else.
enum StructuredData {
    static func json(for entry: PortalRecord, content: PortalContent) -> String {
        let record = entry.record
        let legislation = record.type.isLegislation
        let issuer = { (json: inout JSONWriter) in
            json.beginObject()
            json.field("@type", "GovernmentOrganization")
            json.field("name", record.issuer)
            json.endObject()
        }
        // Members in code-point order (see `JSONWriter`).
        return ScriptJSON.write(capacity: 1024) { json in
            json.beginObject()
            json.field("@context", "https://schema.org")
            json.field("@type", legislation ? "Legislation" : "DigitalDocument")
            if !entry.body.plainText.isEmpty { json.field("abstract", String(entry.body.plainText.prefix(300))) }
            if !legislation {
                json.key("author")
                issuer(&json)
            }
            if record.isDraft { json.field("creativeWorkStatus", "Draft") }
            json.field("dateCreated", record.date.iso)
            json.field("genre", record.type.nameVI)
            if !legislation { json.field("identifier", record.displayNumber) }
            json.field("inLanguage", content.site.language)
            if legislation {
                json.field("legislationDate", record.date.iso)
                json.field("legislationIdentifier", record.displayNumber)
                if !content.site.commune.isEmpty {
                    json.field("legislationJurisdiction",
                               [content.site.commune, content.site.parent].filter { !$0.isEmpty }.joined(separator: ", "))
                }
                json.key("legislationPassedBy")
                issuer(&json)
                json.field("legislationType", record.type.nameVI)
            }
            json.field("name", record.title)
            json.field("url", content.urls.absolute(entry.path))
            json.endObject()
        }
    }
}
