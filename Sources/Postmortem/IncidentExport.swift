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
        self.init(
            state: state, adherence: Adherence.report(events: events, runbooks: runbooks), runbooks: runbooks,
            incidentID: incidentID, generatedAt: generatedAt)
        self.events = events
    }

    /// The export of the incident folded into `state`, whose adherence report is `adherence`, without its events
    /// (`PostmortemRenderer.writeJSON` writes them as it reads them).
    public init(
        state: IncidentState, adherence: AdherenceReport, runbooks: [String: Runbook], incidentID: String,
        generatedAt: Date
    ) {
        self.incidentID = incidentID
        self.generatedAt = generatedAt
        summary = Summary(
            title: state.title, drill: state.drill, status: state.status, statusHistory: state.statusHistory,
            severity: state.severity, severityHistory: state.severityHistory,
            roles: Dictionary(uniqueKeysWithValues: state.roles.map { ($0.key.rawValue, $0.value) }),
            runbooksUsed: state.runbooksUsed, currentRunbook: state.currentRunbook, opened: state.opened,
            closed: state.closed, reopenings: state.reopenings,
            pinnedSeqs: [], pinned: state.pinned.sorted(),
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
        self.adherence = adherence
        for index in self.adherence.sectionTimes.indices {
            self.adherence.sectionTimes[index].seconds = Self.milliseconds(self.adherence.sectionTimes[index].seconds)
        }
        summary.pinnedSeqs = Array(Self.pinnedSeqs(summary.pinned))
        severityPeriods = Array(Self.severityPeriods(of: state, generatedAt: generatedAt))
        events = []
    }

    /// The seqs of the pinned events of the incident's own file, in order, from all of them in order (`pinned`):
    /// `EventRef` sorts that file's events first, by seq.
    static func pinnedSeqs(_ pinned: [EventRef]) -> LazyMapSequence<LazyFilterSequence<[EventRef]>, Int> {
        pinned.lazy.filter { $0.writer == nil }.map(\.seq)
    }

    /// The export's severity periods of `state`, each made as it is read: the last until the resolution, else the
    /// closing, else `generatedAt`, and durations in milliseconds.
    static func severityPeriods(
        of state: IncidentState, generatedAt: Date
    ) -> LazyMapSequence<Range<Int>, SeverityPeriod> {
        let end = state.milestones.resolved ?? state.closed?.at ?? generatedAt
        return state.severityHistory.indices.lazy.map { index in
            var period = state.severityPeriod(at: index, until: end)
            period.seconds = milliseconds(period.seconds)
            return period
        }
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
        try writeJSON(
            state: state, adherence: Adherence.report(events: events, runbooks: runbooks), runbooks: runbooks,
            incidentID: incidentID, generatedAt: generatedAt, events: { body in try events.forEach(body) }, to: output)
    }

    /// Writes the JSON document of the incident folded into `state`, whose adherence report is `adherence`, to
    /// `output` piece by piece, the events as `walk` passes them in journal order, one at a time: what it holds
    /// follows the summary and one event, not the journal, however the events are read. The summary's lists that
    /// grow with the journal (status and severity changes, pins, severity periods) are written an element at a
    /// time too, so that no encoding of them is held whole.
    public static func writeJSON(
        state: IncidentState, adherence: AdherenceReport, runbooks: [String: Runbook], incidentID: String,
        generatedAt: Date, events walk: ((Event) throws -> Void) throws -> Void,
        to output: (ArraySlice<UInt8>) throws -> Void
    ) throws {
        var export = IncidentExport(
            state: state, adherence: adherence, runbooks: runbooks, incidentID: incidentID, generatedAt: generatedAt)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(PostmortemTime.iso(date))
        }
        // Each list is taken out of the document and written in the place its empty array leaves, at its depth.
        // The lists derived from others are made as they are written.
        let pinned = export.summary.pinned
        let lists: [SplicedList] = [
            SplicedList(
                key: "severityPeriods", depth: 1,
                elements: IncidentExport.severityPeriods(of: state, generatedAt: generatedAt)),
            SplicedList(key: "pinned", depth: 2, elements: pinned),
            SplicedList(key: "pinnedSeqs", depth: 2, elements: IncidentExport.pinnedSeqs(pinned)),
            SplicedList(key: "severityHistory", depth: 2, elements: export.summary.severityHistory),
            SplicedList(key: "statusHistory", depth: 2, elements: export.summary.statusHistory),
        ]
        export.severityPeriods = []
        export.summary.pinned = []
        export.summary.pinnedSeqs = []
        export.summary.severityHistory = []
        export.summary.statusHistory = []
        let header = Array(try encoder.encode(export))
        var places: [(range: Range<Int>, list: SplicedList?)] = []
        for list in lists + [SplicedList(key: "events", depth: 1, elements: [Int]())] {
            // Without the place for them, writing the rest alone would be an export that silently lost them.
            guard let range = header.firstRange(of: list.emptyArray) else {
                throw EncodingError.invalidValue(
                    incidentID,
                    EncodingError.Context(
                        codingPath: [], debugDescription: "the encoded export has no \(list.key) array to fill"))
            }
            places.append((range, list.key == "events" ? nil : list))
        }
        var written = header.startIndex
        for (range, list) in places.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            try output(header[written..<range.lowerBound])
            if let list {
                try list.write(encoder, to: output)
            } else {
                try writeEvents(walk, to: output)
            }
            written = range.upperBound
        }
        try output(header[written...])
        try output([0x0A])
    }

    /// Writes the events array as `walk` passes the events, one at a time, in the place of the export's
    /// top-level empty `events` array.
    private static func writeEvents(
        _ walk: ((Event) throws -> Void) throws -> Void, to output: (ArraySlice<UInt8>) throws -> Void
    ) throws {
        var piece: [UInt8] = []
        var written = 0
        // The walk calls back into `output` only while it runs: nothing keeps either.
        try withoutActuallyEscaping(output) { output in
            try walk { event in
                piece.removeAll(keepingCapacity: true)
                piece += written == 0 ? Array("\n  \"events\" : [\n".utf8) : [UInt8(ascii: ","), 0x0A]
                piece += [0x20, 0x20, 0x20, 0x20]
                try EventCodec.appendPretty(for: event, depth: 2, to: &piece)
                try output(piece[...])
                written += 1
            }
        }
        try output(written == 0 ? Array("\n  \"events\" : [\n\n  ]".utf8)[...] : Array("\n  ]".utf8)[...])
    }
}

