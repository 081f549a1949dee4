import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit

/// The postmortem's timeline picture: a Mermaid gantt chart, which GitHub renders from a `mermaid` code block.
public enum GanttChart {
    /// The chart's lines, fences included: one bar per phase between consecutive milestones that exist (impact
    /// started → detected → acknowledged → mitigated → resolved) and one bar per runbook section with time
    /// charged to it. Bars that would have no length are left out. Labels are in `localizer`'s language; times
    /// are local to `clock`'s zone, which the title names.
    public static func mermaid(
        milestones: Milestones, sectionTimes: [AdherenceReport.SectionTime], runbooks: [String: Runbook],
        localizer: Localizer, clock: ZoneClock
    ) -> [String] {
        let words = DraftWords(localizer: localizer, clock: clock)
        let zone = words.zone(at: milestones.start ?? sectionTimes.first?.start ?? Date(timeIntervalSince1970: 0))
        var lines = [
            "```mermaid",
            "gantt",
            "    title " + label(words.tr("pm.gantt.title", ["zone": zone])),
            "    dateFormat YYYY-MM-DDTHH:mm:ss",
            "    axisFormat %H:%M",
        ]
        let phases = phaseBars(milestones, words)
        if !phases.isEmpty {
            lines.append("    section " + label(words.tr("pm.gantt.phases")))
            lines += phases
        }
        var currentRunbook: String?
        for time in sectionTimes where time.end > time.start {
            if time.runbook != currentRunbook {
                currentRunbook = time.runbook
                lines.append("    section " + label(runbooks[time.runbook]?.title ?? time.runbook))
            }
            lines.append(bar(label(time.title) + " " + words.span(time.seconds), time.start, time.end, words))
        }
        lines.append("```")
        return lines
    }

    /// A bar from each milestone that exists to the next that exists: `Detected → acknowledged`.
    private static func phaseBars(_ milestones: Milestones, _ words: DraftWords) -> [String] {
        // Each milestone's name where a bar starts, and where one ends (lower case in English, mid-phrase).
        let points: [(from: String, to: String, at: Date?)] = [
            (words.tr("pm.milestone.impact_started"), "", milestones.impactStarted),
            (words.tr("pm.milestone.detected"), words.tr("pm.gantt.to_detected"), milestones.detected),
            (words.tr("pm.milestone.acknowledged"), words.tr("pm.gantt.to_acknowledged"), milestones.acknowledged),
            (words.tr("pm.milestone.mitigated"), words.tr("pm.gantt.to_mitigated"), milestones.mitigated),
            (words.tr("pm.milestone.resolved"), words.tr("pm.gantt.to_resolved"), milestones.resolved),
        ]
        let present = points.compactMap { point in point.at.map { (point.from, point.to, $0) } }
        return zip(present, present.dropFirst()).compactMap { from, to in
            guard to.2 > from.2 else { return nil }
            return bar(label(words.tr("pm.gantt.phase", ["from": from.0, "to": to.1])), from.2, to.2, words)
        }
    }

    private static func bar(_ name: String, _ start: Date, _ end: Date, _ words: DraftWords) -> String {
        "    \(name) :\(words.mermaidTime(start)), \(words.mermaidTime(end))"
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
