import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit
import TerminalText

/// The review as plain text, for pasting into a chat or a ticket: the header, the metrics, the progress, the
/// adherence summary and the timeline table, with the review's default filtering, in the localizer's language.
/// Its times are UTC timestamps, which read the same wherever the text is pasted. Every piece of journal text is
/// sanitized. Pure.
public enum ReviewPlainText {
    /// The review of the incident `incidentID` whose journal is `events`, with the runbooks it refers to looked up
    /// in `runbook`, as of `now`; `includeSystem` adds the system events (exports, copies, pin changes) that the
    /// table hides by default.
    public static func render(
        incidentID: String, events: [Event], runbook: (String) -> Runbook?, now: Date, includeSystem: Bool,
        localizer words: Localizer = Localizer(.english)
    ) -> String {
        let state = IncidentState.fold(events)
        let byID = state.runbooks(lookup: runbook)
        var lines: [String] = []
        lines.append(
            words.tr(
                state.drill ? "ui.plain.incident_drill" : "ui.plain.incident",
                ["id": sanitize(incidentID), "title": sanitize(state.title)]))
        let severity = state.severity?.rawValue ?? "P?"
        let elapsed = ReviewSummary.elapsed(state, now: now).map(words.spoken) ?? "–"
        let closed = state.isClosed ? words.tr("ui.review.closed_suffix") : ""
        lines.append(
            "\(severity) · \(statusName(state.status, words))\(closed) · "
                + words.tr("ui.review.elapsed", ["duration": elapsed]))
        lines.append(words.tr("ui.plain.roles") + ReviewSummary.roles(state, words))
        lines.append(
            words.tr("ui.plain.milestones") + ReviewSummary.milestones(state, words, format: JournalTime.string(from:)))
        lines.append(words.tr("ui.plain.metrics") + ReviewSummary.metrics(state, words))
        lines.append("")
        lines.append(words.tr("ui.review.progress"))
        lines += ReviewSummary.progress(state, runbooks: byID, words).map(plain)
        lines.append("")
        lines += ReviewSummary.adherence(Adherence.report(events: events, runbooks: byID), words).map(plain)
        lines.append("")
        let filter = ReviewFilter(showSystem: includeSystem)
        let shown = filter.admitted(events).map { events[$0] }
        let hidden = events.count - shown.count
        lines.append(
            words.tr("ui.plain.timeline") + (hidden > 0 ? words.tr("ui.plain.system_hidden", count: hidden) : ""))
        lines += table(shown, state: state, start: state.milestones.start ?? events.first?.occurredAt ?? now, words)
        return lines.map(droppingTrailingSpaces)
            .joined(separator: "\n") + "\n"
    }

    /// A summary line with its indentation; headings stand alone, the rest is indented under them.
    private static func plain(_ line: ReviewLine) -> String {
        String(repeating: "  ", count: line.indent) + line.text
    }

    private static func table(_ events: [Event], state: IncidentState, start: Date, _ words: Localizer) -> [String] {
        let phrases = EventPhrases(words)
        let rows = events.map { event -> [String] in
            let pin = state.pinned.contains(event.ref) ? "*" : " "
            return [
                pin + event.ref.label, JournalTime.string(from: event.occurredAt),
                DurationFormat.signed(from: start, to: event.occurredAt), sanitize(event.actor),
                ReviewSummary.text(event, phrases),
            ]
        }
        let header = [
            words.tr("ui.plain.column.seq"), words.tr("ui.plain.column.time"), words.tr("ui.review.column.elapsed"),
            words.tr("ui.review.column.actor"), words.tr("ui.review.column.event"),
        ]
        let widths = (0..<4).map { column in
            ([header] + rows).map { displayWidth(of: $0[column]) }.max() ?? 0
        }
        return ([header] + rows).map { cells in
            (0..<4).map { cells[$0] + String(repeating: " ", count: widths[$0] - displayWidth(of: cells[$0])) }
                .joined(separator: "  ") + "  " + cells[4]
        }
    }
}

/// The line without the spaces that end it, or that end it before a final line break, as the pattern ` +$` and
/// Foundation's regular expressions removed them.
private func droppingTrailingSpaces(_ line: String) -> String {
    let scalars = line.unicodeScalars
    var end = scalars.endIndex
    if let last = scalars.last, isLineTerminator(last) {
        end = scalars.index(before: end)
        if last == "\n", end > scalars.startIndex, scalars[scalars.index(before: end)] == "\r" {
            end = scalars.index(before: end)
        }
    }
    var kept = end
    while kept > scalars.startIndex, scalars[scalars.index(before: kept)] == " " {
        kept = scalars.index(before: kept)
    }
    guard kept < end else { return line }
    return String(String.UnicodeScalarView(scalars[..<kept] + scalars[end...]))
}

private func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
    default: false
    }
}
