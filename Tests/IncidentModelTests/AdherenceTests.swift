import Foundation
import IncidentModel
import RunbookKit
import Testing

/// A small incident runbook: three diagnosis steps, one resolution step, two verification items.
enum AdherenceRunbook {
    static let location = SourceLocation(file: "high-cpu-usage.md", line: 1)

    static func step(_ section: SectionKind, _ number: Int, _ title: String, code: String) -> Step {
        Step(
            key: "\(section.rawValue)-\(number)", section: section, number: number, title: title,
            body: [.code(CodeBlock(language: "bash", code: code, location: location))], location: location
        )
    }

    static let runbook: Runbook = {
        let steps = [
            step(
                .diagnosis, 1, "Find the hot pods",
                code: "# busiest first\nkubectl top pods -n <namespace> \\\n  --sort-by=cpu\n"),
            step(.diagnosis, 2, "Check the node", code: "kubectl describe node ${NODE}\n"),
            step(.diagnosis, 3, "Profile", code: "curl -s http://{{ host }}/debug/pprof/profile\n"),
            step(.resolution, 1, "Scale out", code: "kubectl scale deploy/$DEPLOYMENT --replicas=6\n"),
        ]
        return Runbook(
            id: "high-cpu-usage", title: "High CPU Usage", kind: .incident, severity: .p2,
            sections: [
                Section(kind: .diagnosis, title: "Diagnosis", blocks: [], location: location),
                Section(kind: .resolution, title: "Resolution", blocks: [], location: location),
            ],
            steps: steps,
            checklist: [
                ChecklistItem(number: 1, text: "CPU < 70%", location: location),
                ChecklistItem(number: 2, text: "No 5xx", location: location),
            ],
            escalation: [], related: [], footer: Footer(), path: "high-cpu-usage.md"
        )
    }()

    static let runbooks = [runbook.id: runbook]

    /// A matcher over the runbook with a fourth diagnosis step whose one block is `code`.
    static func matcher(withStep code: String, titled title: String) -> RunbookCommandMatcher {
        var extended = runbook
        extended.steps.append(step(.diagnosis, 4, title, code: code))
        return RunbookCommandMatcher(runbooks: [extended])
    }
}

@Suite("The adherence report finds each kind of deviation")
struct AdherenceTests {
    private func report(_ journal: JournalBuilder) -> AdherenceReport {
        Adherence.report(events: journal.events, runbooks: AdherenceRunbook.runbooks)
    }

    @Test("a run that follows the runbook in order and checks everything is clean")
    func clean() {
        var journal = JournalBuilder.opened()
        for (minute, key) in ["diagnosis-1", "diagnosis-2", "diagnosis-3", "resolution-1"].enumerated() {
            journal.add(.stepDone(JournalBuilder.step(key)), at: Double(minute + 1))
        }
        journal.add(
            .commandRan(
                CommandRun(
                    command: "kubectl top pods -n shop --sort-by=cpu", exitCode: 0, durationSeconds: 1,
                    outputExcerpt: "")), at: 5)
        journal.add(.checklistChecked(JournalBuilder.item(1)), at: 6)
        journal.add(.checklistChecked(JournalBuilder.item(2)), at: 7)
        journal.add(.statusChanged(.resolved), at: 8)
        let report = report(journal)
        #expect(report.isClean)
        #expect(report.suggestions.isEmpty)
    }

    @Test("a skipped step is reported with its reason and suggests a runbook review")
    func skipped() {
        var journal = JournalBuilder.opened()
        journal.add(.stepSkipped(JournalBuilder.step("diagnosis-2"), reason: "無權限 no node access"), at: 2, by: "bob")
        let report = report(journal)
        #expect(report.skipped.map(\.step) == ["diagnosis-2"])
        #expect(report.skipped.first?.reason == "無權限 no node access")
        #expect(report.skipped.first?.title == "Check the node")
        #expect(report.suggestions.contains { $0.step == "diagnosis-2" && $0.text.contains("無權限 no node access") })
    }

    @Test("a skipped step that was done later is no longer reported as skipped")
    func skippedThenDone() {
        var journal = JournalBuilder.opened()
        journal.add(.stepSkipped(JournalBuilder.step("diagnosis-1"), reason: "later"), at: 1)
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1")), at: 2)
        #expect(report(journal).skipped.isEmpty)
    }

