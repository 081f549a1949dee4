import ArgumentParser
import FoundationEssentials
import Localization

/// How often the guide and the review sync the incidents home with its git remote in the background.
struct SyncOption: ParsableArguments {
    @Option(
        name: .customLong("sync"),
        help: ArgumentHelp(
            "Sync the incidents home with its git remote every SECONDS while the guide is open; 0 never (default: $RESPOND_SYNC, else 30 when the home has a remote).",
            valueName: "SECONDS"))
    var seconds: Int?

    /// How often to sync when `RESPOND_SYNC` and `--sync` say nothing and the home has a remote, in seconds.
    static let defaultInterval = 30

    /// The interval in seconds, or nil when the guide does not sync: asked for 0, or the home is not a git work
    /// tree with a remote. A value that is not a number of seconds from 0 to a day is an error said in the words
    /// of `localizer`, before the screen is taken over.
    func interval(
        home: String, environment: [String: String] = ProcessInfo.processInfo.environment, localizer: Localizer
    ) throws -> Double? {
        var chosen = seconds
        if chosen == nil, let text = environment["RESPOND_SYNC"], !text.isEmpty {
            guard let value = Int(text) else {
                throw CLIError(localizer.tr("cli.environment.sync_interval", ["value": text]))
            }
            chosen = value
        }
        if let chosen, !(0...86_400).contains(chosen) {
            throw usageError(localizer.tr("cli.environment.sync_interval", ["value": String(chosen)]))
        }
        if chosen == 0 { return nil }
        guard HomeSync.hasRemote(home: home) else { return nil }
        return Double(chosen ?? Self.defaultInterval)
    }
}
