import Foundation
import IncidentKit
import RunbookKit

/// What the walkthrough needs to know about an incident, folded from its events in order.
struct IncidentProgress: Hashable, Sendable {
    var title = ""
    var severity = Severity.p2
    var status = IncidentStatus.investigating
    var runbook = ""
    var drill = false
    var openedAt: Date?
    var lastStatusUpdate: Date?
    var done: [String: Event] = [:]
    var skipped: [String: String] = [:]
    var checked: Set<String> = []

    init(events: [Event]) {
        for event in events { apply(event) }
    }

    /// The key that identifies a step across runbooks.
    static func stepKey(runbook: String, step: String) -> String { "\(runbook)#\(step)" }

    /// The key that identifies a verification item across runbooks.
    static func itemKey(runbook: String, item: Int) -> String { "\(runbook)#\(item)" }

    private mutating func apply(_ event: Event) {
        switch event.kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, _):
            self.title = title
            self.severity = severity
            self.runbook = runbook
            self.drill = drill
            openedAt = event.occurredAt
            lastStatusUpdate = event.occurredAt
        case .runbookSwitched(let runbook):
            self.runbook = runbook
        case .stepDone(let ref):
            let key = Self.stepKey(runbook: ref.runbook, step: ref.step)
            done[key] = event
            skipped[key] = nil
        case .stepSkipped(let ref, let reason):
            let key = Self.stepKey(runbook: ref.runbook, step: ref.step)
            skipped[key] = reason
            done[key] = nil
        case .checklistChecked(let ref):
            checked.insert(Self.itemKey(runbook: ref.runbook, item: ref.item))
        case .checklistUnchecked(let ref):
            checked.remove(Self.itemKey(runbook: ref.runbook, item: ref.item))
        case .statusChanged(let status):
            self.status = status
            lastStatusUpdate = event.occurredAt
        case .severityChanged(let severity):
            self.severity = severity
        case .note, .roleAssigned, .escalated, .commandCopied, .commandRan, .runbookFeedback, .milestone,
            .pinChanged, .exportWritten, .incidentClosed, .reopened:
            break
        }
    }

    func isDone(_ runbook: String, _ step: Step) -> Bool {
        done[Self.stepKey(runbook: runbook, step: step.key)] != nil
    }

    func skipReason(_ runbook: String, _ step: Step) -> String? {
        skipped[Self.stepKey(runbook: runbook, step: step.key)]
    }

    func isChecked(_ runbook: String, _ item: ChecklistItem) -> Bool {
        checked.contains(Self.itemKey(runbook: runbook, item: item.number))
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

    /// The outline: consecutive steps of the same section form a group; the checklist is the last group.
    var outline: [OutlineGroup] {
        var groups: [OutlineGroup] = []
        for (index, step) in steps.enumerated() {
            let name = section(step.section)?.title ?? step.section.rawValue.capitalized
            if let last = groups.last, last.name == name, last.items.upperBound == index {
                groups[groups.count - 1].items = last.items.lowerBound..<(index + 1)
            } else {
                groups.append(OutlineGroup(name: name, items: index..<(index + 1)))
            }
        }
        if !checklist.isEmpty {
            let name = section(.verification)?.title ?? "Verification"
            groups.append(OutlineGroup(name: name, items: steps.count..<(steps.count + checklist.count)))
        }
        return groups
    }
}

extension AppModel {
    /// The incident's progress, folded from its events.
    var progress: IncidentProgress? {
        incident.map { IncidentProgress(events: $0.events) }
    }

    /// The runbook the incident is on, if the library has it.
    var currentRunbook: Runbook? {
        progress.flatMap { library.runbook($0.runbook) }
    }
}
