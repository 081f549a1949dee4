import Dispatch
import IncidentModel
import Synchronization

/// Events, or what a reader makes of them, decoded on another core while the caller works on those before them:
/// reading a long journal (`respond export` reads it twice) costs as much as what is done with its events, and the
/// two overlap. Two batches of a hundred events are decoded ahead, no more, so what is held does not grow with the
/// journal.
enum ReadAhead {
    /// How many events a batch holds.
    static let batch = 128
    /// How many batches may wait for the caller.
    static let depth = 2

    /// Passes every event `produce` returns, until it returns nil, to `consume` on the calling thread, while a
    /// worker calls `produce` ahead of it. An error from either stops both; `produce`'s is thrown once the events
    /// before it were consumed. Returns once the worker has stopped, so `produce`'s state may be read after.
    static func pass<Element: Sendable>(
        produce: () throws(JournalError) -> Element?, consume: (Element) throws -> Void
    ) throws {
        let channel = Channel<Element>()
        let worker = DispatchGroup()
        try withoutActuallyEscaping(produce) { produce in
            // The worker alone calls `produce` until it stops, and the group's wait below orders its last call
            // before anything the caller does next.
            let producer = UncheckedSendable(value: produce)
            DispatchQueue.global().async(group: worker) {
                while true {
                    var events: [Element] = []
                    events.reserveCapacity(batch)
                    var end: Channel<Element>.Item?
                    do throws(JournalError) {
                        while events.count < batch {
                            guard let event = try producer.value() else {
                                end = .end
                                break
                            }
                            events.append(event)
                        }
                    } catch {
                        end = .failure(error)
                    }
                    if !events.isEmpty || end == nil {
                        guard channel.put(.events(events)) else { return }
                    }
                    if let end {
                        _ = channel.put(end)
                        return
                    }
                }
            }
            defer {
                channel.cancel()
                worker.wait()
            }
            while true {
                switch channel.take() {
                case .events(let events): for event in events { try consume(event) }
                case .end: return
                case .failure(let error): throw error
                }
            }
        }
    }

    /// A value handed to the worker that only one thread uses at a time.
    private struct UncheckedSendable<Value>: @unchecked Sendable {
        let value: Value
    }

    /// The batches between the worker and the caller, at most `depth` of them.
    private final class Channel<Element: Sendable>: Sendable {
        enum Item: Sendable {
            case events([Element])
            case end
            case failure(JournalError)
        }

        private let items = Mutex<[Item]>([])
        private let cancelled = Atomic<Bool>(false)
        private let filled = DispatchSemaphore(value: 0)
        // Made empty and signalled up to `depth`: Dispatch refuses to free a semaphore whose count is below the
        // one it was made with, which a pass stopped early would leave.
        private let space = DispatchSemaphore(value: 0)

        init() {
            for _ in 0..<depth { space.signal() }
        }

        /// Waits for room and adds `item`; false, having added nothing, once the caller has stopped.
        func put(_ item: Item) -> Bool {
            space.wait()
            guard !cancelled.load(ordering: .acquiring) else { return false }
            items.withLock { $0.append(item) }
            filled.signal()
            return true
        }

        /// Waits for the next item.
        func take() -> Item {
            filled.wait()
            let item = items.withLock { $0.removeFirst() }
            space.signal()
            return item
        }

        /// Stops the worker at its next `put`, waking it if it waits for room.
        func cancel() {
            cancelled.store(true, ordering: .releasing)
            space.signal()
        }
    }
}
