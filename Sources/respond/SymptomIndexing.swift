import GuideUI
import RunbookKit
import Synchronization

/// The symptom search the guide asks for (`Effect.buildSearchIndex`, when the catalog's filter opens), built in
/// the background, polled by the run loop, and handed to `update` as `.searchIndexBuilt` once.
final class SymptomIndexJob: Sendable {
    private let build: BackgroundSymptomSearch
    private let delivered = Mutex(false)

    /// A job over the runbooks of `catalog`, not started.
    init(catalog: Catalog) {
        build = BackgroundSymptomSearch(catalog: catalog)
    }

    /// Starts building the search, unless it was started before.
    func start() {
        build.start()
    }

    /// Whether the search is being built, so the run loop looks for it more often than for keys alone.
    var isBuilding: Bool { build.isBuilding }

    /// The search, once, when it has been built.
    func poll() -> [Message] {
        guard build.isBuilt else { return [] }
        let first = delivered.withLock { delivered in
            defer { delivered = true }
            return !delivered
        }
        guard first else { return [] }
        let build = self.build
        return [.searchIndexBuilt(SymptomIndex { query in build.ids(matching: query) ?? [] })]
    }
}
