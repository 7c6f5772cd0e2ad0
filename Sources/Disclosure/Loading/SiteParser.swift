import Foundation
import Yams

/// Reads `Content/site.yml`. A missing file gives the defaults; a bad value a diagnostic.
enum SiteParser {
    static let schema = KeySchema([
        "name": ["ten_cong"], "commune": ["xa"], "issuer": ["co_quan"], "issuer_code": [],
        "place": ["dia_danh"], "parent": [], "base_url": ["baseurl", "url"], "timezone": ["time_zone"],
        "language": ["ngon_ngu"], "contact": ["lien_he"], "feedback": ["gop_y"], "numbering": ["danh_so"],
        "policy": ["chinh_sach"],
    ])
    static let contactSchema = KeySchema(["email": [], "address": ["dia_chi"], "phone": ["dien_thoai"]])
    static let policySchema = KeySchema([
        "count_swapped_saturdays": [], "regimes": [], "categories": [], "types": [],
    ])
    static let ruleSchema = KeySchema([
        "min_days": ["days", "required_days"], "deadline_working_days": ["deadline"], "permanent": [], "basis": [],
    ])

    static func parse(text: String, file: String) -> (SiteConfig, [Diagnostic]) {
        var site = SiteConfig()
        var fields = YAMLFields(file: file, firstLine: 1)
        if text.utf8.count > ContentLimits.maxFrontMatterBytes {
            return (site, [Diagnostic(.error, .tooLarge, "site.yml is \(SourceText.megabytes(text.utf8.count)); the limit is \(SourceText.megabytes(ContentLimits.maxFrontMatterBytes))",
                                      hint: "site.yml holds settings only; check that the right file was saved here", at: SourceLocation(file: file, line: 1))])
        }
        let composed = YAMLSafety.compose(text, file: file, firstLine: 1)
        if !composed.diagnostics.isEmpty { return (site, composed.diagnostics) }
        guard let root = composed.node else { return (site, []) }
        let f = fields.fields(of: root, schema: schema, context: "site.yml")
        func set(_ key: String, _ path: WritableKeyPath<SiteConfig, String>) {
            if let v = fields.string(f[key]?.value, key) { site[keyPath: path] = v }
        }
        set("name", \.name); set("commune", \.commune); set("issuer", \.issuer); set("issuer_code", \.issuerCode)
        set("place", \.place); set("parent", \.parent); set("language", \.language)
        set("feedback", \.feedback)
        // Defaults derived from the commune's name: "xã Đông Sơn" → "UBND xã Đông Sơn", "Đông Sơn".
        if f["issuer"] == nil, !site.commune.isEmpty { site.issuer = "UBND " + site.commune }
        if f["place"] == nil, site.commune.lowercased().hasPrefix("xã ") { site.place = String(site.commune.dropFirst(3)) }
        if let url = fields.string(f["base_url"]?.value, "base_url") {
            if let problem = SiteConfig.baseURLProblem(url) {
                fields.report(.error, .invalidSite, "`base_url`: \(problem.vi) / \(problem.en)", at: f["base_url"]?.value)
            } else {
                site.baseURL = url.hasSuffix("/") ? url : url + "/"
            }
        }
        if let name = fields.string(f["timezone"]?.value, "timezone") {
            if let zone = TimeZone(identifier: name) {
                site.timeZone = zone
            } else {
                fields.report(.error, .invalidSite, "`timezone: \(name)` is not a known time zone",
                              hint: "the default is Asia/Ho_Chi_Minh", at: f["timezone"]?.value)
            }
        }
        if let node = f["contact"]?.value {
            let c = fields.fields(of: node, schema: contactSchema, context: "`contact`")
            site.contact.email = fields.string(c["email"]?.value, "email")
            site.contact.address = fields.string(c["address"]?.value, "address")
            site.contact.phone = fields.string(c["phone"]?.value, "phone")
        }
        if let raw = fields.string(f["numbering"]?.value, "numbering") {
            if let n = SiteConfig.Numbering(rawValue: raw) { site.numbering = n } else {
                fields.report(.error, .invalidSite, "`numbering: \(raw)` must be yearly or per-type", at: f["numbering"]?.value)
            }
        }
        if let node = f["policy"]?.value {
            let p = fields.fields(of: node, schema: policySchema, context: "`policy`")
            site.policy.countsSwappedSaturdays = fields.bool(p["count_swapped_saturdays"]?.value, "count_swapped_saturdays") ?? true
            site.policy.regimes = rules(p["regimes"]?.value, &fields) { DisclosureCategory.Regime(rawValue: $0) != nil ? nil : "a regime is `law` or `agency`" }
            site.policy.categories = rules(p["categories"]?.value, &fields) {
                if case .failure = DisclosureCategory.parse($0) { return "not a category of the form law-11.N or agency-6.N" }
                return nil
            }
            site.policy.types = rules(p["types"]?.value, &fields) { DocumentType.named($0) == nil ? "not a type code of Decree 30/2020" : nil }
        }
        return (site, fields.diagnostics)
    }

    private static func rules(_ node: YAMLNode?, _ fields: inout YAMLFields, validate: (String) -> String?) -> [String: RuleOverride] {
        guard let node, case .mapping(let mapping) = node else {
            if let node { fields.report(.error, .wrongType, "policy entries must be a mapping", at: node) }
            return [:]
        }
        var out: [String: RuleOverride] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            if let problem = validate(key) {
                fields.report(.error, .invalidSite, "policy key “\(key)”: \(problem)", at: keyNode)
                continue
            }
            let r = fields.fields(of: value, schema: ruleSchema, context: "policy for \(key)")
            out[key] = RuleOverride(
                minDays: fields.int(r["min_days"]?.value, "min_days", range: 1...3650),
                deadlineWorkingDays: fields.int(r["deadline_working_days"]?.value, "deadline_working_days", range: 0...365),
                permanent: fields.bool(r["permanent"]?.value, "permanent"),
                basis: fields.string(r["basis"]?.value, "basis"))
        }
        return out
    }
}
