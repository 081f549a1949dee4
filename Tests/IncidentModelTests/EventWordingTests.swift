import IncidentModel
import Localization
import Testing

@Suite("event wording shared by respond timeline and the postmortem")
struct EventWordingTests {
    /// A wording that brackets each kind of value, to see which parts of a description are values of which kind.
    let marked = EventWording(
        text: { "<\($0)>" }, code: { "[\($0)]" }, strong: { "*\($0)*" }, localizer: Localizer(.english))

    let step = StepRef(runbook: "high-cpu-usage", step: "diagnosis-2", title: "檢查 Node 狀態")

    @Test("plain text writes values as they are, with the same words a marked-up wording puts around them")
    func plainAndMarked() {
        let kinds: [(EventKind, plain: String, marked: String)] = [
            (
                .incidentOpened(title: "CPU 飆高", severity: .p1, runbook: "high-cpu-usage", drill: true, roles: [:]),
                "Incident opened (drill): “CPU 飆高”, P1, runbook high-cpu-usage",
                "Incident opened (drill): “<CPU 飆高>”, P1, runbook [high-cpu-usage]"
            ),
            (
                .stepSkipped(step, reason: "no access"),
                "Step skipped: diagnosis-2 “檢查 Node 狀態” — reason: no access",
                "Step skipped: [diagnosis-2] “<檢查 Node 狀態>” — reason: <no access>"
            ),
            (.statusChanged(.mitigated), "Status → mitigated", "Status → *mitigated*"),
            (
                .runbookFeedback(runbook: "high-cpu-usage", step: "diagnosis-2", text: "needs perms"),
                "Runbook feedback on high-cpu-usage step diagnosis-2: needs perms",
                "Runbook feedback on [high-cpu-usage] step [diagnosis-2]: <needs perms>"
            ),
            (
                .exportWritten(path: "/i/postmortem.md", format: "markdown"),
                "Exported markdown to /i/postmortem.md", "Exported <markdown> to [/i/postmortem.md]"
            ),
        ]
        for (kind, plain, marked) in kinds {
            #expect(EventWording.plain(Localizer(.english)).describe(kind) == plain)
            #expect(self.marked.describe(kind) == marked)
        }
    }

    @Test("a command's outcome is its exit code and duration to one decimal, or why it stopped")
    func commandOutcome() {
        let exited = CommandRun(command: "kubectl get pods", exitCode: 1, durationSeconds: 0.25, outputExcerpt: "")
        let stopped = CommandRun(
            command: "sleep 99", exitCode: nil, durationSeconds: 30, outputExcerpt: "", stoppedBecause: "timed out")
        #expect(
            EventWording.plain(Localizer(.english)).describe(.commandRan(exited))
                == "Ran kubectl get pods → exit 1 in 0.2s")
        #expect(marked.describe(.commandRan(stopped)) == "Ran [sleep 99] → <timed out> after 30.0s")
    }

    @Test("a pinned event is marked with the pin and the emphasized word")
    func pinnedMark() {
        #expect(EventWording.plain(Localizer(.english)).pinnedMark == "⭐ pinned ")
        #expect(marked.pinnedMark == "⭐ *pinned* ")
    }
}