/// A list of the export written an element at a time where its key's empty array is in the encoded document.
private struct SplicedList {
    /// The member's key.
    let key: String
    /// How deep the object holding the member is: 1 for the document's own members.
    let depth: Int
    /// Passes each element, encoded at the top level, to its argument; the list stays typed, each element boxed
    /// by none, and a lazy list is made only as it is written.
    let encodeEach: (JSONEncoder, (Data) throws -> Void) throws -> Void

    init<Elements: Sequence>(key: String, depth: Int, elements: Elements) where Elements.Element: Encodable {
        self.key = key
        self.depth = depth
        encodeEach = { encoder, body in
            for element in elements { try body(try encoder.encode(element)) }
        }
    }

    /// The member with an empty array, as `JSONEncoder` pretty-prints it `depth` levels deep.
    var emptyArray: [UInt8] {
        let indent = String(repeating: "  ", count: depth)
        return Array("\n\(indent)\"\(key)\" : [\n\n\(indent)]".utf8)
    }

    /// Writes the member with its elements, as `JSONEncoder` pretty-prints the whole, one element at a time.
    func write(_ encoder: JSONEncoder, to output: (ArraySlice<UInt8>) throws -> Void) throws {
        let indent = String(repeating: "  ", count: depth)
        let elementIndent = Array(repeating: UInt8(ascii: " "), count: 2 * (depth + 1))
        var written = 0
        try encodeEach(encoder) { element in
            let opening = written == 0 ? Array("\n\(indent)\"\(key)\" : [\n".utf8) : [UInt8(ascii: ","), 0x0A]
            try output((opening + elementIndent)[...])
            try output(PrettyJSONSplice.indented(element, depth: depth + 1)[...])
            written += 1
        }
        try output(written == 0 ? emptyArray[...] : Array("\n\(indent)]".utf8)[...])
    }
}
