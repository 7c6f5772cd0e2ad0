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

    public func json() -> String {
        let object: [String: Any] = [
            "schema": "https://congkhai.example/schema/check-report-v1",
            "as_of": asOf.iso,
            "summary": [
                "records": records.count, "errors": errorCount, "warnings": warningCount, "info": infoCount,
                "exit_code": Int(exitCode),
            ],
            "diagnostics": diagnostics.map { d -> [String: Any] in
                var o: [String: Any] = ["severity": d.severity.rawValue, "code": d.code.rawValue, "message": d.message]
                if let hint = d.hint { o["hint"] = hint }
                if let l = d.location { o["file"] = l.file; o["line"] = l.line; o["column"] = l.column }
                return o
            },
            "findings": findings.map { f -> [String: Any] in
                let record = records.first { $0.id == f.recordID }
                var o: [String: Any] = [
                    "severity": f.severity.rawValue, "code": f.code.rawValue, "record": f.recordID,
                    "file": record?.file ?? (f.recordID.hasSuffix(".jsonl") ? f.recordID : ""), "legal_source": f.legalSource,
                    "message_vi": f.messageVI, "message_en": f.messageEN,
                    "arithmetic": f.arithmetic, "estimated": f.estimated,
                ]
                if !f.ledgerLines.isEmpty { o["ledger_lines"] = f.ledgerLines }
                return o
            },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
