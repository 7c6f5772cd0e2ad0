import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one atomic step both writers of a site folder take (`SiteWriter` for build, `WebRoot` for
/// publish): two folders trade places, so a reader sees the old site or the new one, never a mix.
enum FolderExchange {
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
