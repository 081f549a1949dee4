import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit

/// The screens of the guide; `q` goes back to the one below.
public enum Screen: Hashable, Sendable {
    /// The runbooks grouped by category, with the symptom filter.
    case catalog
    /// The incidents that are still open, to resume one.
    case openIncidents
    /// One incident walked through its runbook step by step.
    case walkthrough
    /// The incident's events, newest at the bottom.
    case timeline
    /// The output of the command run from the walkthrough.
    case commandOutput
    /// The commander's read-only review of an incident, following its journal live.
    case review
}

/// How someone launched the guide, which decides its first screen and first effects.
public enum Launch: Hashable, Sendable {
    /// `respond`: the catalog.
    case catalog
    /// `respond start RUNBOOK`: a new incident on that runbook, straight into the walkthrough; a nil title or
    /// severity takes the runbook's, a nil id the store's default.
    case start(runbook: String, title: String?, severity: Severity?, drill: Bool, id: String? = nil)
    /// `respond start --alert-json` with a payload of several alerts: the catalog, and over it the picker of the
    /// payload's alerts; the one chosen starts the incident.
    case chooseAlert(AlertChoice)
    /// `respond resume ID`: an existing incident's walkthrough.
    case resume(id: String)
    /// `respond review ID`: the commander's review of an incident (an id, a prefix, `last` or a journal path).
    case review(id: String)
}

/// The incident being walked through: its journal as read so far and where the responder is.
public struct IncidentSession: Hashable, Sendable {
    /// The incident's id.
    public let id: String
    /// The journal's events, in sequence order, as stored.
    public private(set) var events: [Event]
    /// The incident's state: the fold of `events`, kept in step with them so that a key press never refolds.
    public private(set) var state: IncidentState
    /// The index of the selected walkthrough item (a step or a verification item).
    public internal(set) var cursor: Int = 0
    /// How far the current step's text is scrolled down, in rows.
    public internal(set) var contentScroll: Int = 0
    /// How far the timeline is scrolled up from its bottom, in rows.
    public internal(set) var timelineScroll: Int = 0
    /// Whether the incident was loaded to be resumed and its cursor still waits for the runbook to be placed.
    var awaitsResumePosition = false
    /// The rows each event takes in the timeline, kept by `update` as events arrive; derived from the events,
    /// so it takes no part in equality.
    var timelineRows: TimelineRowCounts?
    /// The notes pinned now, oldest first: derived from the state and kept with it, because every walkthrough
    /// frame asks which of them wait and a long incident holds thousands of notes but few pins. No part of equality.
    private(set) var pinnedNotes: [NoteRecord] = []
    /// Each event's review tag, in journal order, so that changing the review's filter over a long journal reads a
    /// byte per event. No part of equality.
    private(set) var reviewTags: [ReviewTag] = []

    /// A session on an incident's events, in any order; they are kept in journal order (`JournalOrder`).
    init(id: String, events: [Event]) {
        self.id = id
        self.events = JournalOrder.ordered(events)
        self.state = IncidentState.fold(self.events)
        self.pinnedNotes = state.notes.filter(state.isPinned)
        self.reviewTags = self.events.map { ReviewTag($0.kind) }
    }

    /// Adds events not seen before (`JournalOrder.merge`). Events that extend the journal are folded in; an event
    /// older than the last one known (a late arrival) makes the state refold from the start, so order is always
    /// the journal's.
    mutating func merge(_ arrived: [Event]) {
        switch JournalOrder.merge(arrived, into: &events) {
        case .nothing:
            break
        case .appended(let fresh):
            let notesBefore = state.notes.count
            for event in fresh { state.apply(event) }
            reviewTags += fresh.map { ReviewTag($0.kind) }
            // A pin change can pin or unpin any earlier note; a new note is pinned when written so, or when a pin
            // that arrived before it named it.
            if fresh.contains(where: { if case .pinChanged = $0.kind { true } else { false } }) {
                pinnedNotes = state.notes.filter(state.isPinned)
            } else {
                pinnedNotes += state.notes[notesBefore...].filter(state.isPinned)
            }
        case .reordered:
            state = IncidentState.fold(events)
            pinnedNotes = state.notes.filter(state.isPinned)
            reviewTags = events.map { ReviewTag($0.kind) }
            timelineRows = nil
        }
    }

    public static func == (lhs: IncidentSession, rhs: IncidentSession) -> Bool {
        lhs.id == rhs.id && lhs.events == rhs.events && lhs.state == rhs.state && lhs.cursor == rhs.cursor
            && lhs.contentScroll == rhs.contentScroll && lhs.timelineScroll == rhs.timelineScroll
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(events)
        hasher.combine(state)
        hasher.combine(cursor)
        hasher.combine(contentScroll)
        hasher.combine(timelineScroll)
    }
}