    @Test("a step done before an earlier step that was handled afterwards is out of order")
    func outOfOrder() {
        var journal = JournalBuilder.opened()
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1")), at: 1)
        journal.add(.stepDone(JournalBuilder.step("resolution-1")), at: 2)
        journal.add(.stepDone(JournalBuilder.step("diagnosis-2")), at: 3)
        journal.add(.stepSkipped(JournalBuilder.step("diagnosis-3"), reason: "fixed"), at: 4)
        let report = report(journal)
        #expect(report.outOfOrder.map(\.step) == ["resolution-1"])
        #expect(report.outOfOrder.first?.overtook == ["diagnosis-2", "diagnosis-3"])
        #expect(report.suggestions.contains { $0.step == "resolution-1" })
    }

    @Test("jumping past steps that are never reached is not out of order")
    func notReached() {
        var journal = JournalBuilder.opened()
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1")), at: 1)
        journal.add(.stepDone(JournalBuilder.step("resolution-1")), at: 2)
        #expect(report(journal).outOfOrder.isEmpty)
    }

    @Test(
        "commands match the runbook with placeholders filled in, and others are unlisted",
        arguments: [
            ("kubectl top pods -n shop --sort-by=cpu", true),
            ("kubectl   top pods -n shop \\\n  --sort-by=cpu", true),
            ("kubectl describe node ip-10-0-1-5", true),
            ("curl -s http://api.internal:8080/debug/pprof/profile", true),
            ("kubectl scale deploy/checkout --replicas=6", true),
            ("kubectl scale deploy/checkout --replicas=60", false),
            ("kubectl delete pod checkout-7f9", false),
        ])
    func commands(command: String, listed: Bool) {
        let matcher = RunbookCommandMatcher(runbooks: [AdherenceRunbook.runbook])
        #expect(matcher.contains(command) == listed)
    }

