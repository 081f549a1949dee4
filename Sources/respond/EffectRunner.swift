import FoundationEssentials
import GuideUI
import IncidentModel
import IncidentStore
import Localization
import RunbookKit
import TerminalText

/// Carries out the effects `update` asks for, against the real incident store, journal, runbook files, renderer
/// and terminal, and answers each with the messages `update` expects. A failure becomes a message, never a crash:
/// the guide shows it and the responder keeps working.
final class EffectRunner {
    private let store: IncidentStore
    private let actor: String
    private let catalog: Catalog
    private let clipboard: Clipboard
    /// The words failures are reported in.
    private let localizer: Localizer
    private var locations: [String: IncidentLocation] = [:]
    private var followers: [String: IncidentFollower] = [:]
    /// The last reason each incident's journal could not be followed, so it is said once.
    private var followProblems: [String: JournalError] = [:]
    /// The command run from the walkthrough, if one is.
    let command: CommandSlot
    /// What reads the alerts firing now, when an Alertmanager is configured.
    private let alerts: AlertFetcher?
    /// What syncs the home with its git remote in the background, when it has one.
    private let sync: BackgroundSync?
    /// What reads the runbooks' review marks on a thread of its own.
    private let marks: ReviewMarksJob
    /// What marks a runbook's feedback reviewed on a thread of its own: it reads every journal.
    private let feedbackAck = BackgroundJob()
    /// What builds the symptom search over every runbook in the background.
    private let searchIndex: SymptomIndexJob
    /// Appends that found the journal locked by another process, oldest first, each with when it was asked for;
    /// tried again by `retryWaitingAppends` so that the keys never wait on another writer's lock.
    private var waiting: [(incidentID: String, events: [NewEvent], since: Date)] = []
    /// The rescue files written, to name once the terminal is restored.
    private(set) var rescueFiles: [String] = []
    /// Why events could not be rescued on a signal, with them as journal lines: the last place they can go is
    /// the terminal, once it is restored.
    private(set) var unrescued: (reason: String, lines: String)?

    /// A runner over the incidents kept in `home`, acting as `actor`, reading runbooks from `catalog` (for the
    /// guide and for exports), running commands with `commands`, reading firing alerts with `alerts` when given,
    /// reporting failures in the words of `localizer`.
    init(
        home: String, actor: String, catalog: Catalog, clipboard: Clipboard, commands: CommandSettings,
        alerts: AlertFetcher? = nil, sync: BackgroundSync? = nil, localizer: Localizer
    ) {
        store = IncidentStore(home: home)
        self.actor = actor
        self.catalog = catalog
        self.clipboard = clipboard
        self.localizer = localizer
        command = CommandSlot(settings: commands, localizer: localizer)
        self.alerts = alerts
        self.sync = sync
        searchIndex = SymptomIndexJob(catalog: catalog)
        marks = ReviewMarksJob(catalog: catalog, store: store, localizer: localizer)
    }

