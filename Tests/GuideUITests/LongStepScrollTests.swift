import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame
import Testing

/// Scrolling a step longer than the screen, as a responder reads a long recovery script over a slow link.
@Suite("scrolling a long step")
struct LongStepScrollTests {
    static let location = SourceLocation(file: "long.md", line: 1)
    static let script = (1...200).map { "echo batch-\($0)-done" }

    static func walkthrough(width: Int = 80, height: Int = 24) -> AppModel {
        let runbook = Runbook(
            id: "long", title: "Long Script", kind: .incident, severity: .p1,
            sections: [Section(kind: .diagnosis, title: "Diagnosis", blocks: [], location: location)],
            steps: [
                Step(
                    key: "diagnosis-1", section: .diagnosis, number: 1, title: "逐一確認",
                    body: [
                        .code(
                            CodeBlock(
                                language: "bash", code: script.joined(separator: "\n") + "\n", location: location,
                                info: "bash")),
                        .code(CodeBlock(language: "bash", code: "echo done\n", location: location, info: "bash")),
                    ], location: location)
            ],
            checklist: [], escalation: [], related: [], footer: Footer(), path: "long.md")
        let library = Library(categories: [], runbooks: [runbook], search: { _ in [] })
        let model = AppModel(
            library: library, actor: "alice", colorEnabled: true, width: width, height: height,
            now: Date(timeIntervalSince1970: 1_790_000_000))
        let opened = Event(
            seq: 1, recordedAt: model.now, actor: "alice",
            kind: .incidentOpened(title: "long", severity: .p1, runbook: "long", drill: false, roles: [:]))
        return update(model, .incidentLoaded(id: "2026-11-27-long", events: [opened])).0
    }

    /// The rows showing the script, by the script line each shows.
    static func scriptRows(_ frame: Frame) -> [Int: Int] {
        var rows: [Int: Int] = [:]
        for (row, line) in frame.textLines.enumerated() {
            if let index = script.firstIndex(where: { line.contains($0 + " ") || line.hasSuffix($0) }) {
                rows[row] = index
            }
        }
        return rows
    }

    @Test(
        "Ctrl-D and PgDn move the text by half of its rows, so that the half left on screen can be scrolled, not redrawn",
        arguments: [(80, 24), (40, 12), (120, 30)])
    func halfOfTheText(width: Int, height: Int) throws {
        let top = run(Self.walkthrough(width: width, height: height), keys(.control("d"), .control("d"))).0
        let before = Self.scriptRows(view(top))
        for key in [Key.control("d"), .pageDown] {
            let after = Self.scriptRows(view(run(top, keys(key)).0))
            let (row, line) = try #require(after.min { $0.key < $1.key })
            let shift = try #require(before.first { $0.value == line }?.key) - row
            let kept = Set(before.values).intersection(after.values).count
            #expect(shift > 0)
            #expect(kept >= shift, "the rows kept on screen are at least as many as the rows they move by")
            #expect(
                run(run(top, keys(key)).0, keys(.control("u"))).0.incident?.contentScroll == top.incident?.contentScroll
            )
        }
    }

    @Test("a line of code is one style from its bar to its end, so it is written without switching attributes")
    func oneStylePerCodeLine() {
        let frame = view(run(Self.walkthrough(), keys(.control("d"))).0)
        var codeRows = 0
        for row in 0..<frame.height where ["│", "┃"].contains(frame[1, row].symbol) {
            codeRows += 1
            let styles = Set((1..<frame.width).filter { frame[$0, row].symbol != " " }.map { frame[$0, row].style })
            #expect(styles.count == 1, "row \(row): \(frame.textLines[row])")
        }
        #expect(codeRows > 10)
    }
}
