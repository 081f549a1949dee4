import Foundation
import IncidentModel
import TestSupport
import Testing

@testable import GuideUI

/// The session keeps the notes pinned now and each event's review tag beside its events, so that a frame or a change
/// of filter does not look at every event; whatever arrives, in whatever pieces and order, they are what the events
/// and the state say.
@Suite("what a session keeps beside its events")
struct SessionDerivedTests {
    private static let writers: [String?] = [nil, "laptop-a1b2", "bastion-9f"]

    /// Notes (some written pinned) and pins and unpins naming notes by writer and seq, from several writers, with
    /// seqs from a small range so that a pin can name a note that arrives after it.
    private static func journal(_ random: inout SeededRandom) -> [Event] {
        let opened = Date(timeIntervalSince1970: 1_700_000_000)
        var events = [
            Event(
                seq: 1, recordedAt: opened, actor: "ic",
                kind: .incidentOpened(title: "t", severity: .p1, runbook: "payment", drill: false, roles: [:])
            )
        ]
        for index in 0..<random.int(0..<60) {
            let writer = random.pick(writers)
            let kind: EventKind =
                switch random.int(0..<4) {
                case 0, 1:
                    .note(text: "note \(index)", pinned: random.int(0..<3) == 0, commander: false)
                case 2:
                    .pinChanged(seq: random.int(1..<12), writer: random.pick(writers), pinned: random.int(0..<2) == 0)
                default:
                    .stepDone(StepRef(runbook: "payment", step: String(random.int(1..<5)), title: "step"))
                }
            events.append(
                Event(
                    seq: random.int(1..<12), recordedAt: opened.addingTimeInterval(Double(random.int(0..<20))),
                    actor: random.pick(["ic", "oncall"]), kind: kind, writer: writer))
        }
        return events
    }

    @Test("after every merge, in any chunking and order, they are the state's pinned notes and the events' tags")
    func keptNotesMatchTheState() {
        var random = SeededRandom(seed: 0x5EED_9179)
        for _ in 0..<400 {
            let events = Self.journal(&random).shuffled(using: &random)
            var start = min(events.count, random.int(0..<3))
            var session = IncidentSession(id: "i", events: Array(events[..<start]))
            while start < events.count {
                let end = min(events.count, start + random.int(1..<8))
                session.merge(Array(events[start..<end]))
                start = end
                #expect(session.pinnedNotes == session.state.notes.filter(session.state.isPinned))
                #expect(session.reviewTags == session.events.map { ReviewTag($0.kind) })
            }
            let whole = IncidentSession(id: "i", events: events)
            #expect(session.pinnedNotes == whole.pinnedNotes)
        }
    }

    @Test("the review's filter lets through, by the tags, exactly the events its categories, system and actor allow")
    func filterByTagsIsTheFilter() {
        let events = EventSamples.kinds.enumerated().map { index, kind in
            Event(
                seq: index + 1, recordedAt: Date(timeIntervalSince1970: 1_700_000_000),
                actor: index % 3 == 0 ? "ic" : "oncall",
                kind: kind)
        }
        let categories = ReviewCategory.allCases
        for mask in 1..<(1 << categories.count) {
            for showSystem in [false, true] {
                for actor in [nil, "ic", "nobody"] {
                    var filter = ReviewFilter(showSystem: showSystem)
                    filter.categories = Set(categories.filter { mask & 1 << ($0.rawValue - 1) != 0 })
                    filter.actor = actor
                    let expected = events.indices.filter { index in
                        let event = events[index]
                        return (showSystem || !event.kind.isSystem)
                            && filter.categories.contains(ReviewCategory(event.kind))
                            && (actor == nil || event.actor == actor)
                    }
                    #expect(
                        filter.admitted(events) == expected,
                        "categories \(mask), system \(showSystem), \(actor ?? "all")")
                }
            }
        }
    }
}
