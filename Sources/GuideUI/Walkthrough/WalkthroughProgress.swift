import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit

extension IncidentState {
    /// The runbook the incident is on; empty before the incident-opened event is read.
    var runbook: String { currentRunbook ?? "" }

    /// When the incident was opened (acknowledged).
    var openedAt: Date? { opened?.at }

    /// The severity to show: the incident's, or P2 before the incident-opened event is read.
    var shownSeverity: Severity { severity ?? .p2 }

    /// Whether the step is done in that runbook.
    func isDone(_ runbook: String, _ step: Step) -> Bool {
        progress(of: runbook).steps[step.key]?.outcome == .done
    }

    /// Why the step was skipped in that runbook, or nil when it was not.
    func skipReason(_ runbook: String, _ step: Step) -> String? {
        guard case .skipped(let reason) = progress(of: runbook).steps[step.key]?.outcome else { return nil }
        return reason
    }

    /// Whether the verification item is checked in that runbook.
    func isChecked(_ runbook: String, _ item: ChecklistItem) -> Bool {
        progress(of: runbook).checked[item.number] != nil
    }
}

/// One place the walkthrough cursor can be: a step or a verification item.
enum WalkthroughItem: Hashable, Sendable {
    case step(Step)
    case check(ChecklistItem)
}

/// A group of the outline: a section's steps, or the verification checklist.
struct OutlineGroup: Hashable, Sendable {
    var name: String
    /// Indices into the walkthrough items.
    var items: Range<Int>
}

extension Runbook {
    /// The walkthrough's items: every step in order, then the verification checklist.
    var walkthroughItems: [WalkthroughItem] {
        steps.map(WalkthroughItem.step) + checklist.map(WalkthroughItem.check)
    }

    /// The outline: consecutive steps of the same section form a group; the checklist is the last group. Groups
    /// of sections the runbook does not head are named in the words of `words`.
    func outline(_ words: Localizer) -> [OutlineGroup] {
        var groups: [OutlineGroup] = []
        for (index, step) in steps.enumerated() {
            let name = sectionTitle(step.section, words)
            if let last = groups.last, last.name == name, last.items.upperBound == index {
                groups[groups.count - 1].items = last.items.lowerBound..<(index + 1)
            } else {
                groups.append(OutlineGroup(name: name, items: index..<(index + 1)))
            }
        }
        if !checklist.isEmpty {
            let name = sectionTitle(.verification, words)
            groups.append(OutlineGroup(name: name, items: steps.count..<(steps.count + checklist.count)))
        }
        return groups
    }
}

extension AppModel {
    /// The incident's state, folded from its events as they arrived.
    var progress: IncidentState? {
        incident?.state
    }

    /// The runbook the incident is on, if the library has it.
    var currentRunbook: Runbook? {
        progress.flatMap { library.runbook($0.runbook) }
    }
}
