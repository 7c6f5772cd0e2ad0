import Foundation

/// JSON as the site publishes it: keys sorted so that the same content gives the same bytes.
enum JSONOutput {
    static func data(_ object: Any) -> Data {
        // The objects are built here from strings, numbers, booleans, arrays and dictionaries only.
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return data + Data("\n".utf8)
    }
}

/// JSON to place inside a `<script>` element (JSON-LD, the scripts' texts): `<`, `>`, `&` and `/`
/// are escaped, so no value can close the element or open a comment.
enum ScriptJSON {
    static func encode(_ object: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
