import Foundation
import Disclosure

/// What `congkhai check` reports: the loader's diagnostics, then the checker's findings grouped
/// by record, and a summary. Rendering is pure so tests can compare the exact text and JSON.
public struct CheckReport: Sendable {
    public var asOf: Day
    public var records: [Record]
    public var diagnostics: [Diagnostic]
    public var findings: [Finding]

    public init(asOf: Day, records: [Record], diagnostics: [Diagnostic], findings: [Finding]) {
        self.asOf = asOf
        self.records = records
        self.diagnostics = diagnostics
        self.findings = findings
    }

    public var errorCount: Int { diagnostics.errors.count + findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.warnings.count + findings.filter { $0.severity == .warning }.count }
    public var infoCount: Int {
        diagnostics.filter { $0.severity == .info }.count + findings.filter { $0.severity == .info }.count
    }

    /// 0 clean, 1 compliance errors, 2 content that cannot be read (the CLI contract).
    public var exitCode: Int32 {
        if diagnostics.hasErrors { return 2 }
        return findings.contains { $0.severity == .error } ? 1 : 0
    }

    // MARK: Text

    public func text() -> String {
        var out = ""
        for d in diagnostics {
            out += "\(d.location.map { "\($0): " } ?? "")\(d.severity.rawValue)[\(d.code.rawValue)]: \(d.message)\n"
            if let hint = d.hint { out += "    hint: \(hint)\n" }
        }
        if !diagnostics.isEmpty && !findings.isEmpty { out += "\n" }
        func render(_ own: [Finding]) {
            for f in own {
                out += "  \(f.severity.rawValue)[\(f.code.rawValue)]\(f.estimated ? " (ước tính/estimated)" : ""): \(f.messageVI)\n"
                out += "      \(f.messageEN)\n"
                for line in f.arithmetic { out += "      ↳ \(line)\n" }
                out += "      Căn cứ: \(f.legalSource)\n"
            }
            out += "\n"
        }
        for record in records {
            let own = findings.filter { $0.recordID == record.id }
            guard !own.isEmpty else { continue }
            out += "\(record.file) — \(record.displayName) (\(record.id))\n"
            out += "  \(record.title)\n"
            render(own)
        }
        // Findings filed under something that is not a record: the publication ledger (a path),
        // or a notice the ledger shows that Content/ no longer holds (an id).
        let known = Set(records.map(\.id))
        var others: [RecordID] = []
        for f in findings where !known.contains(f.recordID) && !others.contains(f.recordID) { others.append(f.recordID) }
        for subject in others {
            out += subject.contains("/") || subject.hasSuffix(".jsonl")
                ? "\(subject) — Sổ cái công bố (publication ledger)\n"
                : "\(subject) — không còn trong nội dung (no longer in the content)\n"
            render(findings.filter { $0.recordID == subject })
        }
        out += summary() + "\n"
        return out
    }

    public func summary() -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(records.count, "record")), \(plural(errorCount, "error")), \(plural(warningCount, "warning")), \(infoCount) info (as of \(asOf.vietnamese))"
    }

    // MARK: JSON (schema: docs/check.md)

    /// Members in code-point order (see `JSONWriter`).
    public func json() -> String {
        var json = JSONWriter(.file, capacity: 1024 + 512 * (diagnostics.count + findings.count))
        json.beginObject()
        json.field("as_of", asOf.iso)
        json.key("diagnostics")
        json.beginArray()
        for d in diagnostics {
            json.beginObject()
            json.field("code", d.code.rawValue)
            if let l = d.location { json.field("column", l.column) }
            json.field("file", d.location?.file)
            json.field("hint", d.hint)
            if let l = d.location { json.field("line", l.line) }
            json.field("message", d.message)
            json.field("severity", d.severity.rawValue)
            json.endObject()
        }
        json.endArray()
        json.key("findings")
        json.beginArray()
        for f in findings {
            let record = records.first { $0.id == f.recordID }
            json.beginObject()
            json.field("arithmetic", strings: f.arithmetic)
            json.field("code", f.code.rawValue)
            json.field("estimated", f.estimated)
            json.field("file", record?.file ?? (f.recordID.hasSuffix(".jsonl") ? f.recordID : ""))
            if !f.ledgerLines.isEmpty {
                json.key("ledger_lines")
                json.beginArray()
                for line in f.ledgerLines { json.int(line) }
                json.endArray()
            }
            json.field("legal_source", f.legalSource)
            json.field("message_en", f.messageEN)
            json.field("message_vi", f.messageVI)
            json.field("record", f.recordID)
            json.field("severity", f.severity.rawValue)
            json.endObject()
        }
        json.endArray()
        json.field("schema", "https://congkhai.example/schema/check-report-v1")
        json.key("summary")
        json.beginObject()
        json.field("errors", errorCount)
        json.field("exit_code", Int(exitCode))
        json.field("info", infoCount)
        json.field("records", records.count)
        json.field("warnings", warningCount)
        json.endObject()
        json.endObject()
        return String(decoding: json.line, as: UTF8.self)
    }
}
