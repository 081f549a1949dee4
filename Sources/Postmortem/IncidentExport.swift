import FoundationEssentials
import IncidentModel
import RunbookKit

/// The JSON export of a whole incident, for other tools: a summary of the folded state and every event.
///
/// `format` and `version` name this document's shape; the events inside follow the journal's own schema
/// (`Event.schemaVersion`), one object per event exactly as a journal line holds it.
public struct IncidentExport: Encodable, Sendable {
    /// The document's kind, always `respond-incident-export`.
    public var format = "respond-incident-export"
    /// The document's shape version.
    public var version = 1
    /// The incident's id.
    public var incidentID: String
    /// When the export was made.
    public var generatedAt: Date
    /// Title, drill flag, status, severity, roles, runbooks and their histories.
    public var summary: Summary
    /// The moments the metrics measure between.
    public var milestones: MilestoneTimes
    /// TTD, TTA, TTM, TTR in seconds; absent when unknown.
    public var metrics: Metrics
    /// Progress through each runbook used, in order of use.
    public var progress: [RunbookProgressSummary]
    /// How closely the runbooks were followed.
    public var adherence: AdherenceReport
    /// Each severity the incident had and how long it was held, the last until the resolution (else the closing,
    /// else the export).
    public var severityPeriods: [SeverityPeriod]
    /// Every event, in journal order; one from another machine's file has a `writer` beside its journal fields.
    public var events: [Event]

    /// The state's facts, flattened for readers that do not fold events.
    public struct Summary: Encodable, Sendable {
        /// The incident's title.
        public var title: String
        /// Whether it is a drill.
        public var drill: Bool
        /// The current status.
        public var status: IncidentStatus
        /// Every status, with who set it and when.
        public var statusHistory: [Change<IncidentStatus>]
        /// The current severity.
        public var severity: Severity?
        /// Every severity, with who set it and when.
        public var severityHistory: [Change<Severity>]
        /// Person by role name.
        public var roles: [String: String]
        /// Runbook ids in order of first use.
        public var runbooksUsed: [String]
        /// The runbook in use at the end.
        public var currentRunbook: String?
        /// Who opened the incident and when.
        public var opened: Stamp?
        /// Who closed it and when, while it is closed.
        public var closed: Stamp?
        /// Every reopening.
        public var reopenings: [Stamp]
        /// Sequence numbers of the pinned events in the incident's own `timeline.jsonl`, as before machines synced.
        public var pinnedSeqs: [Int]
        /// Every pinned event, each by `seq` and, for another machine's file, `writer`.
        public var pinned: [EventRef]
        /// The last event's sequence number.
        public var lastSeq: Int
    }

    /// Each milestone, with detection resolved to the opening when no detection was recorded.
    public struct MilestoneTimes: Encodable, Sendable {
        /// When impact started.
        public var impactStarted: Date?
        /// When it was detected (the opening, when no detection was recorded).
        public var detected: Date?
        /// When the incident was opened.
        public var acknowledged: Date?
        /// When it was first mitigated.
        public var mitigated: Date?
        /// When it was resolved, unless reopened since.
        public var resolved: Date?
    }

    /// One runbook's steps and verification items as they stand.
    public struct RunbookProgressSummary: Encodable, Sendable {
        /// The runbook's id.
        public var runbook: String
        /// The runbook's title, when it could be loaded.
        public var title: String?
        /// Steps done or skipped, in the order they were last recorded.
        public var steps: [StepRecord]
        /// Ticked items, by item number order.
        public var checked: [ChecklistRecord]
        /// Numbers of the runbook's items not ticked; empty when the runbook could not be loaded.
        public var open: [Int]
    }

