import Disclosure

/// schema.org JSON-LD for a record page: `Legislation` for regulations and decisions (with
/// legislationIdentifier and legislationDate), `DigitalDocument` for everything else.
enum StructuredData {
    static func json(for entry: PortalRecord, content: PortalContent) -> String {
        let record = entry.record
        let issuer: [String: Any] = ["@type": "GovernmentOrganization", "name": record.issuer]
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "name": record.title,
            "url": content.urls.absolute(entry.path),
            "inLanguage": content.site.language,
            "dateCreated": record.date.iso,
            "genre": record.type.nameVI,
        ]
        if record.type.isLegislation {
            object["@type"] = "Legislation"
            object["legislationDate"] = record.date.iso
            object["legislationType"] = record.type.nameVI
            object["legislationPassedBy"] = issuer
            if let number = record.displayNumber { object["legislationIdentifier"] = number }
            if !content.site.commune.isEmpty {
                object["legislationJurisdiction"] = [content.site.commune, content.site.parent].filter { !$0.isEmpty }.joined(separator: ", ")
            }
        } else {
            object["@type"] = "DigitalDocument"
            object["author"] = issuer
            if let number = record.displayNumber { object["identifier"] = number }
        }
        if record.isDraft { object["creativeWorkStatus"] = "Draft" }
        if !entry.body.plainText.isEmpty { object["abstract"] = String(entry.body.plainText.prefix(300)) }
        return ScriptJSON.encode(object)
    }
}
