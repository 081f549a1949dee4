import FoundationEssentials
import Glibc
import Synchronization

/// A catalog's runbook files by id, each read and parsed the first time it is asked for and kept from then on;
/// safe to share between threads.
///
/// A library of thousands of runbooks opens on its index alone: the catalog screen shows the index's rows, and a
/// responder opens one runbook at a time. Parsing every file first would cost the first frame a third of a second
/// and hold every parsed runbook in memory.
final class RunbookFiles: Sendable {
    /// How a file is read and parsed; `Catalog.load` reads the disk, the pure catalog parses bytes it was given.
    typealias Parse = @Sendable (_ path: String) -> RunbookParseResult

    private let paths: [String: String]
    private let parse: Parse
    private let parsed: Mutex<[String: RunbookParseResult]>

    /// Files by id, parsed with `parse` on demand; `parsed` holds the results already known.
    init(paths: [String: String], parsed: [String: RunbookParseResult], parse: @escaping Parse) {
        self.paths = paths
        self.parse = parse
        self.parsed = Mutex(parsed)
    }

    /// The path of the file of `id`, when one has that id.
    func path(id: String) -> String? {
        paths[id]
    }

    /// What parsing the file of `id` gave, parsing it now if nobody asked before; nil when no file has that id.
    func result(id: String) -> RunbookParseResult? {
        if let known = parsed.withLock({ $0[id] }) { return known }
        guard let path = paths[id] else { return nil }
        // Parsed outside the lock so that one slow file does not hold up lookups of others; when two threads
        // race, the first result kept wins and both return it.
        let fresh = parse(path)
        return parsed.withLock { results in
            if let first = results[id] { return first }
            results[id] = fresh
            return fresh
        }
    }

    /// What parsing each of `ids` gave, on every core, transformed by `transform`. Results not already kept are
    /// dropped after the transform, so a pass over the whole library holds one parsed runbook per core at a time.
    func map<Value: Sendable>(_ ids: [String], _ transform: @Sendable (RunbookParseResult) -> Value) -> [Value?] {
        ids.parallelMap { id -> Value? in
            if let known = parsed.withLock({ $0[id] }) { return transform(known) }
            guard let path = paths[id] else { return nil }
            return transform(parse(path))
        }
    }
}
