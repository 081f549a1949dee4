import Foundation
import IncidentModel
import PropertyBased
import Testing

/// Events gathered in pieces, in any order and with repeated seqs, end in the order of gathering them all at once.
@Suite("Journal order")
struct JournalOrderTests {
    /// Events with seqs from a small range, so that repeats and late arrivals are common, and where to cut them.
    private static let samples = Generator { random in
        let events = (0..<Int.random(in: 0...40, using: &random)).map { _ in
            var event = RandomEvents.event(using: &random)
            event.seq = Int.random(in: 1...30, using: &random)
            return event
        }
        let cuts = (0..<Int.random(in: 0...6, using: &random)).map { _ in
            Int.random(in: 0...events.count, using: &random)
        }
        return (events: events, cuts: cuts.sorted())
    }

    @Test("merging events in any chunking equals ordering, and folding, them all at once")
    func chunkedMergeEqualsWhole() async {
        await propertyCheck(count: 500, input: Self.samples) { sample in
            let whole = JournalOrder.ordered(sample.events)
            var merged: [Event] = []
            var state = IncidentState.fold([])
            for (start, end) in zip([0] + sample.cuts, sample.cuts + [sample.events.count]) {
                switch JournalOrder.merge(Array(sample.events[start..<end]), into: &merged) {
                case .nothing: break
                case .appended(let fresh): for event in fresh { state.apply(event) }
                case .reordered: state = IncidentState.fold(merged)
                }
            }
            #expect(merged == whole)
            #expect(state == IncidentState.fold(whole))
        }
    }

    @Test("events are in order of seq, and of a repeated seq the first one read is kept")
    func orderedBySeqFirstKept() async {
        await propertyCheck(count: 500, input: Self.samples) { sample in
            let ordered = JournalOrder.ordered(sample.events)
            #expect(zip(ordered, ordered.dropFirst()).allSatisfy { $0.seq < $1.seq })
            var first: [Int: Event] = [:]
            for event in sample.events where first[event.seq] == nil { first[event.seq] = event }
            #expect(ordered == first.values.sorted { $0.seq < $1.seq })
        }
    }
}
