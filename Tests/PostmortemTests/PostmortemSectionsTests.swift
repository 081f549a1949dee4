import Foundation
import IncidentModel
import Localization
import Postmortem
import RunbookKit
import Testing

@Suite("The postmortem draft's sections as its readers expect them")
struct PostmortemSectionsTests {
    private static func markdown(_ events: [Event], runbooks: [String: Runbook] = PostmortemFixture.runbooks)
        -> String
    {
        PostmortemRenderer.markdown(
            events: events, runbooks: runbooks,
            incidentID: PostmortemFixture.incidentID, generatedAt: PostmortemFixture.generatedAt,
            localizer: Localizer(.english), clock: .utc, options: PostmortemOptions(includeDiagram: false)
        )
    }

    private static func section(_ title: String, of markdown: String) throws -> String {
        let start = try #require(markdown.range(of: "\n## \(title)\n"))
        let rest = markdown[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    private static func event(_ seq: Int, _ minute: Double, _ kind: EventKind, by actor: String = "alice") -> Event {
        Event(seq: seq, recordedAt: PostmortemFixture.time(minute), actor: actor, kind: kind)
    }

    private static let opened = event(
        1, 0,
        .incidentOpened(
            title: "t", severity: .p2, runbook: "high-cpu-usage", drill: false, roles: [.commander: "carol"]))

    @Test("Impact states the incident's severity first and labels the runbook's as its default")
    func impactSeverity() throws {
        let impact = try Self.section("Impact", of: Self.markdown(PostmortemFixture.events))
        #expect(impact.hasPrefix("\nSeverity: **P1**, raised from P2, the severity it was opened at.\n"))
        #expect(impact.contains("a severity there is the runbook's default, not this incident's"))
        #expect(impact.contains("High CPU Usage (`high-cpu-usage`) defaults to P2"))
    }

    @Test("Impact gives the time at each severity, the last one until the resolution or, while open, until now")
    func severityTimes() throws {
        let resolved = try Self.section("Impact", of: Self.markdown(PostmortemFixture.events))
        #expect(resolved.contains("| P2 | 2026-11-27T00:20:00Z by alice | 2026-11-27T00:25:00Z | 5m 00s |"))
        #expect(
            resolved.contains(
                "| P1 | 2026-11-27T00:25:00Z by carol | resolved 2026-11-27T01:00:00Z | 35m 00s |"))
        let open = try Self.section("Impact", of: Self.markdown([Self.opened]))
        #expect(
            open.contains(
                "| P2 | 2026-11-27T00:20:00Z by alice | still open at 2026-11-27T01:35:00Z | 1h 15m |"))
    }