    @Test("a placeholder with a default is a wildcard, and a run filled with its recorded values is listed")
    func filledTemplates() {
        let matcher = AdherenceRunbook.matcher(
            withStep: "kubectl get pods -n ${NAMESPACE:-production}\nkubectl logs <pod-name> --since=10m\n",
            titled: "Logs")
        #expect(matcher.contains("kubectl get pods -n staging"))
        let filled = CommandRun(
            command: "kubectl get pods -n ${NAMESPACE:-production}\nkubectl logs 'api 7f' --since=10m",
            placeholders: ["pod-name": "api 7f"], exitCode: 0, durationSeconds: 1, outputExcerpt: ""
        )
        #expect(matcher.contains(filled))
        #expect(
            !matcher.contains(
                CommandRun(command: "kubectl logs api --since=1h", exitCode: 0, durationSeconds: 1, outputExcerpt: "")))
    }

    @Test("a matcher answers every question alike whether it has read its templates yet or not, and from any thread")
    func matcherAnswersAlikeInAnyOrder() {
        let runs =
            [
                "kubectl top pods -n <namespace> --sort-by=cpu", "kubectl describe node ip-10-0-1-5",
                "kubectl describe node",
                "kubectl scale deploy/checkout --replicas=6", "kubectl delete pod checkout-7f9", "",
            ].map { CommandRun(command: $0, exitCode: 0, durationSeconds: 1, outputExcerpt: "") } + [
                CommandRun(
                    command: "kubectl describe node ip-10-0-1-5", placeholders: ["NODE": "ip-10-0-1-5"], exitCode: 0,
                    durationSeconds: 1, outputExcerpt: ""),
                CommandRun(
                    command: "kubectl describe node 'a b'", placeholders: ["NODE": "a b"], exitCode: 0,
                    durationSeconds: 1, outputExcerpt: ""),
            ]
        let alone = runs.map { RunbookCommandMatcher(runbooks: [AdherenceRunbook.runbook]).contains($0) }
        #expect(alone == [true, true, false, true, false, true, true, true])
        let shared = RunbookCommandMatcher(runbooks: [AdherenceRunbook.runbook])
        #expect(runs.reversed().map(shared.contains) == alone.reversed())
        let concurrent = RunbookCommandMatcher(runbooks: [AdherenceRunbook.runbook])
        let answers = Answers(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { answers.set($0, concurrent.contains(runs[$0])) }
        #expect(answers.values == alone)
    }

    @Test(
        "whitespace compares as one space in commands: tabs, CR LF, no-break and ideographic spaces, and at line ends")
    func whitespaceInCommands() {
        let matcher = AdherenceRunbook.matcher(
            withStep: "\u{3000}# 先看 pods\n\tkubectl get pods -n shop\u{3000}\nkubectl get svc\n", titled: "Pods")
        #expect(matcher.contains("kubectl\tget  pods\r\n-n shop"))
        #expect(matcher.contains("kubectl\u{3000}get\u{00A0}pods -n shop"))
        #expect(matcher.contains("  kubectl get pods -n shop\nkubectl get svc  "))
        #expect(!matcher.contains("kubectl get pods -n shop-2"))
        #expect(!matcher.contains("kubectlget pods -n shop"))
    }

    @Test("a command run that is not in the runbook is reported with the current runbook and suggested")
    func unlistedCommand() {
        var journal = JournalBuilder.opened()
        journal.add(
            .commandRan(
                CommandRun(
                    command: "kubectl delete pod checkout-7f9", exitCode: 0, durationSeconds: 2,
                    outputExcerpt: "deleted")), at: 3, by: "bob")
        journal.add(
            .commandRan(
                CommandRun(command: "kubectl describe node n1", exitCode: 0, durationSeconds: 1, outputExcerpt: "")),
            at: 4)
        let report = report(journal)
        #expect(report.unlistedCommands.map(\.command) == ["kubectl delete pod checkout-7f9"])
        #expect(report.unlistedCommands.first?.runbook == "high-cpu-usage")
        #expect(report.unlistedCommands.first?.stamp.actor == "bob")
        #expect(report.suggestions.contains { $0.text.contains("kubectl delete pod checkout-7f9") })
    }

    @Test("verification items open at resolution are reported even if checked afterwards")
    func openAtResolution() {
        var journal = JournalBuilder.opened()
        journal.add(.checklistChecked(JournalBuilder.item(1)), at: 5)
        journal.add(.statusChanged(.resolved), at: 6)
        journal.add(.checklistChecked(JournalBuilder.item(2)), at: 7)
        let report = report(journal)
        #expect(report.openItemsAtResolution)
        #expect(report.openItems.map(\.item) == [2])
        #expect(report.suggestions.contains { $0.text.contains("No 5xx") && $0.text.contains("at resolution") })
    }

    @Test("without a resolution, the items open now are reported")
    func openNow() {
        var journal = JournalBuilder.opened()
        journal.add(.checklistChecked(JournalBuilder.item(2)), at: 5)
        journal.add(.statusChanged(.resolved), at: 6)
        journal.add(.reopened, at: 7)
        let report = report(journal)
        #expect(!report.openItemsAtResolution)
        #expect(report.openItems.map(\.item) == [1])
    }

    @Test("time per section charges each step event the time since the previous one in its runbook")
    func sectionTimes() throws {
        var journal = JournalBuilder.opened()
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1")), at: 4)
        journal.add(.note(text: "thinking", pinned: false, commander: false), at: 5)
        journal.add(.stepSkipped(JournalBuilder.step("diagnosis-2"), reason: "n/a"), at: 10)
        journal.add(.stepDone(JournalBuilder.step("resolution-1")), at: 25)
        let times = report(journal).sectionTimes
        #expect(times.map(\.section) == [.diagnosis, .resolution])
        let diagnosis = try #require(times.first)
        #expect(diagnosis.seconds == TimeInterval(10 * 60))
        #expect(diagnosis.start == JournalBuilder.time(0))
        #expect(diagnosis.end == JournalBuilder.time(10))
        #expect(times.last?.seconds == TimeInterval(15 * 60))
        #expect(times.last?.start == JournalBuilder.time(10))
    }

    @Test("time in another runbook is not charged to the one switched back to")
    func switchedAway() {
        var journal = JournalBuilder.opened()
        journal.add(.runbookSwitched(runbook: "slow-queries"), at: 2)
        journal.add(.runbookSwitched(runbook: "high-cpu-usage"), at: 30)
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1")), at: 33)
        #expect(report(journal).sectionTimes.first?.seconds == TimeInterval(3 * 60))
    }

    @Test("steps skipped on two machines under the same seqs are listed by seq, then writer, on every fold")
    func skippedStepsOfSeveralWritersInOneOrder() {
        // Seqs count within each writer's file; the fold keeps steps in a dictionary, whose order is the hash's.
        let opened = Event(
            seq: 1, recordedAt: JournalBuilder.time(0), actor: "carol", kind: JournalBuilder.opened)
        var events = [opened]
        for index in 0..<20 {
            for writer in ["laptop-b", "laptop-a"] {
                events.append(
                    Event(
                        seq: index + 2, recordedAt: JournalBuilder.time(Double(index + 1)), actor: writer,
                        kind: .stepSkipped(JournalBuilder.step("\(writer)-\(index)"), reason: "n/a"), writer: writer))
            }
        }
        let skipped = Adherence.report(events: JournalOrder.ordered(events), runbooks: AdherenceRunbook.runbooks)
            .skipped
        #expect(skipped.map(\.stamp.writer) == (0..<20).flatMap { _ in ["laptop-a", "laptop-b"] })
        #expect(skipped.map(\.stamp.seq) == (0..<20).flatMap { [$0 + 2, $0 + 2] })
    }
}

/// Answers written from several threads at once, each to its own slot.
private final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Bool?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Bool) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Bool] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? false }
    }
}
