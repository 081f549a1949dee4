import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit

/// The kinds of event the review filters by, with the digit key that toggles each.
public enum ReviewCategory: Int, Hashable, Sendable, CaseIterable, Comparable {
    case notes = 1
    case steps, checks, status, commands

    /// The name the filter line shows, in the localizer's language.
    public func name(_ words: Localizer) -> String {
        switch self {
        case .notes: words.tr("ui.review.kind.notes")
        case .steps: words.tr("ui.review.kind.steps")
        case .checks: words.tr("ui.review.kind.checks")
        case .status: words.tr("ui.review.kind.status")
        case .commands: words.tr("ui.review.kind.commands")
        }
    }

    /// The category of an event kind: notes and runbook feedback are notes; step outcomes and runbook switches
    /// are steps; verification items are checks; copies and runs are commands; everything about the incident
    /// itself (opening, status, severity, roles, escalation, milestones, pins, exports, closing) is status.
    public init(_ kind: EventKind) {
        switch kind {
        case .note, .runbookFeedback: self = .notes
        case .stepDone, .stepSkipped, .runbookSwitched: self = .steps
        case .checklistChecked, .checklistUnchecked: self = .checks
        case .commandCopied, .commandRan: self = .commands
        case .incidentOpened, .alertAttached, .alertResolved, .statusChanged, .severityChanged, .roleAssigned,
            .escalated, .milestone,
            .pinChanged, .noteAcknowledged, .exportWritten, .incidentClosed, .reopened:
            self = .status
        }
    }

    public static func < (lhs: ReviewCategory, rhs: ReviewCategory) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension EventKind {
    /// Whether the event is bookkeeping rather than incident work (an export written, a command copied, a pin
    /// changed, a pinned note acknowledged): the review hides these until asked.
    public var isSystem: Bool {
        switch self {
        case .exportWritten, .commandCopied, .pinChanged, .noteAcknowledged: true
        default: false
        }
    }
}

/// Which events the review's table shows.
public struct ReviewFilter: Hashable, Sendable {
    /// The categories shown; all of them at first.
    public var categories: Set<ReviewCategory> = Set(ReviewCategory.allCases)
    /// Only this actor's events, or everyone's when nil.
    public var actor: String?
    /// Whether system events are shown.
    public var showSystem = false

    /// The default filter: every category and actor, system events hidden.
    public init(showSystem: Bool = false) {
        self.showSystem = showSystem
    }

    /// The indices of the events the filter lets through, in order: system events only when shown, the categories
    /// chosen, and the actor when one is chosen.
    func admitted(_ events: [Event]) -> [Int] {
        admitted(events, tags: events.map { ReviewTag($0.kind) })
    }

    /// `admitted(events)` with each event's tag (`tags[i]` is `events[i]`'s) taken beforehand: a change of filter
    /// over a long journal then reads a byte per event rather than each event's payload.
    func admitted(_ events: [Event], tags: [ReviewTag]) -> [Int] {
        let shown = categories.reduce(UInt8(0)) { $0 | ReviewTag.bit($1) }
        let showSystem = showSystem
        var rows: [Int] = []
        rows.reserveCapacity(tags.count)
        tags.withUnsafeBufferPointer { tags in
            for index in tags.indices where tags[index].isShown(categories: shown, showSystem) {
                if let actor, events[index].actor != actor { continue }
                rows.append(index)
            }
        }
        return rows
    }
}

/// What the review's filter asks of an event's kind, in one byte: its category's bit, and bit 0 when it is a
/// system event.
struct ReviewTag: Hashable, Sendable {
    private let bits: UInt8

    /// The tag of an event of kind `kind`.
    init(_ kind: EventKind) {
        bits = Self.bit(ReviewCategory(kind)) | (kind.isSystem ? 1 : 0)
    }

    /// The bit of `category` (its raw value, 1 to 5, is its place).
    static func bit(_ category: ReviewCategory) -> UInt8 { 1 << UInt8(category.rawValue) }

    /// Whether a filter showing the categories whose bits are in `categories`, and system events when
    /// `showSystem`, shows the event.
    func isShown(categories: UInt8, _ showSystem: Bool) -> Bool {
        bits & categories != 0 && (showSystem || bits & 1 == 0)
    }
}

/// A line being typed in the review and what it becomes.
public struct ReviewInput: Hashable, Sendable {
    /// What the typed text is for.
    public enum Purpose: Hashable, Sendable {
        /// A search of the events' text.
        case search
        /// A commander note added to the journal.
        case annotation
    }

    /// What the text becomes.
    public var purpose: Purpose
    /// The text.
    public var editor = LineEditor()
}

/// The commander's review of one incident: filters, search, selection, live follow and the progress pane.
public struct ReviewState: Hashable, Sendable {
    /// The incident reference it was launched with, until the journal is loaded.
    public internal(set) var reference: String
    /// Which events the table shows.
    public internal(set) var filter = ReviewFilter()
    /// The search last entered, whose matches are highlighted and visited with n and N.
    public internal(set) var query: String?
    /// The line being typed, when one is.
    public internal(set) var input: ReviewInput?
    /// Indices into the incident's events of the rows the filter shows, in journal order.
    public internal(set) var rows: [Int] = []
    /// The selected row's index in `rows`.
    public internal(set) var cursor = 0
    /// The first row shown.
    public internal(set) var top = 0
    /// Whether the selection stays on the newest row as events arrive.
    public internal(set) var following = true
    /// Rows that arrived below the reader's place since they last were at the bottom.
    public internal(set) var unseen = 0
    /// Whether the progress pane is shown.
    public internal(set) var showProgress = false
    /// How far the progress pane is scrolled, in lines, when it takes the whole screen.
    public internal(set) var progressScroll = 0
    /// What is derived from the journal.
    var digest = ReviewDigest()
    /// The progress pane's lines and the rows they take, kept by `update`.
    var pane: ReviewPane?

    /// A review of the incident `reference` names, before its journal is loaded.
    public init(reference: String) {
        self.reference = reference
    }

    /// The incident's adherence report.
    public var adherence: AdherenceReport { digest.adherence }
}
