import Foundation
import Disclosure

/// The site's `.json` files, in CongKhai's JSON format (see `JSONWriter`), ending with a newline.
enum JSONOutput {
    /// A file whose JSON `write` writes, typed values straight into the bytes.
    static func file(capacity: Int = 0, _ write: (inout JSONWriter) -> Void) -> Data {
        var writer = JSONWriter(.file, capacity: capacity)
        write(&writer)
        return writer.line
    }

    /// A file holding a tree of strings, numbers, booleans, arrays and dictionaries.
    static func data(_ object: Any) -> Data {
        file { $0.value(object) }
    }

    /// The items of a top-level array, without its brackets: `joinedArray` puts chunks written
    /// apart (in parallel) together into what `data` gives for the whole array.
    static func arrayItems(_ items: [Any]) -> Data {
        self.items { writer in
            for item in items { writer.value(item) }
        }
    }

    /// The items `write` writes, at the depth of the items of a top-level array (see `arrayItems`).
    static func items(capacity: Int = 0, _ write: (inout JSONWriter) -> Void) -> Data {
        var writer = JSONWriter.arrayItems(.file, capacity: capacity)
        write(&writer)
        return writer.data
    }

    static func joinedArray(_ parts: [Data]) -> Data {
        let parts = parts.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return data([Any]()) }
        var result = Data(capacity: parts.reduce(4) { $0 + $1.count + 1 })
        result += Data("[".utf8)
        for (index, part) in parts.enumerated() {
            if index > 0 { result += Data(",".utf8) }
            result += part
        }
        result += Data("\n]\n".utf8)
        return result
    }
}

/// JSON to place inside a `<script>` element (JSON-LD, the scripts' texts), escaped so that no
/// value can close the element or open a comment (see `JSONWriter.Style.script`).
enum ScriptJSON {
    /// The JSON `write` writes, typed values straight into the bytes.
    static func write(capacity: Int = 0, _ write: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter(.script, capacity: capacity)
        write(&writer)
        return writer.string
    }

    /// A tree of strings, numbers, booleans, arrays and dictionaries.
    static func encode(_ object: Any) -> String {
        self.write { $0.value(object) }
    }
}
