import Foundation
import GuideUI
import RunbookKit
import TerminalFrame

/// `filter-keys DIR ROUNDS`: the symptom filter's keys on the library in DIR, in-process, as the guide runs them.
/// Each round loads the catalog afresh and draws the first frame at 80x24; then `/` opens the filter, which asks for
/// the symptom search, started in the background as the runtime starts it, and the letters follow at once.
/// From there each key is timed from the key to its frame (`update`, the effects it asks for carried out as the
/// runtime does, and `view`): the first letter of `throttling` (a symptom no index row names), the rest of it,
/// then, once the search has arrived and its frame is drawn, Ctrl-U and `oomkilled`. Prints, as
/// `measure samples median_us p99_us`, `filter-first` (the first letter), `filter-before` (the rest of
/// `throttling`, answered from the index rows while the search is built beside them), `filter-later` (the keys
/// answered by the search), `filter-arrival` (the frame drawn when the search arrives) and `filter-ready` (from
/// the first frame, just before `/`, to the search built, which nobody waits for).
enum FilterKeysCommand {
    static func run(_ arguments: [String]) throws {
        guard arguments.count == 2 else { throw BenchError.usage("respond-bench filter-keys DIR ROUNDS") }
        let rounds = try positive(arguments[1])
        var first: [UInt64] = []
        var before: [UInt64] = []
        var later: [UInt64] = []
        var arrival: [UInt64] = []
        var ready: [UInt64] = []
        for _ in 0..<rounds {
            let catalog = try Catalog.load(directory: arguments[0])
            guard !catalog.runbookIDs.isEmpty else { throw BenchError.noRunbooks(arguments[0]) }
            let blank = AppModel(
                library: Library(catalog: catalog), actor: "bench", colorEnabled: true, width: 80, height: 24,
                now: Date())
            var model = launch(blank, .catalog).0
            _ = view(model)
            let drawn = Stopwatch.now()
            let search = BackgroundSymptomSearch(catalog: catalog)
            model = try press(model, .character("/"), search).model
            let typed = Array("throttling")
            let (elapsed, opened) = try press(model, .character(typed[0]), search)
            first.append(elapsed)
            model = opened
            for character in typed.dropFirst() {
                let (elapsed, next) = try press(model, .character(character), search)
                before.append(elapsed)
                model = next
            }
            while !search.isBuilt { Thread.sleep(forTimeInterval: 0.001) }
            ready.append(Stopwatch.now() - drawn)
            let (arrived, (complete, frame)) = Stopwatch.time {
                let complete = update(model, .searchIndexBuilt(SymptomIndex { search.ids(matching: $0) ?? [] })).0
                return (complete, view(complete))
            }
            arrival.append(arrived)
            guard frame.textLines.contains(where: { $0.contains("matches for \"throttling\": ") }) else {
                throw BenchError.failed(
                    "the search's arrival did not complete the matches; the measurement is not valid")
            }
            model = complete
            for key in [Key.control("u")] + "oomkilled".map(Key.character) {
                let (elapsed, next) = try press(model, key, search)
                later.append(elapsed)
                model = next
            }
            let heading = view(model).textLines.first { $0.contains("matches for \"oomkilled\": ") } ?? ""
            guard !heading.isEmpty, !heading.contains(": 0") else {
                throw BenchError.failed("oomkilled matched no runbook; the measurement is not valid")
            }
        }
        report("filter-first", first)
        report("filter-before", before)
        report("filter-later", later)
        report("filter-arrival", arrival)
        report("filter-ready", ready)
    }

    /// Times one key from the key to its frame: `update`, the effects it asks for carried out as the runtime
    /// carries them out (the search, already started, is not started again), and the `view` of the model.
    private static func press(_ model: AppModel, _ key: Key, _ search: BackgroundSymptomSearch) throws
        -> (elapsed: UInt64, model: AppModel)
    {
        var unexpected: [Effect] = []
        let (elapsed, (next, _)) = Stopwatch.time {
            let (next, effects) = update(model, .terminal(.key(key)))
            for effect in effects {
                if effect == .buildSearchIndex { search.start() } else { unexpected.append(effect) }
            }
            return (next, view(next))
        }
        guard unexpected.isEmpty else {
            throw BenchError.failed("a filter key asked for \(unexpected); the measurement is not valid")
        }
        return (elapsed, next)
    }

    private static func report(_ measure: String, _ samples: [UInt64]) {
        let summary = Percentiles(samples)
        print(measure, samples.count, String(format: "%.1f %.1f", micro(summary.median), micro(summary.at(0.99))))
    }

    private static func micro(_ nanoseconds: UInt64) -> Double {
        Double(nanoseconds) / 1000
    }
}
