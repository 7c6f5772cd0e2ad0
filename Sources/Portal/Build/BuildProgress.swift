import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one-line progress display of a long build on a terminal: the phase, a count and the time
/// since the start, redrawn in place at most ten times a second on standard error. Silent when
/// standard error is not a terminal (CI logs, pipes) or when the user asked for quiet.
public final class BuildProgress: @unchecked Sendable {
    public enum Phase: String, Sendable {
        case loading = "reading records"
        case rendering = "rendering pages"
        case writing = "writing files"
    }

    private let lock = NSLock()
    private let start: UInt64
    private let isShown: Bool
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// `quiet`: the user's `--quiet`. Shown only when standard error is a terminal.
    public init(quiet: Bool) {
        start = Self.now()
        isShown = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Seconds since the build started.
    public var elapsed: Double { Double(Self.now() - start) / 1e9 }

    /// Reports `count` of `total` done in `phase`; draws only if 0.1 s passed since the last draw.
    public func update(_ phase: Phase, _ count: Int, of total: Int? = nil) {
        guard isShown else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now()
        guard now - lastDraw >= 100_000_000 || count == total else { return }
        lastDraw = now
        let amount = total.map { "\(count)/\($0)" } ?? "\(count)"
        let line = "\(phase.rawValue): \(amount) (\(String(format: "%.1f", Double(now - start) / 1e9)) s)"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    /// Clears the line before the summary or an error is printed.
    public func finish() {
        guard isShown else { return }
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
