import Foundation
import IncidentModel
import RunbookKit
import TerminalText

/// The review as plain text, for pasting into a chat or a ticket: the header, the metrics, the progress, the
/// adherence summary and the timeline table, with the review's default filtering. Every piece of journal
/// text is sanitized. Pure.
public enum ReviewPlainText {
    /// The review of the incident `incidentID` whose journal is `events`, with the runbooks it refers to looked up
    /// in `runbook`, as of `now`; `includeSystem` adds the system events (exports, copies, pin changes) that the
    /// table hides by default.
    public static func render(
        incidentID: String, events: [Event], runbook: (String) -> Runbook?, now: Date, includeSystem: Bool
    ) -> String {
        let state = IncidentState.fold(events)
        let byID = state.runbooks(lookup: runbook)
        var lines: [String] = []
        lines.append("Incident \(sanitize(incidentID)): \(sanitize(state.title))\(state.drill ? " (drill)" : "")")
        let severity = state.severity?.rawValue ?? "P?"
        let elapsed = ReviewSummary.elapsed(state, now: now).map { DurationFormat.string($0) } ?? "–"
        lines.append("\(severity) · \(state.status.rawValue)\(state.isClosed ? " · closed" : "") · elapsed \(elapsed)")
        lines.append("Roles: \(ReviewSummary.roles(state))")
        lines.append("Milestones (UTC): " + ReviewSummary.milestones(state, format: JournalTime.string(from:)))
        lines.append("Metrics: " + ReviewSummary.metrics(state))
        lines.append("")
        lines.append("Progress")
        lines += ReviewSummary.progress(state, runbooks: byID).map(plain)
        lines.append("")
        lines += ReviewSummary.adherence(Adherence.report(events: events, runbooks: byID)).map(plain)
        lines.append("")
        let filter = ReviewFilter(showSystem: includeSystem)
        let shown = filter.admitted(events).map { events[$0] }
        let hidden = events.count - shown.count
        lines.append(
            "Timeline"
                + (hidden > 0 ? " (\(hidden) system event\(hidden == 1 ? "" : "s") hidden; --all shows them)" : ""))
        lines += table(shown, state: state, start: state.milestones.start ?? events.first?.occurredAt ?? now)
        return lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }

    /// A summary line with its indentation; headings stand alone, the rest is indented under them.
    private static func plain(_ line: ReviewLine) -> String {
        String(repeating: "  ", count: line.indent) + line.text
    }

    private static func table(_ events: [Event], state: IncidentState, start: Date) -> [String] {
        let rows = events.map { event -> [String] in
            let pin = state.pinnedSeqs.contains(event.seq) ? "*" : " "
            return [
                pin + "#\(event.seq)", JournalTime.string(from: event.occurredAt),
                DurationFormat.signed(from: start, to: event.occurredAt), sanitize(event.actor),
                ReviewSummary.text(event),
            ]
        }
        let header = [" SEQ", "TIME (UTC)", "ELAPSED", "ACTOR", "EVENT"]
        let widths = (0..<4).map { column in
            ([header] + rows).map { displayWidth(of: $0[column]) }.max() ?? 0
        }
        return ([header] + rows).map { cells in
            (0..<4).map { cells[$0] + String(repeating: " ", count: widths[$0] - displayWidth(of: cells[$0])) }
                .joined(separator: "  ") + "  " + cells[4]
        }
    }
}
