import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import Testing

/// A value the journal stored redacted is not a value anyone typed: offering it again would run the command with
/// `[REDACTED]` in it.
@Suite("placeholder values the journal redacted are never offered again")
struct RedactedPlaceholderTests {
    @Test("R skips a recorded value holding [REDACTED] and offers an earlier real value, else the command's default")
    func redactedValueNotOffered() {
        let real = CommandRun(
            command: "kubectl logs -n payments api-1 --tail=50", step: CommandFixtures.firstStep,
            placeholders: ["NAMESPACE": "payments"], exitCode: 0, durationSeconds: 0.3, outputExcerpt: "ok")
        let redacted = CommandRun(
            command: "kubectl logs -n x api-1 --tail=50", step: CommandFixtures.firstStep,
            placeholders: ["NAMESPACE": Redactor.marker], exitCode: 0, durationSeconds: 0.3, outputExcerpt: "ok")
        for (events, offered) in [
            ([EventKind.commandRan(real), .commandRan(redacted)], "payments"),
            ([.commandRan(redacted)], "shop"),
        ] {
            let model = run(CommandFixtures.walkthrough(events: events), keys(.character("R"))).0
            guard case .command(.placeholder(let draft, let index, let editor))? = model.overlay else {
                Issue.record("R did not ask for a placeholder")
                continue
            }
            #expect(draft.template.placeholders[index].name == "NAMESPACE")
            #expect(editor.text == offered)
        }
    }
}
