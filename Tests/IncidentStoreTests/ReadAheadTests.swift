import Foundation
import IncidentModel
import Synchronization
import Testing

@testable import IncidentStore

/// What a reader decodes on another core reaches the caller whole, in order, and a failure on either side
/// stops both without losing the events before it.
@Suite("Events decoded ahead on another core")
struct ReadAheadTests {
    /// A producer of `count` events numbered from 1, then nil; counts its calls.
    final class Numbers: Sendable {
        let count: Int
        let failAt: Int?
        let calls = Atomic<Int>(0)

        init(count: Int, failAt: Int? = nil) {
            self.count = count
            self.failAt = failAt
        }

        func next() throws(JournalError) -> Event? {
            let call = calls.add(1, ordering: .relaxed).newValue
            if call == failAt { throw JournalError.truncated(path: "journal") }
            guard call <= count else { return nil }
            return Event(
                seq: call, recordedAt: Date(timeIntervalSince1970: Double(call)), actor: "a",
                kind: .note(text: "\(call)", pinned: false, commander: false))
        }
    }

    @Test(
        "every event reaches the caller once and in order, across many batches and none",
        arguments: [0, 1, 127, 128, 129, 5_000])
    func everyEventInOrder(count: Int) throws {
        let numbers = Numbers(count: count)
        var seen: [Int] = []
        try ReadAhead.pass(produce: { () throws(JournalError) in try numbers.next() }, consume: { seen.append($0.seq) })
        #expect(seen == Array(stride(from: 1, through: count, by: 1)))
    }

    @Test("a reader's failure is thrown after the events before it")
    func producerFailure() {
        let numbers = Numbers(count: 1_000, failAt: 301)
        var seen = 0
        #expect(throws: JournalError.truncated(path: "journal")) {
            try ReadAhead.pass(produce: { () throws(JournalError) in try numbers.next() }, consume: { _ in seen += 1 })
        }
        #expect(seen == 300)
    }

    struct Enough: Error {}

    @Test("a caller that stops stops the reader, which decodes at most a few batches more")
    func consumerStops() {
        let numbers = Numbers(count: 1_000_000)
        var seen = 0
        #expect(throws: Enough.self) {
            try ReadAhead.pass(
                produce: { () throws(JournalError) in try numbers.next() },
                consume: { _ in
                    seen += 1
                    if seen == 10 { throw Enough() }
                })
        }
        #expect(seen == 10)
        #expect(numbers.calls.load(ordering: .relaxed) <= (ReadAhead.depth + 2) * ReadAhead.batch)
    }
}
