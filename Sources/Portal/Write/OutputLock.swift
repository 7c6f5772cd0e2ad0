import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serialises builds that write the same output folder. The lock is an advisory `flock` on the
/// folder that holds the output (not on the output itself, which a build replaces by another
/// folder, nor on a lock file, which would be left behind): the kernel drops it when the process
/// ends, even by SIGKILL, so a killed build never leaves a stale lock.
///
/// Builds into different folders of the same parent wait for each other too; that costs a
/// little waiting and never a wrong site.
public final class OutputLock: @unchecked Sendable {
    private var descriptor: Int32
    /// The folder the lock is held on (the output's parent).
    public let folder: URL

    private init(descriptor: Int32, folder: URL) {
        self.descriptor = descriptor
        self.folder = folder
    }

    /// Takes the lock for `output`, creating its parent folder if needed. When another build holds
    /// it, calls `waiting` once (with that build's folder) and then waits for it to finish.
    public static func acquire(for output: URL, waiting: ((URL) -> Void)? = nil) throws -> OutputLock {
        let parent = output.standardizedFileURL.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let fd = open(parent.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputLockError.cannotOpen(parent.path, errno: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let code = errno
                close(fd)
                throw OutputLockError.cannotLock(parent.path, errno: code)
            }
            waiting?(parent)
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    close(fd)
                    throw OutputLockError.cannotLock(parent.path, errno: code)
                }
            }
        }
        return OutputLock(descriptor: fd, folder: parent)
    }

    /// Releases the lock; calling it twice is harmless.
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

public enum OutputLockError: Error, CustomStringConvertible {
    case cannotOpen(String, errno: Int32)
    case cannotLock(String, errno: Int32)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let code):
            return "cannot open \(path) to lock it against other builds: \(String(cString: strerror(code)))"
        case .cannotLock(let path, let code):
            return "cannot lock \(path) against other builds: \(String(cString: strerror(code)))"
        }
    }
}
