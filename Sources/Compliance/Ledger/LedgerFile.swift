import Foundation
import Disclosure
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Content/ledger.jsonl` on disk, opened for one publication: locked against a second `publish`
/// running at the same time, read whole, and appended to with one `write` of the full line
/// followed by `fsync`, so a line is either all there or not there at all. (A power cut in the
/// middle of that write is the one case that can leave half a line; the reader then reports it as
/// `ledger-incomplete-line`.)
public final class LedgerFile {
    public let url: URL
    private let fd: Int32

    public enum Failure: Error, CustomStringConvertible {
        case cannotOpen(String, String)
        /// A symbolic link, a pipe or a folder where the ledger should be: never followed or written.
        case notAFile(String)
        case busy(String)
        case io(String, String)

        public var description: String {
            switch self {
            case .cannotOpen(let path, let why): return "cannot open the ledger \(path): \(why)"
            case .notAFile(let path): return "\(path): không phải tệp thường / the ledger is a symbolic link or not a regular file; it is neither read nor appended to. Replace it with the ledger file itself"
            case .busy(let path): return "another `congkhai publish` is writing \(path); wait for it to finish and try again"
            case .io(let path, let why): return "cannot write the ledger \(path): \(why)"
            }
        }
    }

    /// Opens (creating if needed) and locks the file. Throws `.busy` when another process holds it.
    public init(url: URL) throws {
        self.url = url
        let existed = FileManager.default.fileExists(atPath: url.path)
        // Through the content's one safe open: a link swapped in after `load` checked the ledger
        // is refused here too, never appended to.
        switch ContentFile.openChecked(url.path, limit: ContentLimits.maxLedgerBytes, flags: O_RDWR | O_CREAT | O_APPEND) {
        case .success(let opened): fd = opened.fd
        case .failure(.link), .failure(.notRegular): throw Failure.notAFile(url.path)
        case .failure(let failure): throw Failure.cannotOpen(url.path, failure.message)
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            close(fd)
            throw busy ? Failure.busy(url.path) : Failure.cannotOpen(url.path, String(cString: strerror(errno)))
        }
        if !existed { Self.syncFolder(of: url) }
    }

    deinit { close(fd) }

    /// The file's exact bytes.
    public func read() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var offset: off_t = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.io(url.path, String(cString: strerror(errno)))
            }
            if n == 0 { return bytes }
            bytes += buffer[0..<n]
            offset += off_t(n)
        }
    }

    /// Appends one complete line (it must end with "\n") and forces it to disk. If the write comes
    /// up short (disk full), the file is cut back to its old length: never half a line.
    public func append(_ line: String) throws {
        precondition(line.hasSuffix("\n") && !line.dropLast().contains("\n"), "one line, newline-terminated")
        let bytes = Array(line.utf8)
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure.io(url.path, String(cString: strerror(errno))) }
        let before = st.st_size
        var written = 0
        repeat {
            written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        } while written < 0 && errno == EINTR
        if written != bytes.count {
            let why = written < 0 ? String(cString: strerror(errno)) : "only \(written) of \(bytes.count) bytes were written"
            _ = ftruncate(fd, before)
            _ = fsync(fd)
            throw Failure.io(url.path, why)
        }
        guard fsync(fd) == 0 else { throw Failure.io(url.path, String(cString: strerror(errno))) }
    }

    /// Makes a new file's directory entry durable too.
    static func syncFolder(of url: URL) {
        let dir = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { return }
        _ = fsync(dir)
        close(dir)
    }
}
