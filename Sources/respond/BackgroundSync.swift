import FoundationEssentials
import GuideUI
import Localization

/// Syncs the incidents home with its git remote (`HomeSync`) every `interval` seconds on a thread of its own, so
/// that no key and no append waits on the network: started by the run loop's tick, polled by it, its answer handed
/// to `update` as `.synced`. Events other machines recorded arrive on disk and reach the screen through the
/// journal's follower like any other append; a failed sync is said in the status bar and tried again at the next
/// interval.
final class BackgroundSync: Sendable {
    private let sync: HomeSync
    private let interval: Double
    private let localizer: Localizer
    private let job = BackgroundJob()

    /// A background sync of `home`, committing as `actor`, every `interval` seconds, saying what went wrong in the
    /// words of `localizer`.
    init(home: String, actor: String, interval: Double, localizer: Localizer) {
        sync = HomeSync(home: home, actor: actor, timeout: max(10, min(interval, 120)))
        self.interval = interval
        self.localizer = localizer
    }

    /// Starts a sync when `interval` has passed since the last one started and none is under way.
    func tick(now: Date) {
        job.start(every: interval, now: now) { [self] in
            do throws(HomeSync.Failure) {
                _ = try sync.run()
                return .synced(.succeeded(at: Date()))
            } catch {
                return .synced(.failed(reason: error.reason(in: localizer), at: Date()))
            }
        }
    }

    /// The answer of the last sync, once, when it has arrived.
    func poll() -> [Message] {
        job.poll()
    }
}