    @Test("Responders lists everyone who acted or held a role, with roles as they changed hands")
    func responders() throws {
        let responders = try Self.section("Responders", of: Self.markdown(PostmortemFixture.events))
        let rows = responders.split(separator: "\n").filter {
            $0.hasPrefix("| ") && !$0.hasPrefix("| Person") && !$0.hasPrefix("| ---")
        }
        #expect(
            rows.map { $0.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) } == [
                "alice", "carol", "dave", "erin",
            ])
        #expect(responders.contains("| carol | commander until 2026-11-27T00:55:00Z |"))
        #expect(responders.contains("| dave | scribe from 2026-11-27T00:36:00Z (given by carol) | 1 |"))
        #expect(responders.contains("| erin | commander from 2026-11-27T00:55:00Z (given by carol) | 1 |"))
    }

    @Test("system events (copies, exports, pin changes) stay out of the timeline and the responders' counts")
    func systemEvents() throws {
        let markdown = Self.markdown(PostmortemFixture.events)
        let timeline = try Self.section("Timeline", of: markdown)
        #expect(!timeline.contains("Copied"))
        #expect(!timeline.contains("postmortem.md"))
        #expect(!timeline.contains("Pinned event"))
        let rows = timeline.split(separator: "\n").filter { $0.hasPrefix("| 2026") }
        let system = PostmortemFixture.events.filter {
            switch $0.kind {
            case .commandCopied, .exportWritten, .pinChanged, .noteAcknowledged: true
            default: false
            }
        }
        #expect(system.count == 3)
        #expect(rows.count == PostmortemFixture.events.count - system.count)
        let responders = try Self.section("Responders", of: markdown)
        #expect(responders.contains("| erin | commander from 2026-11-27T00:55:00Z (given by carol) | 1 |"))
    }

    @Test("a command of several lines keeps its lines in the timeline's evidence and in Actions taken")
    func multilineCommands() throws {
        let markdown = Self.markdown(PostmortemFixture.events)
        let block = ["```", "# 注意：先確認 HPA 沒有鎖住 replicas", "kubectl scale deploy/checkout --replicas=6 -n shop", "```"]
        let timeline = try Self.section("Timeline", of: markdown)
        #expect(timeline.contains("| alice | Ran the command of 2 lines shown as evidence 1 below → exit 0 in 2.0s |"))
        #expect(
            timeline.contains(
                "### Evidence\n\nEvidence 1: the command run 2026-11-27T00:29:30Z by alice from step `resolution-1` of `high-cpu-usage`:\n\n"
                    + block.joined(separator: "\n")))
        let actions = try Self.section("Actions taken", of: markdown)
        #expect(
            actions.contains(
                "- Ran the command below — exit 0 in 2.0s — 2026-11-27T00:29:30Z by alice\n\n"
                    + block.map { "  " + $0 }.joined(separator: "\n")))
        let html = GFMHTML.render(markdown)
        #expect(
            html.contains(
                "<code># 注意：先確認 HPA 沒有鎖住 replicas\nkubectl scale deploy/checkout --replicas=6 -n shop\n</code>"))
        #expect(!html.contains("replicas kubectl"))
    }

    @Test("a hostile command of several lines cannot close its fence or leave its list item")
    func hostileMultilineCommand() throws {
        let command = "echo ```\n```\n</code></pre><script>x</script>\n- not an item\n## not a heading"
        let run = CommandRun(command: command, exitCode: 0, durationSeconds: 0.1, outputExcerpt: "")
        let markdown = Self.markdown([Self.opened, Self.event(2, 1, .commandRan(run))])
        let html = GFMHTML.render(markdown)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<h2>not a heading</h2>"))
        #expect(!html.contains("<li>not an item"))
        let expected =
            "<code>echo ```\n```\n&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;\n- not an item\n## not a heading\n</code>"
        #expect(
            html.components(separatedBy: expected).count == 4,
            "in the evidence, in Actions taken and among the commands not in the runbook")
    }

    @Test("action items have a type, an owner and a tracking link, and open verification items make one item")
    func actionItems() throws {
        let items = try Self.section("Action items", of: Self.markdown(PostmortemFixture.events))
        #expect(items.contains("| Action | Type | Owner | Tracking | From |"))
        #expect(
            items.contains(
                "| 修正 `ORDER BY` 缺少的 index | prevent | _TODO: owner_ | _TODO: link_ | Root Cause Fix, `high-cpu-usage` |"
            ))
        #expect(
            items.contains("| runbook | _TODO: owner_ | _TODO: link_ | feedback 2026-11-27T00:45:00Z by alice |"))
        let open = items.split(separator: "\n").filter { $0.contains("verification") }
        #expect(
            open == [
                "| Runbook update: 2 verification items were still open at resolution: `high-cpu-usage` 2 “API p99 latency < 500ms”, 3 “No pods in CrashLoopBackOff”; make each checkable or drop it. | runbook | _TODO: owner_ | _TODO: link_ | adherence report |"
            ])
        let html = GFMHTML.render(items)
        let rows = html.components(separatedBy: "<tr>").dropFirst(2)
        #expect(rows.allSatisfy { $0.components(separatedBy: "<td>").count - 1 == 5 })
    }

    @Test("a dozen open verification items are one action item listing them all")
    func dozenOpenItems() throws {
        let here = SourceLocation(file: "r.md", line: 1)
        var runbook = PostmortemFixture.runbook
        runbook.checklist = (1...12).map { ChecklistItem(number: $0, text: "check \($0)", location: here) }
        let items = try Self.section(
            "Action items", of: Self.markdown([Self.opened], runbooks: [runbook.id: runbook]))
        let open = items.split(separator: "\n").filter { $0.contains("verification") }
        #expect(open.count == 1)
        #expect(open.first?.contains("12 verification items were still open when this draft was written") == true)
        #expect(open.first?.contains("1 “check 1”, 2 “check 2”") == true)
        #expect(open.first?.contains("12 “check 12”") == true)
    }

    @Test("a header names the postmortem's status, authors and owner, and Root cause asks five whys")
    func headerAndFiveWhys() throws {
        let markdown = Self.markdown(PostmortemFixture.events)
        #expect(markdown.contains("| Postmortem status | Authors | Owner | Incident date (UTC) |"))
        #expect(
            markdown.contains(
                "| **Draft** | _TODO: who wrote this_ | _TODO: who sees the action items through_ | 2026-11-27 |"))
        let rootCause = try Self.section("Root cause", of: markdown)
        #expect(rootCause.contains("### Five whys\n\n1. Why did “Checkout CPU 飽和” happen? _TODO: because …_\n2. Why?"))
        #expect(rootCause.contains("5. Why? _TODO: because …_"))
    }

    @Test("Resolution names the Resolution steps done and the commands run from them")
    func resolution() throws {
        let resolution = try Self.section("Resolution", of: Self.markdown(PostmortemFixture.events))
        #expect(
            resolution.contains(
                "Mitigated at 2026-11-27T00:40:00Z (35m 00s after impact started); resolved at 2026-11-27T01:00:00Z (55m 00s after impact started)."
            ))
        #expect(
            resolution.contains(
                "- `high-cpu-usage` `resolution-1` “Immediate Actions” — 2026-11-27T00:30:00Z by alice"))
        #expect(resolution.contains("  kubectl scale deploy/checkout --replicas=6 -n shop"))
        #expect(!resolution.contains("rollout restart"))
    }

    @Test("hostile names and text keep every table row to its cells and inject no HTML")
    func hostileTables() throws {
        let hostile = "a|b <script>x</script> *c* [l](u|v) &amp;\n# h"
        let events = [
            Self.event(
                1, 0,
                .incidentOpened(
                    title: hostile, severity: .p2, runbook: "high-cpu-usage", drill: false, roles: [.commander: hostile]
                ),
                by: hostile),
            Self.event(2, 1, .roleAssigned(.scribe, person: hostile), by: hostile),
            Self.event(3, 2, .runbookFeedback(runbook: "high-cpu-usage", step: nil, text: hostile), by: hostile),
            Self.event(4, 3, .severityChanged(.p0), by: hostile),
        ]
        let html = GFMHTML.render(Self.markdown(events))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<em>c</em>"))
        #expect(!html.contains("<h1>h</h1>"))
        let tables = html.components(separatedBy: "<table>").dropFirst()
        #expect(tables.count == 7)
        for table in tables {
            let header = table.components(separatedBy: "<th>").count - 1
            let rows = table.components(separatedBy: "<tr>").dropFirst(2)
            #expect(rows.allSatisfy { $0.components(separatedBy: "<td>").count - 1 == header }, "\(table)")
        }
    }

    @Test("a link destination with a pipe stays in its table cell")
    func destinationPipe() {
        let cell = "[out](\(MarkdownEscape.destination("http://x/a|b")))"
        let html = GFMHTML.render("| a | b |\n| --- | --- |\n| left | \(cell) |\n")
        #expect(html.contains("<td><a href=\"http://x/a%7Cb\">out</a></td>"))
    }
}
