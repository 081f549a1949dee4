import Foundation
import TestSupport
import Testing

/// A responder walks a runbook of an alert-runbook library in the guide, then logs a step from the command line
/// and exports the postmortem.
@Suite("A responder walks an alert runbook from a folder library", .serialized, .temporaryFiles, .tags(.slow))
struct AlertRunbookSessionTests {
    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    private var variables: [String: String] {
        var variables = home.variables(actor: "carol")
        variables["RESPOND_RUNBOOKS"] = PackagePaths.alertLibrary
        return variables
    }

    @Test("derived steps in the guide, a console block's output apart from its command, log step, export")
    func walk() throws {
        let session = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) start crashloop --title 'checkout crash'; echo EXITED $?",
            variables: variables, width: 80, height: 24, directory: home.path)
        let first = try session.waitFor("Diagnosis 0/3")
        #expect(first.contains("Diagnosis · 1. Find the pod"))
        #expect(first.contains("kubectl get pods -n $NAMESPACE"))
        #expect(!first.contains("$ kubectl"))
        #expect(first.contains("CrashLoopBackOff"))
        try session.sendKeys("Space")
        try session.waitFor("Diagnosis 1/3")
        try session.waitFor("2. Read the previous container's log")
        try session.sendKeys("q")
        try session.waitFor("Kubernetes workloads")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)

        var environment = ProcessInfo.processInfo.environment
        environment["RESPOND_HOME"] = files.home
        environment["RESPOND_RUNBOOKS"] = PackagePaths.alertLibrary
        environment["RESPOND_ACTOR"] = "carol"
        let logged = try runProcess(
            PackagePaths.binary, ["log", "last", "step", "2", "done"], environment: environment)
        #expect(logged.status == 0, "\(logged.stderr)")
        let mitigation = try runProcess(
            PackagePaths.binary, ["log", "last", "step", "resolution-1", "done"], environment: environment)
        #expect(mitigation.status == 0, "\(mitigation.stderr)")

        let journal = try files.journal()
        let done = journal.filter { $0["kind"] as? String == "step-done" }
        #expect(done.compactMap { $0["step"] as? String } == ["diagnosis-1", "diagnosis-2", "resolution-1"])
        #expect(done.allSatisfy { $0["runbook"] as? String == "KubePodCrashLooping" })

        let exported = try runProcess(PackagePaths.binary, ["export", "last"], environment: environment)
        #expect(exported.status == 0, "\(exported.stderr)")
        let postmortem = try String(
            contentsOfFile: try files.onlyIncidentDirectory() + "/postmortem.md", encoding: .utf8)
        #expect(postmortem.contains("Pod is crash looping"))
        #expect(postmortem.contains("Read the previous container's log"))
        #expect(postmortem.contains("Roll back the last deployment if it started the restarts:"))
    }
}
