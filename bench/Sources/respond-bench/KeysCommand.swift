import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame

/// `keys STEPS EVENTS ROUNDS`: the cost of `update` + `view` per key, in-process, on an incident whose runbook
/// has STEPS steps and whose journal already holds EVENTS events. Each round presses j/k, Space, PgDn/PgUp in
/// the walkthrough, then `t` and j/k/PgUp/PgDn/g/G in the timeline, then `t` back. A key counts for the screen
/// it draws. Then the commander's review is launched on the same incident: opening it (the loaded journal's
/// `update` and the first `view`) is timed once per round, and each round presses j/k/PgUp/PgDn/g/G, `s`
/// twice, `1` twice and Tab twice in it. Prints the median and p99 per screen in microseconds, as
/// `screen keys median_us p99_us`.
enum KeysCommand {
    private static let walkthroughKeys: [Key] =
        Array(repeating: .character("j"), count: 12) + Array(repeating: .character("k"), count: 6)
        + [.character(" "), .pageDown, .pageDown, .pageUp, .character(" "), .down, .up]
    private static let timelineKeys: [Key] =
        Array(repeating: .character("k"), count: 10) + Array(repeating: .character("j"), count: 5)
        + [.pageUp, .pageUp, .pageDown, .character("g"), .character("G")]
    private static let reviewKeys: [Key] =
        Array(repeating: .character("k"), count: 10) + Array(repeating: .character("j"), count: 5)
        + [
            .pageUp, .pageUp, .pageDown, .character("g"), .character("G"), .character("s"), .character("s"),
            .character("1"), .character("1"), .tab, .tab,
        ]

    static func run(_ arguments: [String]) throws {
        guard arguments.count == 3 else { throw BenchError.usage("respond-bench keys STEPS EVENTS ROUNDS") }
        let (steps, eventCount, rounds) = (
            try positive(arguments[0]), try positive(arguments[1]), try positive(arguments[2])
        )
        let runbook = try RunbookGenerator.parsedRunbook(steps: steps)
        var factory = EventFactory(runbook: runbook)
        let events = factory.events(count: eventCount)
        let library = Library(categories: [], runbooks: [runbook], search: { _ in [] })
        var model = AppModel(
            library: library, actor: "alice", colorEnabled: true, width: 80, height: 24,
            now: events.last?.recordedAt ?? Date())
        model = update(model, .incidentLoaded(id: "bench", events: events)).0
        _ = view(model)

        var walkthrough: [UInt64] = []
        var timeline: [UInt64] = []
        var checksum = 0
        var nextSeq = eventCount + 1
        for _ in 0..<rounds {
            for key in walkthroughKeys {
                let (elapsed, (next, frame)) = press(model, key)
                walkthrough.append(elapsed)
                checksum &+= frame.width
                model = answer(next, nextSeq: &nextSeq)
            }
            let (elapsed, (next, _)) = press(model, .character("t"))
            timeline.append(elapsed)
            model = next
            for key in timelineKeys {
                let (elapsed, (next, frame)) = press(model, key)
                timeline.append(elapsed)
                checksum &+= frame.height
                model = next
            }
            let (back, (returned, _)) = press(model, .character("t"))
            walkthrough.append(back)
            model = returned
        }
        guard model.screen == .walkthrough, checksum > 0 else {
            throw BenchError.failed("the key sequence did not end on the walkthrough; the measurement is not valid")
        }
        report("walkthrough", walkthrough)
        report("timeline", timeline)
        try measureReview(library: library, events: events, rounds: rounds)
    }

    /// Opens the review of the same journal once per round and presses the review's keys in it.
    private static func measureReview(library: Library, events: [Event], rounds: Int) throws {
        let blank = AppModel(
            library: library, actor: "ic", colorEnabled: true, width: 80, height: 24,
            now: events.last?.recordedAt ?? Date())
        var opening: [UInt64] = []
        var review: [UInt64] = []
        var checksum = 0
        for _ in 0..<rounds {
            let launched = launch(blank, .review(id: "bench")).0
            let (opened, (loaded, _)) = Stopwatch.time {
                let loaded = update(launched, .incidentLoaded(id: "bench", events: events)).0
                return (loaded, view(loaded))
            }
            opening.append(opened)
            var model = loaded
            for key in reviewKeys {
                let (elapsed, (next, frame)) = press(model, key)
                review.append(elapsed)
                checksum &+= frame.height
                model = next
            }
            guard model.screen == .review, model.review?.rows.count ?? 0 > 0 else {
                throw BenchError.failed("the review key sequence left the review; the measurement is not valid")
            }
        }
        guard checksum > 0 else { throw BenchError.failed("the review drew no frame") }
        report("review-open", opening)
        report("review", review)
    }

    /// Times one key: `update` and the `view` of the model it returns.
    private static func press(_ model: AppModel, _ key: Key) -> (UInt64, (AppModel, Frame)) {
        Stopwatch.time {
            let (next, _) = update(model, .terminal(.key(key)))
            return (next, view(next))
        }
    }

    /// Answers the appends the key asked for, as the runtime does once they are on disk (not timed).
    private static func answer(_ model: AppModel, nextSeq: inout Int) -> AppModel {
        var model = model
        for pending in model.journal.pending {
            let stored = pending.map { new in
                defer { nextSeq += 1 }
                return Event(seq: nextSeq, recordedAt: model.now, actor: new.actor, kind: new.kind)
            }
            model = update(model, .journalAppended(stored)).0
        }
        return model
    }

    private static func report(_ screen: String, _ samples: [UInt64]) {
        let summary = Percentiles(samples)
        print(screen, samples.count, micro(summary.median), micro(summary.at(0.99)))
    }

    private static func micro(_ nanoseconds: UInt64) -> String {
        String(format: "%.1f", Double(nanoseconds) / 1000)
    }
}
