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

    /// Several writers' files: each a list of events of one writer (nil: the incident's own file) with seqs from a
    /// small range, recorded at a few instants so that ties between writers are common; the order the files are
    /// read in, and where the whole is cut.
    private static let files = Generator { random in
        let writers: [String?] = [nil, "laptop-a1b2", "bastion-9f"]
        let instants = (0..<4).map { Date(timeIntervalSince1970: 1_700_000_000 + Double($0)) }
        let files = writers.map { writer in
            (0..<Int.random(in: 0...12, using: &random)).map { _ in
                var event = RandomEvents.event(using: &random)
                event.seq = Int.random(in: 1...10, using: &random)
                event.recordedAt = instants.randomElement(using: &random)!
                event.writer = writer
                return event
            }
        }
        let order = Array(files.indices).shuffled(using: &random)
        let total = files.map(\.count).reduce(0, +)
        let cuts = (0..<Int.random(in: 0...6, using: &random)).map { _ in Int.random(in: 0...total, using: &random) }
        return (files: files, order: order, cuts: cuts.sorted())
    }

    @Test("several writers' files read in any order and merged in any chunking give one order and one fold")
    func writersInAnyOrderAndChunking() async {
        await propertyCheck(count: 500, input: Self.files) { sample in
            let canonical = JournalOrder.ordered(sample.files.flatMap { $0 })
            let read = sample.order.flatMap { sample.files[$0] }
            #expect(JournalOrder.ordered(read) == canonical)
            var merged: [Event] = []
            var state = IncidentState.fold([])
            for (start, end) in zip([0] + sample.cuts, sample.cuts + [read.count]) {
                switch JournalOrder.merge(Array(read[start..<end]), into: &merged) {
                case .nothing: break
                case .appended(let fresh): for event in fresh { state.apply(event) }
                case .reordered: state = IncidentState.fold(merged)
                }
            }
            #expect(merged == canonical)
            #expect(state == IncidentState.fold(canonical))
        }
    }

    @Test("several writers' events are in order of time, then writer (the incident's own file first), then seq")
    func writersOrderedByTimeWriterSeq() async {
        await propertyCheck(count: 500, input: Self.files) { sample in
            let all = sample.files.flatMap { $0 }
            let ordered = JournalOrder.ordered(all)
            let writers = Set(all.map(\.writer))
            var first: [String: Event] = [:]
            for event in all where first["\(event.writer ?? "")#\(event.seq)"] == nil {
                first["\(event.writer ?? "")#\(event.seq)"] = event
            }
            #expect(ordered.count == first.count)
            #expect(Set(ordered) == Set(first.values))
            if writers.count > 1 {
                #expect(
                    zip(ordered, ordered.dropFirst()).allSatisfy {
                        ($0.recordedAt, $0.writer ?? "", $0.seq) < ($1.recordedAt, $1.writer ?? "", $1.seq)
                    })
            } else {
                #expect(zip(ordered, ordered.dropFirst()).allSatisfy { $0.seq < $1.seq })
            }
        }
    }
}
