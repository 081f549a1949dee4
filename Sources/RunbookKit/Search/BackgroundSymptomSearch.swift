import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// The symptom search over every runbook of a catalog, built once in the background so that nobody waits on
/// parsing every runbook, and searched keeping its last few answers: a frame of a filtered list asks for the same
/// query several times, a backspace asks again for the query before, and the next letter of a word is searched
/// among the matches of the query before it (`SymptomSearch.answer(_:narrowing:)`); safe to share between threads.
public final class BackgroundSymptomSearch: Sendable {
    private let catalog: Catalog
    private let state = Mutex(State())
    /// How many answers are kept: the letters of a word or two, each at most one id and one match per runbook.
    private static let keptAnswers = 12

    private struct State {
        var started = false
        var search: SymptomSearch?
        /// The latest answers, oldest first.
        var answers: [SearchAnswer] = []
    }

    /// A search over the runbooks of `catalog`, not started.
    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Starts building the search on a background queue, unless it was started before.
    public func start() {
        let fresh = state.withLock { state -> Bool in
            defer { state.started = true }
            return !state.started
        }
        guard fresh else { return }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let search = SymptomSearch(catalog: catalog)
            state.withLock { $0.search = search }
        }
    }

    /// Whether the search was started and is not built yet.
    public var isBuilding: Bool {
        state.withLock { $0.started && $0.search == nil }
    }

    /// Whether the search is built.
    public var isBuilt: Bool {
        state.withLock { $0.search != nil }
    }

    /// The ids of the runbooks that match `query`, best first, as `SymptomSearch` ranks them; nil until built.
    public func ids(matching query: String) -> [String]? {
        let (search, answers) = state.withLock { ($0.search, $0.answers) }
        guard let search else { return nil }
        if let kept = answers.last(where: { $0.query == query }) { return kept.ids }
        let answer = search.answer(query, narrowing: answers)
        state.withLock { state in
            state.answers.append(answer)
            state.answers.removeFirst(max(0, state.answers.count - Self.keptAnswers))
        }
        return answer.ids
    }
}
