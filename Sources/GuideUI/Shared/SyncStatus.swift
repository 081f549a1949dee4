import FoundationEssentials

/// How the last background sync of the incidents home with its git remote went, as the runtime reports it.
public enum SyncOutcome: Hashable, Sendable {
    /// Everything recorded here was pushed and everything the remote had was merged, at that time.
    case succeeded(at: Date)
    /// The sync stopped at that time, for that reason (said in the reader's words); it is tried again.
    case failed(reason: String, at: Date)
}

/// What the status bar says of the background sync: nothing while it works, and after a failure when it failed,
/// why, and that it is being retried ("sync failed 14:02: remote unreachable — retrying").
func syncStatusText(_ model: AppModel) -> String? {
    guard case .failed(let reason, let at) = model.sync else { return nil }
    return model.tr("ui.sync.failed", ["time": String(model.clock.wallClock(at).prefix(5)), "reason": reason])
}
