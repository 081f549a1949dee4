import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import Testing

/// An incident opened from an alert already knows the values its labels name: the run prompt offers them first.
@Suite("an attached alert's labels fill the run prompt's placeholders")
struct AlertPlaceholderTests {
    private static let alert = AlertRecord(
        name: "KubePodCrashLooping",
        labels: ["alertname": "KubePodCrashLooping", "Namespace": "checkout", "pod_name": "api-7"], fingerprint: "f1",
        source: "webhook")

    private func prompt(_ model: AppModel) -> (name: String, text: String)? {
        guard case .command(.placeholder(let draft, let index, let editor))? = model.overlay else { return nil }
        return (draft.template.placeholders[index].name, editor.text)
    }

    @Test("${NAMESPACE:-shop} offers the Namespace label over the runbook's default; without an alert, the default")
    func labelOverRunbookDefault() {
        let fromAlert = run(CommandFixtures.walkthrough(events: [.alertAttached(Self.alert)]), keys(.character("R")))
        #expect(prompt(fromAlert.0)?.name == "NAMESPACE")
        #expect(prompt(fromAlert.0)?.text == "checkout")
        #expect(prompt(run(CommandFixtures.walkthrough(), keys(.character("R"))).0)?.text == "shop")
    }

    @Test("<pod-name> takes the pod_name label; the responder can change a value and the run records what was used")
    func podNameFromLabelAndRecorded() throws {
        var model = CommandFixtures.walkthrough(events: [.alertAttached(Self.alert)])
        (model, _) = run(model, keys(.tab, .character("R"), .enter))
        #expect(prompt(model)?.name == "pod-name")
        #expect(prompt(model)?.text == "api-7")
        (model, _) = run(model, keys(.control("u")) + typing("api-8") + keys(.enter))
        let effects = run(model, keys(.enter)).1
        let request = try #require(
            effects.joined().compactMap { effect -> CommandRunRequest? in
                if case .runCommand(let request) = effect { return request }
                return nil
            }.first)
        #expect(request.placeholders == ["NAMESPACE": "checkout", "pod-name": "api-8"])
        #expect(request.commandLine == "kubectl logs -n checkout api-8 --tail=50")
    }

    @Test("a value used earlier in the incident comes before the label")
    func usedValueFirst() {
        let earlier = CommandRun(
            command: "kubectl get pods -n payments", step: CommandFixtures.firstStep,
            placeholders: ["NAMESPACE": "payments"], exitCode: 0, durationSeconds: 0.1, outputExcerpt: "")
        let model = CommandFixtures.walkthrough(events: [.alertAttached(Self.alert), .commandRan(earlier)])
        #expect(prompt(run(model, keys(.character("R"))).0)?.text == "payments")
    }

    @Test("a value used for $NAMESPACE is offered for <namespace> or ${namespace}: the same name in another spelling")
    func valueOfferedUnderAnotherSpelling() {
        let earlier = CommandRun(
            command: "kubectl get pods -n payments", step: CommandFixtures.firstStep,
            placeholders: ["namespace": "payments"], exitCode: 0, durationSeconds: 0.1, outputExcerpt: "")
        let model = CommandFixtures.walkthrough(events: [.commandRan(earlier)])
        #expect(prompt(run(model, keys(.character("R"))).0)?.name == "NAMESPACE")
        #expect(prompt(run(model, keys(.character("R"))).0)?.text == "payments")
    }
}
