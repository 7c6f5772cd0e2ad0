import Foundation
import Disclosure
import Compliance

/// `api/records.json`: every published record's metadata, posting period and status on the build
/// day, for oversight bodies and aggregators; `api/records.schema.json` describes it (JSON Schema
/// 2020-12). Private fields are not part of either.
struct RecordsAPI {
    let content: PortalContent

    /// Members are written in code-point order (see `JSONWriter`).
    func file() -> Data {
        let urls = content.urls
        let site = content.site
        return JSONOutput.file(capacity: content.records.count * 1280) { json in
            json.beginObject()
            json.field("$schema", urls.absolute(SitePaths.recordsSchema))
            json.field("as_of", content.asOf.iso)
            json.key("records")
            json.beginArray()
            for entry in content.records { write(entry, into: &json) }
            json.endArray()
            json.key("site")
            json.beginObject()
            json.field("commune", site.commune)
            json.field("issuer", site.issuer)
            json.field("name", site.name)
            json.field("url", urls.base)
            json.endObject()
            json.endObject()
        }
    }

    private func write(_ entry: PortalRecord, into json: inout JSONWriter) {
        let urls = content.urls
        let record = entry.record
        json.beginObject()
        json.field("attachments", strings: record.attachments.map { urls.absolute(SitePaths.attachment($0)) })
        if let category = record.category {
            json.key("category")
            json.beginObject()
            json.field("citation", category.citation)
            json.field("id", category.description)
            json.endObject()
        }
        json.field("cited_by", strings: content.citedBy[record.id] ?? [])
        json.field("date", record.date.iso)
        json.field("draft", record.isDraft)
        json.field("id", record.id)
        json.field("issuer", record.issuer)
        json.field("minutes", record.minutes?.rawValue)
        json.field("number", record.displayNumber)
        if let posting = record.posting, let schedule = entry.schedule, let status = entry.status {
            json.key("posting")
            Self.write(posting, schedule: schedule, status: status, into: &json)
        }
        json.key("references")
        json.beginArray()
        for reference in record.references {
            json.beginObject()
            if let target = reference.target, content.record(target) != nil { json.field("id", target) }
            json.field("text", reference.text)
            json.endObject()
        }
        json.endArray()
        json.field("signer", record.signer)
        json.field("signer_title", record.signerTitle)
        if let subject = record.subject, content.record(subject) != nil { json.field("subject", subject) }
        json.field("title", record.title)
        json.key("type")
        json.beginObject()
        json.field("code", record.type.code)
        json.field("name", record.type.nameVI)
        json.endObject()
        json.field("url", urls.absolute(entry.path))
        json.endObject()
    }

    private static func write(_ posting: Posting, schedule: PostingSchedule, status: PostingStatus, into json: inout JSONWriter) {
        json.beginObject()
        json.field("basis", posting.basis)
        if let days = schedule.days { json.field("days", days) }
        json.field("end", schedule.end?.iso)
        json.field("feedback_until", posting.feedbackUntil?.iso)
        json.field("legal_end", schedule.legalEnd?.iso)
        json.field("permanent", schedule.end == nil)
        json.field("places", strings: posting.places)
        if let required = posting.requiredDays { json.field("required_days", required) }
        json.field("start", schedule.start.iso)
        json.key("status")
        json.beginObject()
        switch status {
        case .upcoming(_, let inDays):
            json.field("key", status.key)
            json.field("starts_in_days", inDays)
        case .open(let day, let of, let left):
            json.field("day", day)
            json.field("days_left", left)
            json.field("key", status.key)
            json.field("of", of)
        case .permanent:
            json.field("key", status.key)
        case .ended(let on):
            json.field("ended_on", on.iso)
            json.field("key", status.key)
        }
        json.endObject()
        json.endObject()
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
