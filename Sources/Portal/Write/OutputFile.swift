import Foundation

/// One file of the built site: its path inside Site/ and its bytes, or the content file to copy
/// (attachments are copied by the writer rather than held in memory).
public struct OutputFile: Sendable, Hashable {
    public enum Contents: Sendable, Hashable {
        case bytes(Data)
        case copy(of: URL)
    }

    public let path: String
    public let contents: Contents

    public init(_ path: String, _ data: Data) {
        self.path = path
        contents = .bytes(data)
    }

    public init(_ path: String, copying source: URL) {
        self.path = path
        contents = .copy(of: source)
    }

    /// The bytes, for files rendered in memory.
    public var data: Data? {
        if case .bytes(let data) = contents { return data }
        return nil
    }
}
