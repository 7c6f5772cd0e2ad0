import Foundation
import Disclosure
import Compliance

/// `api/records.json`: every published record's metadata, posting period and status on the build
/// day, for oversight bodies and aggregators; `api/records.schema.json` describes it (JSON Schema
/// 2020-12). Private fields are not part of either.
struct RecordsAPI {
    let content: PortalContent

    func file() -> Data {
        let urls = content.urls
        let records: [[String: Any]] = content.records.map { entry in
            let record = entry.record
            var object: [String: Any] = [
                "id": record.id,
                "url": urls.absolute(entry.path),
                "title": record.title,
                "type": ["code": record.type.code, "name": record.type.nameVI],
                "date": record.date.iso,
                "issuer": record.issuer,
                "draft": record.isDraft,
                "references": record.references.map { reference -> [String: Any] in
                    var r: [String: Any] = ["text": reference.text]
                    if let target = reference.target, content.record(target) != nil { r["id"] = target }
                    return r
                },
                "cited_by": content.citedBy[record.id] ?? [],
                "attachments": record.attachments.map { urls.absolute(SitePaths.attachment($0)) },
            ]
            if let number = record.displayNumber { object["number"] = number }
            if let signer = record.signer { object["signer"] = signer }
            if let title = record.signerTitle { object["signer_title"] = title }
            if let category = record.category { object["category"] = ["id": category.description, "citation": category.citation] }
            if let minutes = record.minutes { object["minutes"] = minutes.rawValue }
            if let subject = record.subject, content.record(subject) != nil { object["subject"] = subject }
            if let posting = record.posting, let schedule = entry.schedule, let status = entry.status {
                object["posting"] = Self.posting(posting, schedule: schedule, status: status)
            }
            return object
        }
        let document: [String: Any] = [
            "$schema": urls.absolute(SitePaths.recordsSchema),
            "as_of": content.asOf.iso,
            "site": ["name": content.site.name, "commune": content.site.commune, "issuer": content.site.issuer, "url": urls.base],
            "records": records,
        ]
        return JSONOutput.data(document)
    }

    private static func posting(_ posting: Posting, schedule: PostingSchedule, status: PostingStatus) -> [String: Any] {
        var object: [String: Any] = [
            "start": schedule.start.iso,
            "permanent": schedule.end == nil,
            "places": posting.places,
        ]
        if let end = schedule.end { object["end"] = end.iso }
        if let legalEnd = schedule.legalEnd { object["legal_end"] = legalEnd.iso }
        if let days = schedule.days { object["days"] = days }
        if let until = posting.feedbackUntil { object["feedback_until"] = until.iso }
        if let required = posting.requiredDays { object["required_days"] = required }
        if let basis = posting.basis { object["basis"] = basis }
        var state: [String: Any] = ["key": status.key]
        switch status {
        case .upcoming(_, let inDays): state["starts_in_days"] = inDays
        case .open(let day, let of, let left): state["day"] = day; state["of"] = of; state["days_left"] = left
        case .permanent: break
        case .ended(let on): state["ended_on"] = on.iso
        }
        object["status"] = state
        return object
    }

    static let schema = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "records.schema.json",
      "title": "CongKhai records",
      "description": "Every published record of a commune's public-disclosure portal, with its posting period and its status on the day the site was built (as_of).",
      "type": "object",
      "required": ["as_of", "site", "records"],
      "properties": {
        "$schema": {"type": "string"},
        "as_of": {"$ref": "#/$defs/day", "description": "The day the statuses were computed for."},
        "site": {
          "type": "object",
          "required": ["name", "url"],
          "properties": {
            "name": {"type": "string"},
            "commune": {"type": "string"},
            "issuer": {"type": "string"},
            "url": {"type": "string", "format": "uri"}
          }
        },
        "records": {"type": "array", "items": {"$ref": "#/$defs/record"}}
      },
      "$defs": {
        "day": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "record": {
          "type": "object",
          "required": ["id", "url", "title", "type", "date", "issuer", "draft", "references", "cited_by", "attachments"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9-]+$", "description": "Stable id: the slug of the year and number, or of the file name."},
            "url": {"type": "string", "format": "uri"},
            "number": {"type": "string", "description": "Số, ký hiệu (Decree 30/2020), e.g. 127/KH-UBND."},
            "title": {"type": "string", "description": "Trích yếu."},
            "type": {
              "type": "object",
              "required": ["code", "name"],
              "properties": {"code": {"type": "string"}, "name": {"type": "string"}}
            },
            "date": {"$ref": "#/$defs/day", "description": "Ngày ban hành."},
            "issuer": {"type": "string"},
            "signer": {"type": "string"},
            "signer_title": {"type": "string"},
            "draft": {"type": "boolean"},
            "category": {
              "type": "object",
              "required": ["id", "citation"],
              "properties": {
                "id": {"type": "string", "pattern": "^(law-11|agency-6)\\\\.[0-9]+$"},
                "citation": {"type": "string"}
              }
            },
            "minutes": {"type": "string", "enum": ["meeting", "posting-start", "posting-end", "ballot", "other"]},
            "subject": {"type": "string", "description": "The id of the record these minutes or this report are about."},
            "references": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["text"],
                "properties": {"text": {"type": "string"}, "id": {"type": "string"}}
              }
            },
            "cited_by": {"type": "array", "items": {"type": "string"}},
            "attachments": {"type": "array", "items": {"type": "string", "format": "uri"}},
            "posting": {"$ref": "#/$defs/posting"}
          }
        },
        "posting": {
          "type": "object",
          "required": ["start", "permanent", "places", "status"],
          "properties": {
            "start": {"$ref": "#/$defs/day"},
            "end": {"$ref": "#/$defs/day", "description": "The last day as posted (đến hết ngày)."},
            "legal_end": {"$ref": "#/$defs/day", "description": "The end under Civil Code 2015 Art. 148(5): the next working day when end is a day off."},
            "days": {"type": "integer", "minimum": 0, "description": "Days posted, counted under Civil Code Art. 147 (the first day is not counted)."},
            "permanent": {"type": "boolean"},
            "places": {"type": "array", "items": {"type": "string"}},
            "feedback_until": {"$ref": "#/$defs/day"},
            "required_days": {"type": "integer"},
            "basis": {"type": "string"},
            "status": {
              "type": "object",
              "required": ["key"],
              "properties": {
                "key": {"type": "string", "enum": ["upcoming", "open", "permanent", "ended"]},
                "starts_in_days": {"type": "integer"},
                "day": {"type": "integer", "description": "Days elapsed since the start (0 on the start day)."},
                "of": {"type": "integer"},
                "days_left": {"type": "integer", "description": "Days to the legal end (0 on the last day)."},
                "ended_on": {"$ref": "#/$defs/day"}
              }
            }
          }
        }
      }
    }

    """
}
