import Foundation
import TestSupport
import Testing

/// `respond start --alert-json` with a payload of several different alerts: in a terminal the guide asks which one,
/// even when the payload arrives through a pipe; without one, the error lists the fingerprints.
@Suite("A payload of several alerts asks which one", .serialized, .temporaryFiles, .tags(.slow))
struct AlertChoiceSessionTests {
    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    private static let payload = """
        {"version":"4","status":"firing","groupKey":"{}:{team=\\"shop\\"}","alerts":[
          {"status":"firing","labels":{"alertname":"DiskAlmostFull","instance":"db-1","severity":"warning"},
           "annotations":{},"startsAt":"2026-12-03T10:00:00Z","fingerprint":"d15c"},
          {"status":"firing","labels":{"alertname":"HighCPUUsage","namespace":"shop","pod":"api-7",
           "severity":"critical"},"annotations":{},"startsAt":"2026-12-03T10:01:00Z","fingerprint":"c9u0"}]}
        """

    private func payloadFile() throws -> String {
        let file = home.path + "/payload.json"
        try Self.payload.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("piped into start --alert-json -, the picker names each alert; the chosen one opens on its runbook")
    func pickerFromPipe() throws {
        var variables = home.variables(actor: "alice")
        variables["RESPOND_RUNBOOKS"] = PackagePaths.shippedRunbooks
        let session = try TmuxSession(
            command:
                "cat \(shellQuoted(try payloadFile())) | \(shellQuoted(PackagePaths.binary)) start --alert-json -; echo EXITED $?",
            variables: variables, directory: home.path)
        let picker = try session.waitFor("start from which alert?")
        #expect(picker.contains("P2  DiskAlmostFull  no runbook  instance=db-1"))
        #expect(picker.contains("P1  HighCPUUsage  → high-cpu-usage  namespace=shop"))
        try session.sendKeys("Enter")
        try session.waitFor("no runbook is for alert DiskAlmostFull")
        #expect(try files.incidentIDs().isEmpty)
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)

        let again = try TmuxSession(
            command:
                "cat \(shellQuoted(try payloadFile())) | \(shellQuoted(PackagePaths.binary)) start --alert-json -; echo EXITED $?",
            variables: variables, directory: home.path)
        try again.waitFor("start from which alert?")
        try again.sendKeys("j")
        try again.sendKeys("Enter")
        try again.waitFor("HighCPUUsage: High CPU Usage")
        let journal = try files.journal()
        let attached = try #require(journal.first { $0["kind"] as? String == "alert-attached" })
        #expect(attached["alertname"] as? String == "HighCPUUsage")
        #expect(attached["fingerprint"] as? String == "c9u0")
        #expect(attached["source"] as? String == "webhook")
        #expect(attached["groupKey"] as? String == "{}:{team=\"shop\"}")
        #expect(journal.first?["severity"] as? String == "P1")
        try again.sendKeys("q")
        try again.waitFor("Enter start")
        try again.sendKeys("q")
        try again.waitFor("EXITED 0", history: true)
    }

    @Test("one alert piped into start --alert-json - opens its walkthrough, which reads its keys from the terminal")
    func oneAlertFromPipe() throws {
        var variables = home.variables(actor: "alice")
        variables["RESPOND_RUNBOOKS"] = PackagePaths.shippedRunbooks
        let single = home.path + "/single.json"
        try #"{"labels":{"alertname":"HighCPUUsage","severity":"critical"},"fingerprint":"c9u0"}"#.write(
            toFile: single, atomically: true, encoding: .utf8)
        let session = try TmuxSession(
            command:
                "cat \(shellQuoted(single)) | \(shellQuoted(PackagePaths.binary)) start --alert-json -; echo EXITED $?",
            variables: variables, directory: home.path)
        try session.waitFor("HighCPUUsage: High CPU Usage")
        try session.sendKeys("q")
        try session.waitFor("Enter start")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
        #expect(try files.kinds().prefix(2) == ["incident-opened", "alert-attached"])
    }

    @Test("without a terminal the payload is refused as before, listing the fingerprints to choose by")
    func withoutTerminal() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["RESPOND_HOME"] = files.home
        environment["RESPOND_RUNBOOKS"] = PackagePaths.shippedRunbooks
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "LC_ALL")
        environment.removeValue(forKey: "RESPOND_LANG")
        let result = try runProcess(
            PackagePaths.binary, ["start", "--alert-json", try payloadFile()], environment: environment)
        #expect(result.status == 64)
        #expect(result.stderr.contains("d15c") && result.stderr.contains("c9u0"))
        #expect(try files.incidentIDs().isEmpty)
    }
}
