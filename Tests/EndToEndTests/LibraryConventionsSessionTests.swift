import Foundation
import TestSupport
import Testing

/// A responder opens a library kept in other teams' conventions and walks one runbook of each way of writing
/// steps in one incident, switching runbooks with `r`; the commander's review, `log step`, the adherence report
/// and the postmortem then name the steps as they were derived.
@Suite("A responder walks a library in other conventions", .serialized, .temporaryFiles, .tags(.slow))
struct LibraryConventionsSessionTests {
    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    private var variables: [String: String] {
        var variables = home.variables(actor: "dana")
        variables["RESPOND_RUNBOOKS"] = PackagePaths.conventionsLibrary
        return variables
    }

    /// `respond ARGS` in a pane that prints the exit status when it ends.
    private func start(_ arguments: String) throws -> TmuxSession {
        try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) \(arguments); echo EXITED $?", variables: variables,
            width: 80, height: 24, directory: home.path)
    }

    /// `respond ARGUMENTS` as a second process on the session's incident home.
    private func respond(_ arguments: [String]) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(variables) { $1 }
        return try runProcess(PackagePaths.binary, arguments, environment: environment)
    }

    /// Opens the runbook picker and moves its selection to `title`.
    private func switchRunbook(_ session: TmuxSession, to title: String) throws {
        try session.sendKeys("r")
        let picker = try session.waitFor("↑↓ choose")
        let options = rows(of: picker).filter { $0.contains("│ ▸ ") || $0.contains("│   ") }
        let selected = try #require(options.firstIndex { $0.contains("▸") })
        let wanted = try #require(options.firstIndex { $0.contains(title) }, "\(picker)")
        for _ in selected..<wanted { try session.sendKeys("j") }
        try session.waitFor("▸ \(title)")
        try session.sendKeys("Enter")
        try session.waitUntil("the walkthrough shows \(title)") { !$0.contains("↑↓ choose") && $0.contains(title) }
    }

    /// Runs the selected command of the step, answering each placeholder prompt in turn with the value given (nil
    /// keeps the value offered), and waits for its exit; returns the confirmation's screen.
    @discardableResult
    private func run(_ session: TmuxSession, answers: [(prompt: String, value: String?)]) throws -> String {
        try session.sendKeys("R")
        for answer in answers {
            try session.waitFor("value for \(answer.prompt)")
            if let value = answer.value {
                try session.sendKeys("C-u")
                try session.type(value)
            }
            try session.sendKeys("Enter")
        }
        let confirmation = try session.waitFor("run this command?")
        try session.sendKeys("Enter")
        try session.waitUntil("the command exits and its run is saved") {
            $0.contains("exit 0") && $0.contains("saved")
        }
        try session.sendKeys("q")
        try session.waitFor("Space done · s skip")
        return confirmation
    }

    @Test("the catalog: folders named by their _index titles in weight order, one name in two folders, a moved stub")
    func catalog() throws {
        let session = try start("")
        let screen = rows(of: try session.waitFor("Moved elsewhere"))
        let headings = [
            " Networking", " Networking / Ingress", " Databases", " zh-hans", " zh-hant", " Moved elsewhere",
        ]
        let places = headings.compactMap { heading in screen.firstIndex { $0 == heading } }
        #expect(places.count == headings.count && places == places.sorted(), "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("Resolver lookups time out") })
        #expect(screen.filter { $0.contains("BackendUnavailable") }.count == 2)
        #expect(screen.contains { $0.contains("moved to https://handbook.example.com") })
        #expect(!screen.contains { $0.contains("proc ") }, "alert runbooks are not procedures")

        try session.sendKeys("G", "Enter")
        try session.waitFor("start an incident")
        try session.sendKeys("Enter")
        let stub = try session.waitFor("this runbook has moved to https://handbook.example.com/storage/disk-full")
        #expect(stub.contains("a stub, not a runbook to walk"))
        #expect(!stub.contains("no steps"))
        try session.sendKeys("q")
        try session.waitFor("Enter start")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
    }

    @Test(
        "one incident across the conventions: steps done, skipped and run, values offered again, then log step, the review, the adherence report and the export"
    )
    func walk() throws {
        let session = try start("start dns-timeouts --title 'resolver and replicas'")

        // TOML front matter, ### headings numbered 1) and A), $NAMESPACE then <namespace>.
        let first = try session.waitFor("Diagnosis 0/2")
        #expect(first.contains("Resolver lookups time out"))
        #expect(first.contains("Diagnosis · 1. Check the resolver pods"))
        #expect(!first.contains("{#check-pods}") && !first.contains("+++") && !first.contains("title ="))
        let confirmation = try run(session, answers: [("$NAMESPACE (1/1)", "shop")])
        #expect(confirmation.contains("$ echo \"resolver pods in shop\""))
        try session.sendKeys("Space")
        try session.waitFor("Diagnosis 1/2")
        try session.sendKeys("R")
        let offered = try session.waitFor("value for <namespace> (1/1)")
        #expect(offered.contains("│ shop "), "the value given for $NAMESPACE is offered:\n\(offered)")
        try session.sendKeys("Escape")
        try session.waitUntil("the prompt closes") { !$0.contains("value for") }
        try session.sendKeys("s")
        try session.waitFor("why skip this step?")
        try session.type("resolver answered")
        try session.sendKeys("Enter")
        let mitigation = try session.waitFor("Mitigation 0/2")
        #expect(mitigation.contains("Mitigation · 1. Restart the resolver"))

        // Top-level numbered items with nested code blocks, <namespace> offered again, [CERT_NAME].
        try switchRunbook(session, to: "Certificate renewal is stuck")
        let certificate = try session.waitFor("Troubleshooting 0/3")
        #expect(certificate.contains("Troubleshooting · 1. List the certificates that are not ready:"))
        try run(session, answers: [("<namespace> (1/1)", nil)])
        try session.sendKeys("Space")
        try session.waitFor("Troubleshooting 1/3")
        let issuer = try run(session, answers: [("[CERT_NAME] (1/1)", "ingress-tls")])
        #expect(issuer.contains("$ echo issuer events for ingress-tls"))
        try session.sendKeys("Space")
        try session.waitFor("Troubleshooting 2/3")

        // Bullets carrying commands: an inline kubectl with {{ $labels.namespace }}, a fenced block with [POD_NAME].
        try switchRunbook(session, to: "Replica is lagging")
        let replica = try session.waitFor("Diagnosis 0/2")
        #expect(replica.contains("The lag grows during the nightly batch jobs."))
        #expect(replica.contains("kubectl get pods -n {{ $labels.namespace }} -l role=replica"))
        try session.sendKeys("R")
        let labelled = try session.waitFor("(1/1)")
        #expect(labelled.contains("│ shop "), "the namespace is offered again:\n\(labelled)")
        try session.sendKeys("Enter")
        try session.waitFor("$ kubectl get pods -n shop -l role=replica")
        try session.sendKeys("Escape")
        try session.waitUntil("the confirmation closes") { !$0.contains("run this command?") }
        try session.sendKeys("Space")
        try session.waitFor("Diagnosis 1/2")
        try run(session, answers: [("[POD_NAME] (1/1)", "replica-2")])

        // Fenced blocks titled by the paragraph before them; a console block's output shown, never run.
        try switchRunbook(session, to: "Nightly backup is missing")
        let backup = try session.waitFor("Diagnosis 0/2")
        #expect(backup.contains("Diagnosis · 1. Look for the last backup job and its state:"))
        #expect(backup.contains("echo \"backup-2026-12-02 Complete\""))
        #expect(backup.contains("backup-2026-12-03 Failed"))
        #expect(!backup.contains("$ echo"))
        try session.sendKeys("Tab")
        try session.waitFor("▶ [2/2] output")
        try session.sendKeys("R")
        try session.waitFor("this block is output or not shell commands")
        try session.sendKeys("Space")
        try session.waitFor("Diagnosis 1/2")

        // Simplified, then Traditional Chinese section names.
        try switchRunbook(session, to: "消息队列积压")
        let simplified = try session.waitFor("诊断 0/2")
        #expect(simplified.contains("诊断 · 1. 查看消费者组的延迟"))
        try session.sendKeys("Space")
        try session.waitFor("诊断 1/2")
        try switchRunbook(session, to: "快取淘汰過多")
        let traditional = try session.waitFor("診斷 0/2")
        #expect(traditional.contains("診斷 · 1. 查看快取的記憶體用量"))
        try session.sendKeys("q")
        try session.waitFor("Enter start")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)

        // log step N reads the step of the runbook the incident is on now.
        let logged = try respond(["log", "last", "step", "2", "done"])
        #expect(logged.status == 0, "\(logged.stderr)")
        let journal = try files.journal()
        let done = journal.filter { $0["kind"] as? String == "step-done" }.map {
            "\($0["runbook"] as? String ?? "")/\($0["step"] as? String ?? "")"
        }
        #expect(
            done == [
                "ResolverTimeouts/diagnosis-1", "CertificateRenewalStuck/diagnosis-1",
                "CertificateRenewalStuck/diagnosis-2", "ReplicaLagging/diagnosis-1", "BackupMissing/diagnosis-1",
                "QueueBacklog/diagnosis-1", "CacheEvictions/diagnosis-2",
            ])
        let ran = journal.filter { $0["kind"] as? String == "command-ran" }
        #expect(
            ran.compactMap { $0["placeholders"] as? [String: String] } == [
                ["NAMESPACE": "shop"], ["namespace": "shop"], ["CERT_NAME": "ingress-tls"], ["POD_NAME": "replica-2"],
            ])

        let review = try respond(["review", "last", "--plain"])
        #expect(review.status == 0, "\(review.stderr)")
        for expected in [
            "done: Check the resolver pods", "skipped: Query the resolver from the namespace",
            "done: Read the issuer's events:", "done: 查看消费者组的延迟", "done: 找出最大的鍵", "resolver answered",
        ] {
            #expect(review.stdout.contains(expected), "review lacks \(expected):\n\(review.stdout)")
        }

        let exported = try respond(["export", "last"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let postmortem = try String(
            contentsOfFile: try files.onlyIncidentDirectory() + "/postmortem.md", encoding: .utf8)
        for expected in [
            "Query the resolver from the namespace", "resolver answered", "Look for the last backup job and its state:",
            "echo cancelling the blocking query on replica-2", "找出最大的鍵",
        ] {
            #expect(postmortem.contains(expected), "the postmortem lacks \(expected)")
        }
    }
}

