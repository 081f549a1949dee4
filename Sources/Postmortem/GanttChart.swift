import Foundation
import IncidentModel
import RunbookKit

/// The postmortem's timeline picture: a Mermaid gantt chart, which GitHub renders from a `mermaid` code block.
public enum GanttChart {
    /// The chart's lines, fences included: one bar per phase between consecutive milestones that exist (impact
    /// started → detected → acknowledged → mitigated → resolved) and one bar per runbook section with time
    /// charged to it. Bars that would have no length are left out. Times are UTC.
    public static func mermaid(
        milestones: Milestones, sectionTimes: [AdherenceReport.SectionTime], runbooks: [String: Runbook]
    ) -> [String] {
        var lines = [
            "```mermaid",
            "gantt",
            "    title Incident timeline (UTC)",
            "    dateFormat YYYY-MM-DDTHH:mm:ss",
            "    axisFormat %H:%M",
        ]
        let phases = phaseBars(milestones)
        if !phases.isEmpty {
            lines.append("    section Phases")
            lines += phases
        }
        var currentRunbook: String?
        for time in sectionTimes where time.end > time.start {
            if time.runbook != currentRunbook {
                currentRunbook = time.runbook
                lines.append("    section " + label(runbooks[time.runbook]?.title ?? time.runbook))
            }
            lines.append(bar(label(time.title) + " " + DurationFormat.string(time.seconds), time.start, time.end))
        }
        lines.append("```")
        return lines
    }

    private static func phaseBars(_ milestones: Milestones) -> [String] {
        let points: [(String, Date?)] = [
            ("Impact started", milestones.impactStarted),
            ("Detected", milestones.detected),
            ("Acknowledged", milestones.acknowledged),
            ("Mitigated", milestones.mitigated),
            ("Resolved", milestones.resolved),
        ]
        let present = points.compactMap { name, date in date.map { (name, $0) } }
        return zip(present, present.dropFirst()).compactMap { from, to in
            to.1 > from.1 ? bar("\(from.0) → \(to.0.lowercased())", from.1, to.1) : nil
        }
    }

    private static func bar(_ name: String, _ start: Date, _ end: Date) -> String {
        "    \(name) :\(PostmortemTime.mermaid(start)), \(PostmortemTime.mermaid(end))"
    }

    /// A task or section name Mermaid cannot misread: no `:`, `;` or `#`, no line breaks, no control characters.
    static func label(_ text: String) -> String {
        let cleaned = text.unicodeScalars.map { scalar -> String in
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return " " }
            return ":;#".unicodeScalars.contains(scalar) ? " " : String(scalar)
        }.joined()
        let words = cleaned.split(separator: " ").joined(separator: " ")
        return words.isEmpty ? "untitled" : words
    }
}
