import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a built site so that readers only ever see the old site or the new one: the files go
/// into a fresh folder beside the output (same file system), which then takes the output's place
/// in one step. If anything fails, the temporary folder is removed and the old site is untouched.
public enum SiteWriter {
    public static func write(_ files: [OutputFile], to output: URL) throws {
        let fm = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        try checkReplaceable(output)

        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(getpid())-\(UUID().uuidString.prefix(8))")
        defer { try? fm.removeItem(at: staging) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        var folders: Set<String> = [""]
        for file in files {
            let target = staging.appendingPathComponent(file.path)
            let folder = (file.path as NSString).deletingLastPathComponent
            if folders.insert(folder).inserted {
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            switch file.contents {
            case .bytes(let data): try data.write(to: target)
            case .copy(let source): try fm.copyItem(at: source, to: target)
            }
        }
        try swap(staging, into: output)
    }

    /// Refuses to replace a folder that is not a site: `--output .` must never delete a project.
    private static func checkReplaceable(_ output: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw SiteWriterError.notAFolder(output.path) }
        let entries = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty && !entries.contains("index.html") { throw SiteWriterError.notASite(output.path) }
    }

    /// Puts `staging` at `output`. With an existing output, Linux exchanges the two folders
    /// atomically (renameat2 RENAME_EXCHANGE) and the old site, now at `staging`, is removed by the
    /// caller; elsewhere the old site is moved aside first and restored if the move in fails.
    private static func swap(_ staging: URL, into output: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if exchange(staging.path, output.path) { return }
        let aside = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + "-old")
        try fm.moveItem(at: output, to: aside)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: aside, to: output)
            throw error
        }
        try? fm.removeItem(at: aside)
    }

    /// renameat2(2) with RENAME_EXCHANGE, looked up at run time: Swift's Glibc module does not
    /// declare it, and old kernels or some file systems lack it (then this returns false).
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        let renameExchange: UInt32 = 1 << 1
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}

public enum SiteWriterError: Error, CustomStringConvertible {
    case notAFolder(String)
    case notASite(String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            return "\(path) exists and is not a folder; choose another --output"
        case .notASite(let path):
            return "\(path) is not empty and holds no index.html, so it does not look like a built site; choose another --output or empty it"
        }
    }
}
