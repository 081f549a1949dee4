import RunbookKit

/// Why a step or checklist item named on the command line is not in the incident's runbook.
public enum RunbookReferenceError: Error, CustomStringConvertible, Equatable {
    /// No step has that key or number; `available` lists the step keys.
    case noSuchStep(runbook: String, query: String, available: [String])
    /// The number matches several steps outside the walkthrough; `candidates` are their keys.
    case ambiguousStep(runbook: String, query: String, candidates: [String])
    /// The checklist has no item with that number.
    case noSuchChecklistItem(runbook: String, item: Int, count: Int)

    /// What is wrong and what to type instead, in one line.
    public var description: String {
        switch self {
        case .noSuchStep(let runbook, let query, let available):
            "runbook \(runbook) has no step \"\(query)\"; steps: \(available.joined(separator: ", "))"
        case .ambiguousStep(let runbook, let query, let candidates):
            "step \"\(query)\" of runbook \(runbook) could be \(candidates.joined(separator: " or ")); give the key"
        case .noSuchChecklistItem(let runbook, let item, let count):
            count == 0
                ? "runbook \(runbook) has no verification checklist"
                : "runbook \(runbook) has no checklist item \(item); items are 1–\(count)"
        }
    }
}

/// Turns what a responder types (`3`, `diagnosis-3`) into the journal's references to a runbook's parts.
public enum RunbookReference {
    /// The sections whose numbered steps are the walkthrough, so a bare number means one of them first.
    private static let walkthrough: Set<SectionKind> = [.diagnosis, .procedure]

    /// The step with key `query`, else with number `query` (a Diagnosis or Procedure step before any other).
    public static func step(_ query: String, in runbook: Runbook) throws(RunbookReferenceError) -> StepRef {
        let wanted = query.lowercased()
        if let step = runbook.steps.first(where: { $0.key.lowercased() == wanted }) {
            return StepRef(runbook: runbook.id, step: step.key, title: step.title)
        }
        guard let number = Int(query) else {
            throw .noSuchStep(runbook: runbook.id, query: query, available: runbook.steps.map(\.key))
        }
        let numbered = runbook.steps.filter { $0.number == number }
        let preferred = numbered.filter { walkthrough.contains($0.section) }
        for candidates in [preferred, numbered] where !candidates.isEmpty {
            guard candidates.count == 1, let step = candidates.first else {
                throw .ambiguousStep(runbook: runbook.id, query: query, candidates: candidates.map(\.key))
            }
            return StepRef(runbook: runbook.id, step: step.key, title: step.title)
        }
        throw .noSuchStep(runbook: runbook.id, query: query, available: runbook.steps.map(\.key))
    }

    /// The checklist item with 1-based `number`.
    public static func checklistItem(_ number: Int, in runbook: Runbook) throws(RunbookReferenceError) -> ChecklistRef {
        guard let item = runbook.checklist.first(where: { $0.number == number }) else {
            throw .noSuchChecklistItem(runbook: runbook.id, item: number, count: runbook.checklist.count)
        }
        return ChecklistRef(runbook: runbook.id, item: item.number, text: item.text)
    }
}