/// The state of the whole guide, a value: once the guide runs, every change goes through `update`. Only the runtime's
/// settings (`commandsDisabledBy`) are set from outside, before the first frame.
public struct AppModel: Sendable {
    /// The runbook library: the index's rows, and the runbooks and the search the runtime has delivered so far.
    public internal(set) var library: Library
    /// Who is at the keyboard; every event is recorded as theirs.
    public let actor: String
    /// False when `NO_COLOR` is set: the view then uses bold and reverse only.
    public let colorEnabled: Bool
    /// The language every screen speaks.
    public let localizer: Localizer
    /// The zone the screens show times in, which they name.
    public let clock: ZoneClock
    /// The terminal's width in columns.
    public internal(set) var width: Int
    /// The terminal's height in rows.
    public internal(set) var height: Int
    /// The time of the last tick.
    public internal(set) var now: Date
    /// The screen stack; the last one is shown.
    public internal(set) var screens: [Screen] = [.catalog]
    /// A dialog drawn over the screen, which receives the keys while it is open.
    public internal(set) var overlay: Overlay?
    /// The catalog's selection and filter.
    public internal(set) var catalog = CatalogState()
    /// The open-incidents list.
    public internal(set) var openIncidents = OpenIncidentsState()
    /// The incident being walked through, once one is opened or loaded.
    public internal(set) var incident: IncidentSession?
    /// The commander's review, when the guide was launched as one.
    public internal(set) var review: ReviewState?
    /// Whether the last appends are on disk.
    public internal(set) var journal = JournalState()
    /// A one-line message for the responder (an export's path, a failure), until the next key; a confirmation
    /// of the responder's own action also until a few seconds pass.
    public internal(set) var notice: Notice?
    /// What others recorded lately, said under the screen until dismissed or a few seconds pass.
    public internal(set) var arrivals = Arrivals()
    /// The walkthrough's selected code block and the command run from it.
    public internal(set) var commands = CommandPanelState()
    /// The alerts firing now on the Alertmanager, as last fetched.
    public internal(set) var alerts = AlertFeed()
    /// The runbooks' review marks, once the runtime has read them.
    public internal(set) var reviewMarks = ReviewMarksFeed()
    /// A start form or a start waiting for its runbook to arrive from the runtime.
    var awaiting: AwaitedRunbook?
    /// What switched running commands off (`--no-exec`, `RESPOND_NO_EXEC=1`), or nil when they may run; set by the
    /// runtime before the first frame, never by `update`.
    public var commandsDisabledBy: String?
    /// How often, in seconds, the alerts firing now are read again while the catalog is shown or an incident opened
    /// from an alert is walked; nil when no Alertmanager is configured. Set by the runtime before the first frame,
    /// never by `update`.
    public var alertRefreshInterval: Double?
    /// How the last background sync with the home's git remote went; nil before the first, or when the home is
    /// not synced.
    public internal(set) var sync: SyncOutcome?

    /// Creates the model; everything from outside arrives as values, the language and the time zone too (English
    /// and UTC unless the runtime says otherwise).
    public init(
        library: Library, actor: String, colorEnabled: Bool, width: Int, height: Int, now: Date,
        localizer: Localizer = Localizer(.english), clock: ZoneClock = .utc
    ) {
        self.library = library
        self.actor = actor
        self.colorEnabled = colorEnabled
        self.localizer = localizer
        self.clock = clock
        self.width = width
        self.height = height
        self.now = now
    }

    /// The screen on top of the stack.
    public var screen: Screen { screens.last ?? .catalog }

    /// The text of a catalog key in the guide's language, with its placeholders filled in.
    func tr(_ key: String, _ arguments: [String: String] = [:]) -> String {
        localizer.tr(key, arguments)
    }
}

/// A one-line message under the screen, until the next key; a confirmation also leaves by itself.
public struct Notice: Hashable, Sendable {
    /// The text.
    public var text: String
    /// Whether it reports a failure (drawn as an error).
    public var isError: Bool
    /// When a confirmation was said, by the guide's clock: it leaves `Arrivals.shownFor` later, so that the keys
    /// of the screen come back without a key press. Nil for a notice that stays until the next key.
    public var confirmedAt: Date?
}

/// A dialog over the current screen.
public enum Overlay: Hashable, Sendable {
    /// The keys of the screen below.
    case help
    /// The form that starts an incident.
    case startForm(StartForm)
    /// A line of text to type, for a purpose.
    case prompt(Prompt)
    /// A choice among options, for a purpose.
    case picker(Picker)
    /// Resolving while verification items are open: confirm with `y`.
    case confirmResolve(openItems: [String])
    /// Running a command: its placeholders, its confirmation, or quitting while it runs.
    case command(CommandDialog)
    /// Quitting while events are not saved.
    case unsavedQuit(UnsavedQuit)
    /// Marking a runbook's feedback reviewed: confirm with `y`; `notes` are the references of the notes the
    /// catalog counts, the ones `y` marks.
    case confirmFeedbackReviewed(runbook: String, notes: [String])
}
