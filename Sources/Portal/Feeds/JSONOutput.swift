import Foundation

/// JSON as the site publishes it: keys sorted so that the same content gives the same bytes.
enum JSONOutput {
    static func data(_ object: Any) -> Data {
        // The objects are built here from strings, numbers, booleans, arrays and dictionaries only.
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return data + Data("\n".utf8)
    }

    /// The items of a pretty-printed top-level array, without its brackets: `joinedArray` puts
    /// chunks serialised apart (in parallel) together into what `data` gives for the whole array.
    static func arrayItems(_ items: [Any]) -> Data {
        guard !items.isEmpty else { return Data() }
        let whole = data(items)
        // `[\n` … `\n]\n`: the items sit at the same depth as in the whole array.
        return whole.dropFirst(2).dropLast(3)
    }

    static func joinedArray(_ parts: [Data]) -> Data {
        let parts = parts.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return data([Any]()) }
        var result = Data("[\n".utf8)
        for (index, part) in parts.enumerated() {
            if index > 0 { result += Data(",\n".utf8) }
            result += part
        }
        result += Data("\n]\n".utf8)
        return result
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
