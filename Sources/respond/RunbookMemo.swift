import RunbookKit

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
