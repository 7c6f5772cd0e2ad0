import Foundation

/// Watches the content and rebuilds after each burst of changes: asks the change source on its
/// interval, waits for the burst to end (`ChangeDebouncer`), builds, and publishes the build.
/// Nothing is rebuilt while nothing changes.
public struct ContentWatcher: Sendable {
    public let builder: PreviewBuilder
    public let site: PreviewSite
    /// Called after every rebuild (for the console).
    public let onRebuild: @Sendable (PreviewSite.Current, [String]) -> Void

    public init(builder: PreviewBuilder, site: PreviewSite, onRebuild: @escaping @Sendable (PreviewSite.Current, [String]) -> Void) {
        self.builder = builder
        self.site = site
        self.onRebuild = onRebuild
    }

    /// Runs until the task is cancelled.
    public func run(source: any ChangeSource & Sendable) async {
        let clock = ContinuousClock()
        var debouncer = ChangeDebouncer()
        var changed: [String] = []
        while !Task.isCancelled {
            try? await Task.sleep(for: source.interval)
            let relevant = source.changes().filter(ChangeFilter.isRelevant)
            if !relevant.isEmpty {
                debouncer.noteChange(at: clock.now)
                changed += relevant
            }
            guard debouncer.takeDue(at: clock.now), !Task.isCancelled else { continue }
            let build = await Self.offThread { builder.build() }
            let current = site.replace(with: build)
            onRebuild(current, Array(Set(changed)).sorted())
            changed = []
        }
    }

    /// Runs the (synchronous, CPU-bound) build on a Dispatch thread, not the cooperative pool that
    /// serves requests.
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
