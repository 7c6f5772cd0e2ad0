import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What both writers of a site folder (`SiteWriter` for build, `WebRoot` for publish) share: the
/// refusal to replace a folder that is not a site, and the atomic step in which two folders trade
/// places, so a reader sees the old site or the new one, never a mix.
enum SiteFolder {
    enum Refusal { case notAFolder, notASite }

    /// Why `url` must not be replaced by a site, or nil (also when it does not exist): a non-empty
    /// folder without `index.html` is not a site, so `--output .` or `--to .` never deletes a project.
    static func refusal(toReplace url: URL) -> Refusal? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return .notAFolder }
        let entries = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
        return !entries.isEmpty && !entries.contains("index.html") ? .notASite : nil
    }

    /// renameat2(2) with RENAME_EXCHANGE, looked up at run time: Swift's Glibc module does not
    /// declare it, and old kernels or some file systems lack it (then this returns false and the
    /// caller falls back to two renames).
    static func exchange(_ a: String, _ b: String) -> Bool {
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