    /// Does what the effect says and returns the answers for `update`; `.quit` is the run loop's, not this.
    func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .openIncident(let runbook, let title, let severity, let drill, let id):
            return [openIncident(runbook: runbook, title: title, severity: severity, drill: drill, id: id)]
        case .openIncidentFromAlert(let runbook, let title, let severity, let drill, let id, let alert):
            return [
                openIncident(runbook: runbook, title: title, severity: severity, drill: drill, id: id, alert: alert)
            ]
        case .fetchAlerts:
            // Answered through `pollAlerts` once the Alertmanager has answered or timed out.
            alerts?.start()
            return []
        case .append(let incidentID, let events):
            // Behind an append that waits for the lock, so that answers keep the order appends were asked in.
            guard waiting.isEmpty, let answer = tryAppend(events, to: incidentID, since: Date()) else {
                waiting.append((incidentID, events, Date()))
                return []
            }
            return [answer]
        case .rescue(let incidentID, let events, let afterSeq):
            do {
                let path = try JournalRescue.write(
                    events, afterSeq: afterSeq, in: location(of: incidentID).directory, now: Date())
                rescueFiles.append(path)
                waiting.removeAll { $0.incidentID == incidentID }
                return [.rescued(path: path)]
            } catch {
                return [.rescueFailed(reason: errorText(error, localizer))]
            }
        case .loadIncident(let reference):
            return loadIncident(reference)
        case .listOpenIncidents:
            return [listOpenIncidents()]
        case .export(let incidentID):
            return export(incidentID)
        case .copyToClipboard(let text):
            do {
                return [.copied(try clipboard.copy(text))]
            } catch {
                return [.copyFailed(reason: error.description)]
            }
        case .runCommand(let request):
            return command.start(request, incidentDirectory: location(of: request.incidentID).directory)
        case .cancelCommand:
            command.cancel()
            return []
        case .loadRunbooks(let ids):
            // A listed runbook's file is parsed here, the first time it is asked for (the catalog keeps it).
            return [.runbooksLoaded(ids: ids, runbooks: ids.compactMap { catalog.runbook(id: $0) })]
        case .buildSearchIndex:
            // Answered through `pollSearchIndex` once built, on a thread of its own.
            searchIndex.start()
            return []
        case .loadReviewMarks:
            // Answered through `pollReviewMarks`: reading every journal of a large home takes a second, which the
            // keys must not wait for.
            marks.start()
            return []
        case .markFeedbackReviewed(let runbook, let notes):
            // Answered through `pollReviewMarks`, for the same reason: the notes waiting are read from every journal.
            feedbackAck.start { [store, actor, localizer] in
                do {
                    guard
                        let count = try FeedbackAck.acknowledge(
                            runbook: runbook, exactly: notes, in: store, by: actor, at: Date())
                    else {
                        return .feedbackMarkFailed(runbook: runbook, reason: localizer.tr("ui.notice.feedback_changed"))
                    }
                    return .feedbackMarkedReviewed(runbook: runbook, count: count)
                } catch {
                    return .feedbackMarkFailed(runbook: runbook, reason: errorText(error, localizer))
                }
            }
            return []
        case .quit:
            return []
        }
    }

    /// What was appended to the incident's journal since it was last looked at, as messages for `update`: the
    /// events (the session drops those it has already, its own appends among them), the lines set aside, and a
    /// journal that can no longer be followed, said once rather than every second.
    func follow(incidentID: String) -> [Message] {
        guard var follower = followers[incidentID] else { return [] }
        defer { followers[incidentID] = follower }
        do {
            let update = try follower.poll()
            followProblems[incidentID] = nil
            return (update.events.isEmpty ? [] : [.eventsArrived(update.events)])
                + (update.problems.isEmpty ? [] : [.journalProblems(update.problems)])
        } catch {
            guard followProblems[incidentID] != error else { return [] }
            followProblems[incidentID] = error
            return [.journalNotFollowed(error)]
        }
    }

    private func openIncident(runbook: String, title: String, severity: Severity, drill: Bool, id: String?) -> Message {
        do {
            let (location, event) = try store.open(
                runbook: runbook, title: title, severity: severity, drill: drill, actor: actor, id: id, now: Date())
            remember(location)
            return .incidentOpened(id: location.id, events: [event])
        } catch {
            return .incidentOpenFailed(reason: errorText(error, localizer))
        }
    }

    /// Opens an incident from an alert: the opening and the alert's events (`AlertRecord.openingEvents`) in one
    /// append, all of them answered, as the journal stored them.
    private func openIncident(
        runbook: String, title: String, severity: Severity, drill: Bool, id: String?, alert: AlertRecord
    ) -> Message {
        do {
            let (location, _) = try store.open(
                runbook: runbook, title: title, severity: severity, drill: drill, actor: actor, id: id,
                following: alert.openingEvents(actor: actor), now: Date())
            let contents = try location.read()
            remember(location, after: contents)
            return .incidentOpened(id: location.id, events: contents.events)
        } catch {
            return .incidentOpenFailed(reason: errorText(error, localizer))
        }
    }

    /// The answer of a fetch of the alerts firing now, once it has arrived.
    func pollAlerts() -> [Message] {
        alerts?.poll() ?? []
    }

    /// The runbooks' review marks, once, when the background read asked for by `.loadReviewMarks` has finished,
    /// and the answer of a marking of feedback reviewed, once, when it has landed.
    func pollReviewMarks() -> [Message] {
        marks.poll() + feedbackAck.poll()
    }

    /// Whether the symptom search is being built in the background.
    var isBuildingSearchIndex: Bool { searchIndex.isBuilding }

    /// The symptom search, once, when it has been built in the background.
    func pollSearchIndex() -> [Message] {
        searchIndex.poll()
    }

    /// Starts a background sync when its interval has passed; its answer, once it has arrived, comes back here.
    func syncInBackground(now: Date) -> [Message] {
        sync?.tick(now: now)
        return sync?.poll() ?? []
    }

    /// Whether appends are waiting for another process to release the journal's lock.
    var hasWaitingAppends: Bool { !waiting.isEmpty }

    /// Tries the appends waiting for the lock again, oldest first, and answers those that are now stored, failed,
    /// or waited longer than the journal's lock timeout; the rest keep waiting.
    func retryWaitingAppends() -> [Message] {
        var answers: [Message] = []
        while let first = waiting.first,
            let answer = tryAppend(first.events, to: first.incidentID, since: first.since)
        {
            waiting.removeFirst()
            answers.append(answer)
        }
        return answers
    }

    /// Events that are on no disk yet, written to a rescue file as the guide ends on a signal; when even that
    /// fails, kept as journal lines to print once the terminal is restored.
    func rescueBeforeExit(incidentID: String, events: [NewEvent], afterSeq: Int) {
        let directory = location(of: incidentID).directory
        do {
            rescueFiles.append(try JournalRescue.write(events, afterSeq: afterSeq, in: directory, now: Date()))
        } catch {
            let lines = (try? JournalRescue.lines(events, afterSeq: afterSeq, now: Date(), path: directory)) ?? []
            // Bound for the terminal: nothing in them (a C1 control JSON leaves as it is) may drive it.
            unrescued = (error.description, sanitize(String(decoding: lines, as: UTF8.self), keepNewlines: true))
        }
        waiting.removeAll { $0.incidentID == incidentID }
    }

    /// One append that does not wait for the lock: the answer, or nil while another process holds the lock and
    /// the journal's lock timeout has not passed since `since`. Every guarantee of `Journal.append` holds.
    private func tryAppend(_ events: [NewEvent], to incidentID: String, since: Date) -> Message? {
        var journal = location(of: incidentID).journal
        let timeout = journal.lockTimeout
        journal.lockTimeout = 0
        do {
            return .journalAppended(try journal.append(events, now: Date()))
        } catch .locked(let path, _) {
            let waited = Date().timeIntervalSince(since)
            guard waited >= timeout else { return nil }
            return .journalFailed(
                reason: JournalError.locked(path: path, waitedSeconds: waited).description(in: localizer))
        } catch {
            return .journalFailed(reason: error.description(in: localizer))
        }
    }

    private func loadIncident(_ reference: String) -> [Message] {
        do {
            let location = try store.resolve(reference)
            let contents = try location.read()
            remember(location, after: contents)
            let loaded = Message.incidentLoaded(id: location.id, events: contents.events)
            return contents.problems.isEmpty ? [loaded] : [loaded, .journalProblems(contents.problems)]
        } catch {
            return [.incidentLoadFailed(id: reference, reason: errorText(error, localizer))]
        }
    }

    private func listOpenIncidents() -> Message {
        do {
            let listing = try store.list()
            return .openIncidentsListed(listing.incidents.filter { !$0.closed })
        } catch {
            return .openIncidentsFailed(reason: errorText(error, localizer))
        }
    }

    /// Renders the postmortem draft from the journal as it is on disk, writes it atomically into the incident
    /// directory and records the export in the journal; the record reaches the guide like any outside event.
    private func export(_ incidentID: String) -> [Message] {
        let location = location(of: incidentID)
        do {
            let events = JournalOrder.ordered(try location.read().events)
            let written = try PostmortemFile.write(
                location, events: events, runbook: catalog.runbook(id:), format: .markdown, actor: actor, now: Date(),
                localizer: localizer,
                clock: ZoneClock(zone: .current))
            return [.eventsArrived(written.recorded), .exported(path: written.path)]
        } catch let unrecorded as PostmortemFile.NotRecorded {
            // The draft is on disk but the timeline does not say so: an error to see, not a success.
            return [.exportFailed(reason: unrecorded.description(in: localizer))]
        } catch {
            return [.exportFailed(reason: errorText(error, localizer))]
        }
    }

    /// Where the incident's files are: remembered from opening or loading it, else under the home.
    private func location(of incidentID: String) -> IncidentLocation {
        locations[incidentID] ?? store.location(of: incidentID)
    }

    private func remember(_ location: IncidentLocation, after contents: IncidentContents? = nil) {
        locations[location.id] = location
        if let contents {
            followers[location.id] = IncidentFollower(journalPath: location.journalPath, after: contents)
        } else {
            followers[location.id] =
                (try? location.read())
                .map { IncidentFollower(journalPath: location.journalPath, after: $0) }
                ?? IncidentFollower(journalPath: location.journalPath)
        }
    }
}
