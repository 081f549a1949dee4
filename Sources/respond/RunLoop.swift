import CursesBackend
import FoundationEssentials
import GuideUI
import IncidentModel
import TerminalFrame

/// The guide's runtime: shows `view(model)`, turns terminal events and the clock into messages for `update`,
/// and has the effects `update` asks for carried out, feeding their answers back. It holds no behaviour of
/// its own beyond that loop.
final class RunLoop {
    /// How long to wait for a key before the clock is looked at again; the time is told to the model and the
    /// journal followed only once a tick (`tickInterval`) has passed.
    static let pollInterval = 0.25
    /// How long to wait for a key while a command runs, so that its output appears promptly.
    static let commandPollInterval = 0.1
    /// How often the model hears the time and the journal is followed, whether keys arrive or not.
    static let tickInterval = 1.0

    private let backend: TerminalBackend
    private let runner: EffectRunner
    private(set) var model: AppModel

    /// A loop over a backend, a runner for effects and the first model.
    init(backend: TerminalBackend, runner: EffectRunner, model: AppModel) {
        self.backend = backend
        self.runner = runner
        self.model = model
    }

    /// Runs until the guide quits (status 0) or a terminating signal arrives (128 plus the signal's number).
    func run(_ start: Launch) -> Int32 {
        let (first, effects) = launch(model, start)
        model = first
        if settle(effects) { return 0 }
        var lastTick = Date.distantPast
        // A frame is drawn only after a message: an idle guide wakes four times a second to look at the clock, but
        // follows the journal and hears the time once a tick, so it draws once a second, and a long step is not
        // laid out for nothing.
        var needsFrame = true
        while true {
            if needsFrame {
                backend.present(view(model))
                needsFrame = false
            }
            let busy = runner.command.isRunning || runner.hasWaitingAppends || runner.isBuildingSearchIndex
            let event = backend.nextEvent(timeout: busy ? Self.commandPollInterval : Self.pollInterval)
            if let signal = TerminalGuard.pendingSignal {
                for message in runner.command.stopBeforeExit() {
                    let (next, effects) = update(model, message)
                    model = next
                    _ = settle(effects)
                }
                // Nothing the journal has not stored is left behind: it goes to a rescue file.
                if let incident = model.incident, !model.journal.notSaved.isEmpty {
                    runner.rescueBeforeExit(
                        incidentID: incident.id, events: model.journal.notSaved, afterSeq: incident.state.lastSeq)
                }
                return 128 + signal
            }
            var messages: [Message] = []
            if event != .tick { messages.append(.terminal(event)) }
            messages += runner.retryWaitingAppends()
            messages += runner.command.poll()
            messages += runner.pollAlerts()
            messages += runner.pollReviewMarks()
            messages += runner.pollSearchIndex()
            let now = Date()
            if now.timeIntervalSince(lastTick) >= Self.tickInterval {
                lastTick = now
                messages.append(.tick(now: now))
                messages += runner.syncInBackground(now: now)
                if let incident = model.incident {
                    messages += runner.follow(incidentID: incident.id)
                }
            }
            for message in messages {
                let (next, effects) = update(model, message)
                model = next
                needsFrame = true
                if settle(effects) { return 0 }
            }
        }
    }

    /// Carries out effects in order, feeding each answer to `update` and carrying out what that asks for in
    /// turn; returns whether one of them was `.quit`. Everything asked before a quit is done before it.
    private func settle(_ effects: [Effect]) -> Bool {
        var queue = effects[...]
        var quit = false
        while let effect = queue.popFirst() {
            if effect == .quit {
                quit = true
                continue
            }
            for message in runner.perform(effect) {
                let (next, more) = update(model, message)
                model = next
                queue.append(contentsOf: more)
            }
        }
        return quit
    }
}
