import Foundation
import TestSupport
import Testing

@testable import RunbookKit

/// Shapes found in public runbook libraries, each written as a small runbook of our own: what the parser and the
/// step derivation make of them.
@Suite("Shapes of public runbook libraries", .temporaryFiles)
struct LibraryShapeTests {
    private func parse(_ text: String) throws -> Runbook {
        try #require(RunbookParser.parse(text: text, path: "lib/alert.md").runbook)
    }

    @Test("a console transcript's output stays in its command's step when fenced blocks are the steps")
    func transcriptOutputStaysWithItsCommand() throws {
        let runbook = try parse(
            """
            # QueueStalled

            ## Diagnosis

            List the consumers:

            ```console
            $ queuectl consumers
            worker-1 idle
            ```

            Read the broker's log:

            ```shell
            journalctl -u broker -n 20
            ```
            """)
        let steps = runbook.steps.filter { $0.section == .diagnosis }
        #expect(steps.map(\.title) == ["List the consumers:", "Read the broker's log:"])
        #expect(steps[0].codeBlocks.map(\.code) == ["queuectl consumers\n", "worker-1 idle\n"])
        #expect(steps[1].codeBlocks.map(\.code) == ["journalctl -u broker -n 20\n"])
    }

    @Test("the catalog's description keeps a reference link's text and drops its label")
    func referenceLinkInDescription() {
        #expect(
            RunbookHeader.plain("[This alert][QueueStalled] fires when `queuectl` sees no consumer.")
                == "This alert fires when queuectl sees no consumer.")
        #expect(RunbookHeader.plain("See [the guide](https://example.com/guide).") == "See the guide.")
    }

    @Test(
        "a shell or console block that opens with a Prometheus query is a query",
        arguments: [
            "rate(queue_depth[5m]) > 10", "sum by (queue) (rate(messages_total{state=\"dead\"}[5m]))",
            "max without(instance) (queue_depth)", "(queue_depth / queue_capacity) > 0.9",
            "# dead letters\nhistogram_quantile(0.99, sum(rate(handle_seconds_bucket[5m])) by (le))",
            "queue_depth{queue=\"orders\"}", "queue_depth[10m]",
            "// top 5 queues by depth\ntopk(5,\n  sum by (queue) (queue_depth)\n)",
            "# errors\nlabel_replace(\n  sum(rate(errors_total[1d]))\n, \"type\", \"error\", \"_none_\", \"\")",
            "queue_used_bytes * on (namespace, queue) group_left() (queue_used_bytes / queue_max_bytes)",
            "queue_depth / ignoring(instance) queue_capacity",
        ])
    func queries(code: String) {
        #expect(ShellLook.looksLikeQuery(code))
        let block = CodeBlock(language: "console", code: code + "\n", location: SourceLocation(file: "", line: 1))
        #expect(!CommandTemplate.isRunnable(block))
    }

    @Test(
        "shell lines that share a query's first characters are commands",
        arguments: [
            "kubectl get pods", "(cd /srv && ls)", "restart() { systemctl restart queue; }", "names[0]=orders",
            "sort by-date.txt", "echo {a,b}", "(cd / && ls)", "$ rate_check --all", "",
            "restart()\n{\n  systemctl restart queue\n}", "ls * one", "x=1 * on", "cp -r on /tmp",
        ])
    func commands(code: String) {
        #expect(!ShellLook.looksLikeQuery(code))
    }

    @Test("lint leaves a query fenced as shell alone and still reports broken bash by line")
    func lintSkipsQueries() throws {
        let runbook = try parse(
            """
            # QueueStalled

            ## Diagnosis

            ```console
            sum by (queue) (rate(messages_total{state="dead"}[5m]))
            ```

            ```sh
            if true; then
            ```
            """)
        let linter = Linter(checker: BashSyntaxChecker(), today: CalendarDay(year: 2026, month: 12, day: 1))
        let messages = linter.lint(runbook, entry: nil).map { "\($0.location.line): \($0.message)" }
        #expect(!messages.contains { $0.hasPrefix("7:") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("11: sh block does not parse") }, "\(messages)")
    }

    @Test("a Hugo site is read from its content folder: no archetype template, no home page title in the categories")
    func hugoSite() throws {
        let site = try TemporaryDirectory()
        for folder in ["archetypes", "content/alerts/queues", "themes/docs/exampleSite"] {
            try FileManager.default.createDirectory(atPath: site.path + "/" + folder, withIntermediateDirectories: true)
        }
        try site.write("hugo.toml", "title = \"Queue runbooks\"\n")
        try site.write("archetypes/default.md", "---\ntitle: \"{{ .Name }}\"\ndraft: true\n---\n")
        try site.write("themes/docs/exampleSite/Sample.md", "# Sample\n\nA page of the theme.\n")
        try site.write("content/_index.md", "---\ntitle: Welcome\n---\n\n# Welcome\n")
        try site.write("content/alerts/queues/_index.md", "---\ntitle: Queues\nweight: 1\n---\n")
        try site.write("content/alerts/queues/QueueStalled.md", "# QueueStalled\n\n## Mitigation\n\nRestart it.\n")
        try site.write("content/alerts/OrphanQueue.md", "# OrphanQueue\n\n## Mitigation\n\nDelete it.\n")
        let catalog = try Catalog.load(directory: site.path)
        #expect(catalog.categories.map(\.name) == ["alerts", "alerts / Queues"])
        #expect(catalog.categories.flatMap(\.entries).map(\.id) == ["OrphanQueue", "QueueStalled"])
        #expect(catalog.entry(id: "QueueStalled")?.file == "content/alerts/queues/QueueStalled.md")
    }

    @Test("a numbered item that opens with a bullet is titled by the bullet's text, not left untitled")
    func itemOpeningWithBullet() throws {
        let runbook = try parse(
            """
            # QueueStalled

            ## Mitigation

            1. Drain the queue:
            1.   * Keep the drained messages for a replay
            """)
        let titles = runbook.steps.filter { $0.section == .resolution }.map(\.title)
        #expect(titles == ["Drain the queue:", "Keep the drained messages for a replay"])
    }
}
