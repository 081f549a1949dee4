import ArgumentParser
import FoundationEssentials
import IncidentModel
import IncidentStore
import Localization
import RunbookKit
import TerminalText

/// `respond log ID ACTION …`: appends one event to an incident's journal, for scripts and a second terminal.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Append one event to an incident's timeline.",
        discussion: """
            Actions:
              note TEXT [--pin] [--commander]
              status investigating|identified|mitigated|resolved [--force]
              severity P0|P1|P2|P3
              check N, uncheck N
              step N done, step N skip --reason R
              escalate WHO
              feedback TEXT [--step N]
              role commander|scribe|responder NAME
              milestone impact-started|detected
              close, reopen
            Every action takes --at TIME for when it happened: HH:MM is local time
            today (yesterday when that is still to come), ISO 8601 is local time
            unless it ends in Z or an offset (2026-11-27T15:42+08:00). The local
            zone is $TZ's, else the machine's.
            Resolving with verification items open is refused with the list of
            them; --force resolves anyway and records them as open.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .incident, completion: .incidentID)
    var incident: String

    @Argument(
        help:
            "What happened: note, status, severity, check, uncheck, step, escalate, feedback, role, milestone, close, reopen."
    )
    var action: String

    @Argument(help: "The action's values.")
    var values: [String] = []

    @Flag(help: "Pin a note as important.")
    var pin = false

    @Flag(help: "Write a note as the incident commander's (an annotation, marked IC on the responder's screen).")
    var commander = false

    @Option(help: "When it happened: HH:MM (local time today) or ISO 8601 (local time unless it has Z or an offset).")
    var at: String?

    @Flag(help: "With `status resolved`: resolve even though verification items are open.")
    var force = false

    @Option(help: "Why a step was skipped (required with `step N skip`).")
    var reason: String?

    @Option(help: "The step a feedback is about.")
    var step: String?

    @Flag(help: "Print the event written as its journal line (JSON) instead of `saved #SEQ KIND`.")
    var json = false

    /// Refuses a time that cannot be read before anything else is looked at, as a usage error with the usage of
    /// `respond log`; `run` reads it again with the incident's opening to check it against.
    func validate() throws {
        guard let at else { return }
        do {
            _ = try TypedTime.read(at, now: Date(), timeZone: .current)
        } catch {
            throw usageError(error.description(in: global.localizer()))
        }
    }

    /// The words of every message and error of this command.
    private var localizer: Localizer { global.localizer() }

    func run() throws {
        let location = try global.resolveIncident(incident)
        guard FileManager.default.fileExists(atPath: location.journalPath) else {
            throw CLIError(localizer.tr("cli.log.no_journal", ["path": location.journalPath]))
        }
        try checkOptionsApply()
        let now = Date()
        let incident = IncidentEvents(location: location, global: global)
        let kind = try eventKind(incident: incident)
        let typed = try at.map { text in try typedTime(text, now: now, kind: kind, incident: incident) }
        if case .statusChanged(.resolved) = kind, !force { try refuseOpenVerificationItems(incident: incident) }
        for warning in typed?.warnings ?? [] { printWarning(warning.description(in: localizer), localizer) }
        let event = NewEvent(actor: global.actorName(), kind: kind, occurredAt: typed?.date)
        let written: [Event]
        do {
            written = try location.journal.append([event], now: now)
        } catch {
            throw CLIError(error.description(in: localizer))
        }
        for saved in written {
            if json {
                print(terminalSafeJSON(String(decoding: try EventCodec.line(for: saved), as: UTF8.self)))
            } else {
                print(localizer.tr("cli.log.saved", ["seq": String(saved.seq), "kind": saved.kind.name]))
            }
        }
    }

    /// When the event happened, read from `--at` in the local zone; a time that cannot be read is a usage error.
    /// Milestones mark moments before the incident was opened, so only other events are checked against its opening.
    private func typedTime(_ text: String, now: Date, kind: EventKind, incident: IncidentEvents) throws -> TypedTime {
        var earliest: Date?
        if case .milestone = kind {} else { earliest = try incident.state().opened?.at }
        do {
            return try TypedTime.read(text, now: now, timeZone: .current, earliest: earliest)
        } catch {
            throw usageError(error.description(in: localizer))
        }
    }

    /// Refuses to resolve while verification items of the incident's runbook are open, the rule the guide asks
    /// about before resolving; `--force` skips this, and the items stay open at resolution.
    private func refuseOpenVerificationItems(incident: IncidentEvents) throws {
        let runbook: Runbook
        do {
            runbook = try incident.runbook()
        } catch {
            throw CLIError(localizer.tr("cli.log.runbook_unknown_for_resolve", ["problem": "\(error)"]))
        }
        let open = try incident.state().openVerificationItems(of: runbook)
        guard !open.isEmpty else { return }
        let items = open.map { "\($0.number). \($0.text)" }.joined(separator: "; ")
        throw CLIError(
            localizer.tr(
                "cli.log.open_verification_items", count: open.count,
                ["runbook": runbook.id, "items": items, "incident": incident.location.id]))
    }

    /// The event the action and its values describe, or an error saying what is wrong with them: a usage error
    /// (exit 64) for an action or value that cannot be read, a one-line error for one the incident cannot take.
    private func eventKind(incident: IncidentEvents) throws -> EventKind {
        switch action {
        case "note":
            return .note(text: try joinedText("note TEXT"), pinned: pin, commander: commander)
        case "status":
            let value = try single("status investigating|identified|mitigated|resolved")
            guard let status = IncidentStatus(rawValue: value.lowercased()) else {
                throw usageError(localizer.tr("cli.log.unknown_status", ["value": value]))
            }
            return .statusChanged(status)
        case "severity":
            return .severityChanged(try parseSeverity(try single("severity P0|P1|P2|P3"), localizer))
        case "check", "uncheck":
            let value = try single("\(action) N")
            guard let number = Int(value), number >= 1 else {
                throw usageError(localizer.tr("cli.log.checklist_number", ["value": value]))
            }
            let runbook = try incident.runbook()
            let item = try reference { () throws(RunbookReferenceError) in
                try RunbookReference.checklistItem(number, in: runbook)
            }
            return action == "check" ? .checklistChecked(item) : .checklistUnchecked(item)
        case "step":
            return try stepEvent(runbook: try incident.runbook())
        case "escalate":
            return .escalated(to: try joinedText("escalate WHO"))
        case "feedback":
            let runbook = try incident.runbook()
            let stepKey = try step.map { query in
                try reference { () throws(RunbookReferenceError) in try RunbookReference.step(query, in: runbook).step }
            }
            return .runbookFeedback(runbook: runbook.id, step: stepKey, text: try joinedText("feedback TEXT"))
        case "role":
            guard values.count >= 2, let role = Role(rawValue: values[0].lowercased()) else {
                throw usageError(localizer.tr("cli.log.usage", ["usage": "role commander|scribe|responder NAME"]))
            }
            return .roleAssigned(role, person: values.dropFirst().joined(separator: " "))
        case "milestone":
            let value = try single("milestone impact-started|detected")
            guard let milestone = Milestone(rawValue: value) else {
                throw usageError(localizer.tr("cli.log.unknown_milestone", ["value": value]))
            }
            return .milestone(milestone)
        case "close":
            try noValues()
            let summary = try incident.summary()
            guard !summary.closed else {
                throw CLIError(localizer.tr("cli.log.already_closed", ["incident": summary.id]))
            }
            return .incidentClosed
        case "reopen":
            try noValues()
            let summary = try incident.summary()
            guard summary.closed else { throw CLIError(localizer.tr("cli.log.not_closed", ["incident": summary.id])) }
            return .reopened
        default:
            throw usageError(localizer.tr("cli.log.unknown_action", ["action": action]))
        }
    }

    private func stepEvent(runbook: Runbook) throws -> EventKind {
        guard values.count == 2, ["done", "skip"].contains(values[1]) else {
            throw usageError(localizer.tr("cli.log.usage", ["usage": "step N done | step N skip --reason R"]))
        }
        let stepRef = try reference { () throws(RunbookReferenceError) in
            try RunbookReference.step(values[0], in: runbook)
        }
        if values[1] == "done" { return .stepDone(stepRef) }
        guard let reason, !reason.trimmingScalars(in: .whitespaces).isEmpty else {
            throw usageError(localizer.tr("cli.log.skip_needs_reason", ["step": values[0]]))
        }
        return .stepSkipped(stepRef, reason: reason)
    }

    /// Refuses options that the action would silently ignore, as usage errors.
    private func checkOptionsApply() throws {
        if pin && action != "note" { throw usageError(localizer.tr("cli.log.pin_notes_only")) }
        if commander && action != "note" { throw usageError(localizer.tr("cli.log.commander_notes_only")) }
        if reason != nil && !(action == "step" && values.last == "skip") {
            throw usageError(localizer.tr("cli.log.reason_skip_only"))
        }
        if step != nil && action != "feedback" { throw usageError(localizer.tr("cli.log.step_feedback_only")) }
        if force && !(action == "status" && values.map { $0.lowercased() } == ["resolved"]) {
            throw usageError(localizer.tr("cli.log.force_resolved_only"))
        }
    }

    /// A runbook reference, or its error as a one-line CLI error.
    private func reference<T>(_ body: () throws(RunbookReferenceError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CLIError(error.description(in: localizer))
        }
    }

    private func joinedText(_ usage: String) throws -> String {
        let text = values.joined(separator: " ")
        guard !text.trimmingScalars(in: .whitespacesAndNewlines).isEmpty else {
            throw usageError(localizer.tr("cli.log.usage", ["usage": usage]))
        }
        return text
    }

    private func single(_ usage: String) throws -> String {
        guard values.count == 1, let value = values.first else {
            throw usageError(localizer.tr("cli.log.usage", ["usage": usage]))
        }
        return value
    }

    private func noValues() throws {
        guard values.isEmpty else { throw usageError(localizer.tr("cli.log.no_values", ["action": action])) }
    }
}

/// An incident's events, read only when an action needs them (most appends do not, which keeps `log` cheap on
/// long journals), and then once.
private final class IncidentEvents {
    let location: IncidentLocation
    let global: GlobalOptions
    private var read: IncidentContents?

    init(location: IncidentLocation, global: GlobalOptions) {
        self.location = location
        self.global = global
    }

    /// The journal's contents, read the first time they are asked for (its problems reported then, once).
    func contents() throws -> IncidentContents {
        if let read { return read }
        let contents = try global.readIncident(location)
        read = contents
        return contents
    }

    /// The incident's state, folded from its events.
    func state() throws -> IncidentState {
        IncidentState.fold(try contents().events)
    }

    /// The incident's summary, or an error when its journal does not start with `incident-opened`.
    func summary() throws -> IncidentSummary {
        let contents = try contents()
        guard
            let summary = IncidentSummary.summarize(
                id: location.id, journalPath: location.journalPath, events: contents.events
            )
        else {
            throw CLIError(global.localizer().tr("cli.log.not_opened", ["path": location.journalPath]))
        }
        return summary
    }

    /// The runbook the incident is on now, from the catalog; an error when the catalog no longer has it.
    func runbook() throws -> Runbook {
        let id = try currentRunbook()
        let catalog = try global.loadCatalog()
        guard let runbook = catalog.runbook(id: id) else {
            throw CLIError(
                global.localizer().tr(
                    "cli.log.runbook_not_in_catalog",
                    ["incident": location.id, "runbook": id, "directory": catalog.directory]))
        }
        return runbook
    }

    /// The runbook the incident is on now: the last one switched to, else the one it was opened on.
    func currentRunbook() throws -> String {
        guard let current = try state().currentRunbook else {
            throw CLIError(global.localizer().tr("cli.log.not_opened", ["path": location.journalPath]))
        }
        return current
    }
}
