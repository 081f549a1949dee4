import CommandRunner
import FoundationEssentials
import GuideUI
import Synchronization

/// One piece of work at a time on a thread of its own, whose answer the run loop polls: what the alert fetcher and
/// the background sync share, so that no key waits on the network and a slow answer is never asked for twice.
final class BackgroundJob: Sendable {
    private let state = Mutex(State())

    private struct State {
        var running = false
        var lastStart = Date.distantPast
        var answer: Message?
    }

    /// Starts `work` unless a run is under way or fewer than `interval` seconds have passed since the last one
    /// started (at `now`); its answer, when it has one, comes from `poll`.
    func start(every interval: Double = 0, now: Date = Date(), _ work: @escaping @Sendable () -> Message?) {
        let started = state.withLock { state -> Bool in
            guard !state.running, now.timeIntervalSince(state.lastStart) >= interval else { return false }
            state.running = true
            state.lastStart = now
            return true
        }
        guard started else { return }
        let detached = DetachedThread.start { [self] in
            let answer = work()
            state.withLock { state in
                state.answer = answer ?? state.answer
                state.running = false
            }
        }
        // Without a thread the work is not done now; the next start tries again.
        if detached != 0 { state.withLock { $0.running = false } }
    }

    /// The answer of the last run, once, when it has arrived.
    func poll() -> [Message] {
        state.withLock { state in
            defer { state.answer = nil }
            return state.answer.map { [$0] } ?? []
        }
    }
}
