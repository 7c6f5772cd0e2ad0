import Disclosure

/// A `site.yml` for a content folder that has none, guessed from the imported documents' headers
/// ("ỦY BAN NHÂN DÂN / XÃ ĐÔNG SƠN"), date lines ("Đông Sơn, ngày …") and numbers ("…/KH-UBND").
/// Each guessed key says where it came from; what cannot be read is left as a comment to fill in.
public enum SiteGuess {
    public static func yaml(from records: [ImportedRecord]) -> String {
        let commune = mostCommon(records.compactMap { communeName(in: $0.fields.issuerHeader) })
        let place = mostCommon(records.compactMap(\.fields.place))
        let issuerCode = mostCommon(records.compactMap { $0.fields.number?.issuerCode })

        var out = "# site.yml guessed by `congkhai import` from the imported documents; check every value.\n"
        out += "# Every key is documented in DESIGN.md (Content format v1); omitted keys take their defaults.\n"
        if let commune {
            out += YAMLText.line("name", YAMLText.quoted("Cổng công khai thông tin \(commune)"))
            out += YAMLText.line("commune", YAMLText.quoted(commune), comment: "from the issuer in the documents' headers")
            out += YAMLText.line("issuer", YAMLText.quoted("UBND \(commune)"))
        } else {
            out += "# name, commune, issuer: no header (ỦY BAN NHÂN DÂN / XÃ …) names the commune; write them here.\n"
        }
        if let issuerCode { out += YAMLText.line("issuer_code", YAMLText.quoted(issuerCode), comment: "from the documents' numbers") }
        if let place { out += YAMLText.line("place", YAMLText.quoted(place), comment: "from the date lines") }
        out += "# base_url: \"https://…/\"   # the portal's public address\n"
        out += YAMLText.line("timezone", YAMLText.quoted("Asia/Ho_Chi_Minh"))
        out += YAMLText.line("numbering", "yearly", comment: "one series per year across types; or per-type")
        return out
    }

    /// "XÃ ĐÔNG SƠN" or "ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN" → "xã Đông Sơn".
    static func communeName(in header: [String]) -> String? {
        let units = ["xa", "phuong", "thi tran"]
        for line in header {
            let words = line.split(separator: " ").map(String.init)
            for (i, word) in words.enumerated() {
                let folded = word.folded
                let twoWords = i + 1 < words.count ? folded + " " + words[i + 1].folded : folded
                guard units.contains(folded) || units.contains(twoWords) else { continue }
                let unitLength = units.contains(folded) ? 1 : 2
                guard words.count > i + unitLength else { continue }
                return Casing.placeName(words[i...].joined(separator: " "))
            }
        }
        return nil
    }

    private static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        // Ties go to the first seen, so the guess does not depend on dictionary order.
        return values.first { counts[$0] == counts.values.max() }
    }
}
