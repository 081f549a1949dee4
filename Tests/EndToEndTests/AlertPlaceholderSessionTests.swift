import Foundation
import TestSupport
import Testing

/// An incident started from an alert's payload, walked in tmux: the run prompt offers the alert's labels.
@Suite("The run prompt offers an alert's labels", .serialized, .temporaryFiles, .tags(.slow))
struct AlertPlaceholderSessionTests {
    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    private static let payload = """
        {"version":"4","status":"firing","groupKey":"{}:{alertname=\\"KubePodCrashLooping\\"}","alerts":[
          {"status":"firing","labels":{"alertname":"KubePodCrashLooping","namespace":"shop","pod":"cart-5",
           "severity":"warning"},"annotations":{},"startsAt":"2026-12-03T10:00:00Z","fingerprint":"c0ffee"}]}
        """

    @Test("start --alert-json with namespace=shop: R offers shop for $NAMESPACE and the line to confirm holds it")
    func namespacePrefilled() throws {
        let payloadFile = home.path + "/alert.json"
        try Self.payload.write(toFile: payloadFile, atomically: true, encoding: .utf8)
        var variables = home.variables(actor: "alice")
        variables["RESPOND_RUNBOOKS"] = PackagePaths.alertLibrary
        let session = try TmuxSession(
            command:
                "\(shellQuoted(PackagePaths.binary)) start --alert-json \(shellQuoted(payloadFile)); echo EXITED $?",
            variables: variables, directory: home.path)
        try session.waitFor("Diagnosis 0/3")
        try session.sendKeys("R")
        let prompt = try session.waitFor("value for $NAMESPACE (1/1)")
        let field = prompt.split(separator: "\n").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
        }
        #expect(field.contains("shop"), "the field holds the label's value:\n\(prompt)")
        try session.sendKeys("Enter")
        try session.waitFor("run this command?")
        #expect(try session.capture().contains("$ kubectl get pods -n shop --field-selector=status.phase!=Running"))
        try session.sendKeys("Escape")
        try session.waitFor("Diagnosis 0/3")
        try session.sendKeys("q")
        try session.waitFor("Enter start")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
        let kinds = try files.journal().compactMap { $0["kind"] as? String }
        #expect(kinds.contains("alert-attached"))
    }
}
