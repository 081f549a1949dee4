import Testing

@testable import Alerts

@Suite("An alert finds its runbook by runbook_url, by Detection, by name, and never by a guess")
struct AlertRunbookMatcherTests {
    private let matcher = AlertRunbookMatcher(targets: [
        AlertTarget(id: "high-cpu-usage", path: "high-cpu-usage.md", alerts: ["HighCPUUsage", "CPUThrottlingHigh"]),
        AlertTarget(
            id: "kubernetes/KubeAPIDown", path: "kubernetes/KubeAPIDown.md", alerts: [], names: ["KubeAPIDown"]),
        AlertTarget(
            id: "openshift/KubeAPIDown", path: "openshift/KubeAPIDown.md", alerts: [], names: ["KubeAPIDown"]),
        AlertTarget(id: "disk-full", path: "storage/disk-full.md", alerts: ["NodeDiskFull"], names: ["Disk Full"]),
    ])

    private func alert(_ name: String, url: String? = nil) -> Alert {
        Alert(labels: ["alertname": name], annotations: url.map { ["runbook_url": $0] } ?? [:])
    }

    @Test("Any of the alerts a runbook's Detection names leads to it, in any case")
    func detectionNames() {
        #expect(matcher.match(name: "HighCPUUsage") == .runbook(id: "high-cpu-usage", by: .detection))
        #expect(matcher.match(name: "cputhrottlinghigh") == .runbook(id: "high-cpu-usage", by: .detection))
        #expect(matcher.match(alert("NODEDISKFULL")) == .runbook(id: "disk-full", by: .detection))
    }

    @Test("Else an id, title, alias or H1 equal to the name")
    func names() {
        #expect(matcher.match(name: "disk full") == .runbook(id: "disk-full", by: .name))
        #expect(matcher.match(name: "storage/disk-full") == .none(closest: ["disk-full"]))
        #expect(matcher.match(name: "DISK-FULL") == .runbook(id: "disk-full", by: .name))
    }

    @Test("The same alert name in two folders is ambiguous by name and told apart by runbook_url")
    func foldersByURL() {
        #expect(
            matcher.match(name: "KubeAPIDown") == .ambiguous(ids: ["kubernetes/KubeAPIDown", "openshift/KubeAPIDown"]))
        #expect(
            matcher.match(
                alert("KubeAPIDown", url: "https://github.com/acme/runbooks/blob/main/openshift/KubeAPIDown.md"))
                == .runbook(id: "openshift/KubeAPIDown", by: .runbookURL))
        #expect(
            matcher.match(alert("KubeAPIDown", url: "https://runbooks.acme.dev/runbooks/kubernetes/kubeapidown/"))
                == .runbook(id: "kubernetes/KubeAPIDown", by: .runbookURL))
    }

    @Test("A runbook_url no file matches falls back to the name")
    func unknownURL() {
        #expect(
            matcher.match(alert("HighCPUUsage", url: "https://wiki.example/pages/12345"))
                == .runbook(id: "high-cpu-usage", by: .detection))
    }

    @Test("An alert no runbook names is no match, with the closest runbooks suggested")
    func unknown() {
        #expect(matcher.match(name: "HighCPUUsag") == .none(closest: ["high-cpu-usage"]))
        #expect(matcher.match(name: "TotallyDifferentThing") == .none(closest: []))
        #expect(matcher.match(name: "") == .none(closest: []))
    }

    @Test("URL paths are folded: scheme, host, query, fragment, .md and index endings dropped")
    func pathParts() {
        #expect(AlertRunbookMatcher.pathParts("https://h/a/B-C.md?x=1#y") == ["a", "bc"])
        #expect(AlertRunbookMatcher.pathParts("docs/x/_index.md") == ["docs", "x"])
        #expect(AlertRunbookMatcher.pathParts("https://h/a%20b/") == ["ab"])
    }
}
