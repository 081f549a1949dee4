import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame
import TerminalText
import TestSupport
import Testing

/// Details of the layout that a responder notices: markers that leave the text readable, an id shortened the
/// way it still says something, the line that holds a placeholder, and a readable measure on a wide terminal.
@Suite("layout details: scroll marker, status bar id, placeholder line, wide terminals")
struct LayoutDetailsTests {
    static let sizes = [(80, 24), (40, 12)]

    /// A timeline of 30 long notes, scrolled to the newest: earlier entries are above the window.
    static func scrolledTimeline(width: Int, height: Int) -> AppModel {
        var model = Fixtures.walkthrough(width: width, height: height)
        for index in 1...30 {
            let text = "第 \(index) 次觀察：checkout-api 的 p99 latency 仍高於 3 秒，連線池使用率 95%"
            let (next, effects) = run(model, keys(.character("n")) + typing(text) + keys(.enter))
            model = answer(next, effects.last?.first)
        }
        return run(model, keys(.character("t"))).0
    }

    @Test(
        "the timeline's ↑ earlier marker has the first row's end to itself: text that would run under it is cut with …",
        arguments: sizes)
    func timelineMarker(width: Int, height: Int) throws {
        let newest = Self.scrolledTimeline(width: width, height: height)
        expectGolden(view(newest), "timeline-scrolled-\(width)x\(height)")
        var model = newest
        // At each offset the first row's text is compared with the same row one scroll later, when it is the
        // second row and has no marker: what the marker row shows of it is all of it, or cut with an ellipsis.
        for _ in 0..<12 {
            let rows = view(model).textLines
            model = run(model, keys(.character("k"))).0
            let full = view(model).textLines[2]
            let first = rows[1]
            let marker = try #require(first.firstMatch(of: #/ ↑ \d+ earlier /#), "no marker: \(first)")
            let shown = String(first[..<marker.range.lowerBound]).replacingOccurrences(
                of: #"\s+$"#, with: "", options: .regularExpression)
            let whole = full.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
            // A wide character that does not fit before the ellipsis leaves a blank column.
            let kept = shown.dropLast().replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
            #expect(
                shown == whole || (shown.hasSuffix("…") && whole.hasPrefix(kept)),
                "the marker hides text: \(first) / \(full)")
        }
    }

    /// The walkthrough of an incident with this id, at this width.
    static func walkthrough(id: String, width: Int) -> Frame {
        let model = update(
            Fixtures.model(width: width, height: 24), .incidentOpened(id: id, events: [Fixtures.openedEvent()])
        ).0
        return view(model)
    }

    @Test("at 80 columns the status bar shows the id without its runbook part rather than cutting it")
    func shortIncidentID() throws {
        let bar = try #require(
            Self.walkthrough(id: "20261127T0351Z-high-cpu-usage", width: 80).textLines.dropLast().last)
        #expect(bar.hasPrefix(" 20261127T0351Z │ P1 │"), "\(bar)")
        #expect(!bar.contains("…"))
        let second = try #require(
            Self.walkthrough(id: "20261127T0351Z-high-cpu-usage-2", width: 80).textLines.dropLast().last)
        #expect(second.hasPrefix(" 20261127T0351Z-2 │ P1 │"), "\(second)")
        let wide = try #require(
            Self.walkthrough(id: "20261127T0351Z-high-cpu-usage", width: 120).textLines.dropLast().last)
        #expect(wide.hasPrefix(" 20261127T0351Z-high-cpu-usage │ P1 │"), "\(wide)")
    }

    @Test("an id of another form is still cut with an ellipsis")
    func otherIDsAreCut() throws {
        let bar = try #require(
            Self.walkthrough(id: "checkout-cpu-during-black-friday-sale", width: 80).textLines.dropLast().last)
        #expect(bar.hasPrefix(" checkout-cpu"), "\(bar)")
        #expect(bar.contains("…"))
    }

    /// A runbook whose one command runs over several lines, the placeholder on a long line far from its start.
    static let scriptRunbook = Runbook(
        id: "drain-node", title: "Drain Node", kind: .procedure, severity: .p2,
        sections: [Section(kind: .resolution, title: "Resolution", blocks: [], location: Fixtures.location)],
        steps: [
            Step(
                key: "resolution-1", section: .resolution, number: 1, title: "排空節點",
                body: [
                    .code(
                        CodeBlock(
                            language: "bash",
                            code: """
                                kubectl get nodes -o wide
                                kubectl get pods --all-namespaces --field-selector spec.nodeName=$NODE -o wide
                                kubectl cordon $NODE

                                """, location: Fixtures.location))
                ], location: Fixtures.location)
        ],
        checklist: [], escalation: [], related: [], footer: Footer(), path: "runbooks/drain-node.md")

    /// The placeholder prompt of the script runbook's command.
    static func placeholderPrompt(width: Int, height: Int) -> AppModel {
        let library = Library(
            categories: [Category(name: "Ops", entries: [Fixtures.entry(scriptRunbook, "drain")])],
            runbooks: [scriptRunbook], emergencyContacts: [], search: { _ in [] })
        let model = AppModel(
            library: library, actor: "alice", colorEnabled: true, width: width, height: height, now: Fixtures.opened)
        let opened = Event(
            seq: 1, recordedAt: Fixtures.opened, actor: "alice",
            kind: .incidentOpened(title: "node-7 磁碟壓力", severity: .p2, runbook: "drain-node", drill: false, roles: [:]))
        let walking = update(model, .incidentOpened(id: "drain", events: [opened])).0
        return run(walking, keys(.tab, .character("R"))).0
    }

    @Test(
        "the placeholder prompt shows the line that holds the placeholder, scrolled so the placeholder is on screen",
        arguments: sizes)
    func placeholderLine(width: Int, height: Int) throws {
        let model = Self.placeholderPrompt(width: width, height: height)
        guard case .command(.placeholder)? = model.overlay else {
            Issue.record("no placeholder prompt: \(String(describing: model.overlay))")
            return
        }
        let frame = view(model)
        expectGolden(frame, "placeholder-prompt-\(width)x\(height)")
        let title = try #require(frame.textLines.firstIndex { $0.contains("value for $NODE") })
        let line = frame.textLines[title + 1]
        #expect(line.contains("spec.nodeName=$NODE -o wide"), "\(line)")
        #expect(!line.contains("get nodes"))
        let column = try #require(displayColumn(of: "$NODE", in: line))
        #expect(frame[column, title + 1].style.bold)
        #expect(!frame[column - 1, title + 1].style.bold)
    }

    @Test("at 200 columns the step's text keeps a readable measure and the outline takes more of the width")
    func wideTerminal() {
        var model = Fixtures.walkthrough(width: 200, height: 30)
        model = run(model, keys(.character("j"))).0
        let frame = view(model)
        expectGolden(frame, "walkthrough-200x30")
        let rows = frame.textLines[1..<(frame.height - 2)]
        #expect(rows.allSatisfy { displayColumn(of: "│", in: $0) == 48 })
        let textWidths = rows.map {
            displayWidth(
                of: String($0.dropFirst(50)).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression))
        }
        #expect(textWidths.allSatisfy { $0 <= 100 })
        #expect(textWidths.contains { $0 > 90 }, "the command wraps at the readable measure: \(textWidths)")
    }
}
