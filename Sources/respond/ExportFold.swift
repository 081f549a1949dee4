import IncidentModel
import RunbookKit

/// What the JSON export needs from a first read of the journal, gathered an event at a time: the fold without the
/// records that grow with the journal, and the adherence report's tallies.
struct ExportFold {
    /// The fold, as it was when last resolved too.
    private(set) var replay = ResolutionReplay(keepsRecords: false)
    /// The adherence report's tallies.
    private(set) var adherence: AdherenceTally

    /// A fold before any event, the runbooks the events name looked up in `lookup`.
    init(lookup: @escaping (String) -> Runbook?) {
        adherence = AdherenceTally(lookup: lookup)
    }

    /// Folds the next event in journal order.
    mutating func add(_ event: Event) {
        replay.apply(event)
        adherence.add(event)
    }
}

/// A runbook lookup made the first time a runbook is asked for, each id looked up once: the export folds the
/// journal before the rest needs a runbook, and a journal that cannot even be opened is then the only complaint.
final class RunbookMemo {
    private let make: () -> (String) -> Runbook?
    private var lookup: ((String) -> Runbook?)?
    private var found: [String: Runbook?] = [:]

    /// A lookup that `make` makes when it is first asked for a runbook.
    init(_ make: @escaping () -> (String) -> Runbook?) {
        self.make = make
    }

    /// The runbook of id `id`, nil when the library has none.
    func runbook(_ id: String) -> Runbook? {
        if let known = found[id] { return known }
        let lookup = self.lookup ?? make()
        self.lookup = lookup
        let runbook = lookup(id)
        found[id] = runbook
        return runbook
    }
}
