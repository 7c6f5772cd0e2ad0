/// Text made safe for HTML element content and quoted attribute values: the one escaper for the
/// HTML that is written by hand rather than through templates (draft minutes, the preview's staff
/// panel, attributes cmark does not write). Lives here, the lowest module, so all of them share it.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