/// A screen's rows, each without its trailing spaces.
private func rows(of screen: String) -> [String] {
    screen.split(separator: "\n", omittingEmptySubsequences: false).map { row in
        var text = String(row)
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// `list --json` and `show --json` on the same library: the ids, the steps derived and what each step runs.
@Suite("respond list and show on a library in other conventions", .temporaryFiles, .tags(.slow))
struct LibraryConventionsCommandTests {
    private func json(_ arguments: [String]) throws -> [String: Any] {
        let output = try runProcess(
            PackagePaths.binary, arguments + ["--json", "--runbooks", PackagePaths.conventionsLibrary])
        #expect(output.status == 0, "\(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    private func steps(_ id: String) throws -> [[String: Any]] {
        try #require(try json(["show", id])["steps"] as? [[String: Any]])
    }

    @Test("list: categories by _index title and weight, a folder path in the ids of one name, the stub apart")
    func list() throws {
        let categories = try #require(try json(["list"])["categories"] as? [[String: Any]])
        #expect(
            categories.compactMap { $0["name"] as? String } == [
                "Networking", "Networking / Ingress", "Databases", "zh-hans", "zh-hant", "Moved elsewhere",
            ])
        let ids = categories.flatMap { ($0["runbooks"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(ids.contains("network/ingress/BackendUnavailable") && ids.contains("databases/BackendUnavailable"))
        #expect(ids.last == "DiskAlmostFull")
    }

    @Test("show: A) is not part of a step's title; a console block's output is neither a step nor a command")
    func show() throws {
        let resolver = try steps("ResolverTimeouts")
        #expect(resolver.compactMap { $0["title"] as? String }.last == "Tell the network team")
        #expect(resolver.compactMap { $0["placeholders"] as? [String] }.prefix(2) == [["NAMESPACE"], ["namespace"]])
        let backup = try steps("BackupMissing")
        #expect(
            backup.compactMap { $0["title"] as? String } == [
                "Look for the last backup job and its state:", "Read the failed job's log:", "Mitigation",
            ])
        #expect(backup.first?["commands"] as? [String] == ["echo \"backup-2026-12-02 Complete\""])
    }
}
