/// Turns a burst of file-system changes (an editor's save is often several: a temporary file, a
/// rename, a permission change) into one rebuild: the rebuild is due once the content has been
/// quiet for `quiet`, or at the latest `maximumDelay` after the first change of the burst.
public struct ChangeDebouncer: Sendable {
    public let quiet: Duration
    public let maximumDelay: Duration
    private var firstChange: ContinuousClock.Instant?
    private var lastChange: ContinuousClock.Instant?

    public init(quiet: Duration = .milliseconds(120), maximumDelay: Duration = .seconds(1)) {
        self.quiet = quiet
        self.maximumDelay = maximumDelay
    }

    public var isPending: Bool { firstChange != nil }

    public mutating func noteChange(at now: ContinuousClock.Instant) {
        if firstChange == nil { firstChange = now }
        lastChange = now
    }

    /// True when a rebuild should start now; the burst is then forgotten.
    public mutating func takeDue(at now: ContinuousClock.Instant) -> Bool {
        guard let first = firstChange, let last = lastChange else { return false }
        guard now - last >= quiet || now - first >= maximumDelay else { return false }
        firstChange = nil
        lastChange = nil
        return true
    }
}

/// Which changed names matter: editors' swap, backup and lock files do not trigger a rebuild.
public enum ChangeFilter {
    public static func isRelevant(_ name: String) -> Bool {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        if base.isEmpty { return true } // an event on a watched folder itself
        if base.hasPrefix(".") || base.hasPrefix("#") || base.hasSuffix("~") { return false }
        if base == "4913" { return false } // vim's probe file
        for suffix in [".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload"] where base.hasSuffix(suffix) { return false }
        return true
    }
}
