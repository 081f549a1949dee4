import IncidentModel
import RunbookKit
import Testing

@Suite("Step and checklist references")
struct RunbookReferenceTests {
    static func step(_ section: SectionKind, _ number: Int, _ title: String) -> Step {
        Step(
            key: "\(section.rawValue)-\(number)", section: section, number: number, title: title, body: [],
            location: SourceLocation(file: "r.md", line: 1)
        )
    }

    let runbook = Runbook(
        id: "disk-full", title: "Disk Full", kind: .incident, severity: .p1, sections: [],
        steps: [
            step(.diagnosis, 1, "找出滿的 volume"), step(.diagnosis, 2, "du"), step(.resolution, 1, "Immediate"),
            step(.resolution, 3, "Root cause"), step(.rollback, 3, "Undo"),
        ],
        checklist: [ChecklistItem(number: 1, text: "Disk < 80%", location: SourceLocation(file: "r.md", line: 9))],
        escalation: [], related: [], footer: Footer(), path: "r.md"
    )

    @Test("a key names its step exactly, whatever its case")
    func byKey() throws {
        #expect(
            try RunbookReference.step("Resolution-1", in: runbook)
                == StepRef(runbook: "disk-full", step: "resolution-1", title: "Immediate"))
    }

    @Test("a bare number means the walkthrough step with that number first")
    func byNumber() throws {
        #expect(try RunbookReference.step("1", in: runbook).step == "diagnosis-1")
        #expect(try RunbookReference.step("1", in: runbook).title == "找出滿的 volume")
    }

    @Test("a number only outside the walkthrough must be unique there")
    func ambiguousNumber() {
        #expect(
            throws: RunbookReferenceError.ambiguousStep(
                runbook: "disk-full", query: "3", candidates: ["resolution-3", "rollback-3"])
        ) {
            try RunbookReference.step("3", in: runbook)
        }
    }

    @Test("an unknown step lists the keys there are")
    func unknownStep() {
        let error = #expect(throws: RunbookReferenceError.self) { try RunbookReference.step("9", in: runbook) }
        #expect(
            error?.description
                == "runbook disk-full has no step \"9\"; steps: diagnosis-1, diagnosis-2, resolution-1, resolution-3, rollback-3"
        )
    }

    @Test("a checklist item is found by number, with its text; others are errors giving the range")
    func checklist() throws {
        #expect(
            try RunbookReference.checklistItem(1, in: runbook)
                == ChecklistRef(runbook: "disk-full", item: 1, text: "Disk < 80%"))
        #expect(throws: RunbookReferenceError.noSuchChecklistItem(runbook: "disk-full", item: 2, count: 1)) {
            try RunbookReference.checklistItem(2, in: runbook)
        }
    }
}
