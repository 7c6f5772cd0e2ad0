import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way a file of the content is opened: without following a link at its last component
/// (`O_NOFOLLOW`), without blocking on a FIFO (`O_NONBLOCK`), then checked on the open descriptor
/// (`fstat`: a regular file, within its size limit) and read from that same descriptor. Checking
/// a path and then opening it would let a file swapped in between (a link to `/etc/shadow`, a
/// pipe) be read; checking the descriptor cannot be fooled so.
public enum ContentFile {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case missing
        case link
        /// A folder, a pipe, a socket, a device.
        case notRegular
        case tooLarge(bytes: Int)
        case permissionDenied
        case unreadable(errno: Int32)

        /// Vietnamese first, then English, as the clerk reads it.
        public var message: String {
            switch self {
            case .missing: return "không tìm thấy tệp / the file does not exist"
            case .link: return "đây là liên kết tượng trưng / this is a symbolic link; it is not read"
            case .notRegular: return "không phải tệp thường / this is not a regular file (a folder, a pipe or a device); it is not read"
            case .tooLarge(let bytes): return "tệp quá lớn / the file is \(bytes) bytes, over its limit; it is not read"
            case .permissionDenied: return "không có quyền đọc / permission denied: the file cannot be read"
            case .unreadable(let code): return "không đọc được tệp / the file cannot be read: \(String(cString: strerror(code)))"
            }
        }

        public var description: String { message }

        public var hint: String {
            switch self {
            case .link: return "replace the link with the file itself"
            case .permissionDenied, .unreadable: return "check its permissions (the user running congkhai must be able to read it)"
            case .tooLarge: return "split the file, or keep it outside the content folder"
            case .missing, .notRegular: return "content files are plain files inside the content folder"
            }
        }

        static func from(errno code: Int32) -> Failure {
            switch code {
            case ENOENT, ENOTDIR: return .missing
            case ELOOP: return .link
            case EACCES, EPERM: return .permissionDenied
            case ENXIO, EWOULDBLOCK: return .notRegular  // a socket, or a FIFO without a writer
            default: return .unreadable(errno: code)
            }
        }
    }

    /// An open, checked descriptor and the file's size; the caller closes it. `flags` may add
    /// `O_RDWR | O_CREAT | O_APPEND` (the ledger, opened for `publish`).
    public static func openChecked(_ path: String, limit: Int, flags: Int32 = O_RDONLY, mode: mode_t = 0o644) -> Result<(fd: Int32, size: Int), Failure> {
        var fd: Int32
        repeat {
            fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, mode)
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else { return .failure(.from(errno: errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            return .failure(.from(errno: code))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return .failure(.notRegular)
        }
        guard Int(info.st_size) <= limit else {
            close(fd)
            return .failure(.tooLarge(bytes: Int(info.st_size)))
        }
        // A regular file never blocks; blocking reads and writes are simpler to get right.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return .success((fd, Int(info.st_size)))
    }

    /// The file's bytes. A file that grows past `limit` while it is read is refused too.
    public static func bytes(at path: String, limit: Int) -> Result<[UInt8], Failure> {
        switch openChecked(path, limit: limit) {
        case .failure(let failure): return .failure(failure)
        case .success(let (fd, size)):
            defer { close(fd) }
            return readAll(fd, expected: size, limit: limit)
        }
    }

    /// Everything from `fd`'s current offset, at most `limit` bytes.
    public static func readAll(_ fd: Int32, expected: Int, limit: Int) -> Result<[UInt8], Failure> {
        var bytes = [UInt8](repeating: 0, count: min(max(expected, 0), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { return .failure(.tooLarge(bytes: count)) }
                bytes += [UInt8](repeating: 0, count: min(max(bytes.count, 4096), limit + 1 - count))
            }
            let got = bytes.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.from(errno: errno))
            }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else { return .failure(.tooLarge(bytes: count)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// Copies a content file (an attachment) to a new file at `target`, reading from the checked
    /// descriptor. Throws the failure, or `.unreadable` when `target` cannot be written.
    public static func copy(_ source: String, to target: String) throws(Failure) {
        let (input, _) = try openChecked(source, limit: Int.max).get()
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw .unreadable(errno: errno) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .from(errno: errno)
            }
            if got == 0 { return }
            var offset = 0
            while offset < got {
                let n = buffer.withUnsafeBytes { write(output, $0.baseAddress! + offset, got - offset) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .unreadable(errno: errno)
                }
                offset += n
            }
        }
    }
}