    /// The export of the incident whose journal is `events`, its runbooks looked up in `runbooks` by id.
    public init(
        state: IncidentState, events: [Event], runbooks: [String: Runbook], incidentID: String, generatedAt: Date
    ) {
        self.incidentID = incidentID
        self.generatedAt = generatedAt
        summary = Summary(
            title: state.title, drill: state.drill, status: state.status, statusHistory: state.statusHistory,
            severity: state.severity, severityHistory: state.severityHistory,
            roles: Dictionary(uniqueKeysWithValues: state.roles.map { ($0.key.rawValue, $0.value) }),
            runbooksUsed: state.runbooksUsed, currentRunbook: state.currentRunbook, opened: state.opened,
            closed: state.closed, reopenings: state.reopenings,
            pinnedSeqs: state.pinned.filter { $0.writer == nil }.map(\.seq).sorted(), pinned: state.pinned.sorted(),
            lastSeq: state.lastSeq
        )
        let m = state.milestones
        milestones = MilestoneTimes(
            impactStarted: m.impactStarted, detected: m.detected, acknowledged: m.acknowledged,
            mitigated: m.mitigated, resolved: m.resolved
        )
        // Durations are differences of dates, which carry float noise (73.03999996185303 for 73.04 s); the
        // journal's times are milliseconds, so durations are too.
        let measured = Metrics(state)
        metrics = Metrics(
            timeToDetect: measured.timeToDetect.map(Self.milliseconds),
            timeToAcknowledge: measured.timeToAcknowledge.map(Self.milliseconds),
            timeToMitigate: measured.timeToMitigate.map(Self.milliseconds),
            timeToResolve: measured.timeToResolve.map(Self.milliseconds)
        )
        let ids = state.runbooksReferenced
        progress = ids.map { id in
            let progress = state.progress(of: id)
            let checked = progress.checked.keys.sorted().compactMap { progress.checked[$0] }
            return RunbookProgressSummary(
                runbook: id, title: runbooks[id]?.title,
                steps: progress.steps.values.sorted { $0.stamp.isBefore($1.stamp) }, checked: checked,
                open: runbooks[id]?.checklist.map(\.number).filter { progress.checked[$0] == nil } ?? []
            )
        }
        adherence = Adherence.report(events: events, runbooks: runbooks)
        for index in adherence.sectionTimes.indices {
            adherence.sectionTimes[index].seconds = Self.milliseconds(adherence.sectionTimes[index].seconds)
        }
        let end = state.milestones.resolved ?? state.closed?.at ?? generatedAt
        severityPeriods = state.severityPeriods(until: end).map { period in
            var period = period
            period.seconds = Self.milliseconds(period.seconds)
            return period
        }
        self.events = events
    }

    /// `seconds` rounded to the millisecond, the precision of the journal's times.
    static func milliseconds(_ seconds: TimeInterval) -> TimeInterval {
        (seconds * 1000).rounded() / 1000
    }
}

extension PostmortemRenderer {
    /// The incident as a pretty-printed JSON document (`IncidentExport`), keys sorted, times in UTC ISO 8601
    /// with milliseconds.
    public static func json(
        state: IncidentState, events: [Event], runbooks: [String: Runbook], incidentID: String, generatedAt: Date
    ) throws -> String {
        var document: [UInt8] = []
        try writeJSON(
            state: state, events: events, runbooks: runbooks, incidentID: incidentID, generatedAt: generatedAt
        ) {
            document += $0
        }
        return String(decoding: document, as: UTF8.self)
    }

    /// Writes `json(…)`'s document to `output` piece by piece, without holding the whole document in memory:
    /// the summary is encoded as a whole, and the events, the bulk of a long incident, one at a time.
    public static func writeJSON(
        state: IncidentState, events: [Event], runbooks: [String: Runbook], incidentID: String, generatedAt: Date,
        to output: (ArraySlice<UInt8>) throws -> Void
    ) throws {
        var export = IncidentExport(
            state: state, events: events, runbooks: runbooks, incidentID: incidentID, generatedAt: generatedAt)
        export.events = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(PostmortemTime.iso(date))
        }
        let header = Array(try encoder.encode(export))
        // Top-level keys are the only lines indented by exactly two spaces, and strings hold no raw newlines, so
        // this finds the empty events array that the streamed events replace.
        let emptyEvents = Array("\n  \"events\" : [\n\n  ]".utf8)
        guard !events.isEmpty else {
            try output(header[...])
            return try output([0x0A])
        }
        // Without the place for them, writing the summary alone would be an export that silently lost every event.
        guard let start = header.firstRange(of: emptyEvents)?.lowerBound else {
            throw EncodingError.invalidValue(
                events,
                EncodingError.Context(
                    codingPath: [], debugDescription: "the encoded export has no events array to put the events in"))
        }
        try output(header[..<start])
        try output(Array("\n  \"events\" : [\n".utf8)[...])
        var piece: [UInt8] = []
        for (index, event) in events.enumerated() {
            piece.removeAll(keepingCapacity: true)
            if index > 0 { piece += [UInt8(ascii: ","), 0x0A] }
            piece += [0x20, 0x20, 0x20, 0x20]
            try EventCodec.appendPretty(for: event, depth: 2, to: &piece)
            try output(piece[...])
        }
        try output(Array("\n  ]".utf8)[...])
        try output(header[(start + emptyEvents.count)...])
        try output([0x0A])
    }
}
