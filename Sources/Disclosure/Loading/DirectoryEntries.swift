#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of one folder with their types, read with `readdir`: its `d_type` says what each
/// entry is without a system call per entry (`lstat` only where the file system does not say).
enum DirectoryEntries {
    enum Kind: Equatable {
        case directory, symbolicLink, regular
        /// A pipe, a socket, a device.
        case other
    }

    /// Names other than `.` and `..`, in directory order; the `errno` of `opendir` when the folder
    /// cannot be read (the walk reports it: an unreadable folder must not pass for an empty one).
    /// A name that is not valid UTF-8 is left out (no `String` names that file), and so is an
    /// entry that vanished before its type could be read.
    static func list(_ path: String) -> Result<[(name: String, kind: Kind)], Unreadable> {
        guard let directory = opendir(path) else { return .failure(Unreadable(errno: errno)) }
        defer { closedir(directory) }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String? in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return String(validating: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self)
            }
            guard let name, name != ".", name != "..",
                  let kind = kind(of: entry.pointee.d_type, at: path + "/" + name) else { continue }
            entries.append((name, kind))
        }
        return .success(entries)
    }

    struct Unreadable: Error {
        var errno: Int32
    }

    private static func kind(of type: UInt8, at path: String) -> Kind? {
        switch Int32(type) {
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return .symbolicLink
        case Int32(DT_REG): return .regular
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFLNK: return .symbolicLink
            case S_IFREG: return .regular
            default: return .other
            }
        default: return .other
        }
    }
}
