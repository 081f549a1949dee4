import Testing

@testable import RunbookKit

@Suite("Placeholders in alert runbooks")
struct AlertPlaceholderTests {
    @Test(
        "the forms alert runbooks write are placeholders",
        arguments: [
            ("kubectl get pods -n <namespace>", ["namespace"]),
            ("kubectl get pods -n <NAMESPACE>", ["NAMESPACE"]),
            ("ssh <node name> uptime", ["node name"]),
            ("kubectl logs [POD_NAME] -n $NAMESPACE", ["POD_NAME", "NAMESPACE"]),
            ("kubectl logs -n {{ $labels.namespace }} {{ $labels.pod }}", ["namespace", "pod"]),
            ("kubectl get ns ${NAMESPACE}", ["NAMESPACE"]),
        ])
    func found(command: String, names: [String]) {
        #expect(CommandTemplate(code: command).placeholders.map(\.name) == names)
    }

    @Test(
        "what tools print, shortcodes, ERB and character classes are never placeholders",
        arguments: [
            "kubectl get pods | grep '<none>'",
            "cat <stdin>",
            "echo '{{< ref \"other.md\" >}}'",
            "echo <%= node_name %>",
            "grep '[ERROR]' app.log",
            "test [ -f /etc/hosts ]",
            "NAMESPACE=prod; kubectl get pods -n $NAMESPACE",
        ])
    func notFound(command: String) {
        #expect(CommandTemplate(code: command).placeholders.isEmpty)
    }

    @Test("a bracket placeholder is filled like the others")
    func filled() {
        let template = CommandTemplate(code: "kubectl logs [POD_NAME] -n <namespace>")
        #expect(template.filled(with: ["POD_NAME": "api-1", "namespace": "prod"]) == "kubectl logs api-1 -n prod")
    }
}

@Suite("A step's commands and placeholders")
struct StepCommandsTests {
    @Test("a step lists its commands without a transcript's output, and its placeholder names once each")
    func commands() throws {
        let catalog = try Catalog.load(directory: TestPaths.alertLibrary)
        let runbook = try #require(catalog.runbook(id: "KubePodCrashLooping"))
        #expect(runbook.steps[0].commands == ["kubectl get pods -n $NAMESPACE --field-selector=status.phase!=Running"])
        #expect(runbook.steps[0].placeholderNames == ["NAMESPACE"])
        #expect(runbook.steps[2].placeholderNames == ["NAMESPACE", "POD_NAME"])
        #expect(runbook.steps[3].placeholderNames == ["deployment", "namespace"])
    }
}
