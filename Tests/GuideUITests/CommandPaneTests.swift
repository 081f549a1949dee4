import Foundation
import Testing

@testable import GuideUI

/// The output pane's memory: a command printing one endless line keeps only the newest part of it on screen.
@Suite("Command output pane")
struct CommandPaneTests {
    private func pane() -> CommandPane {
        CommandPane(commandLine: "yes | tr -d '\\n'", startedAt: Date(timeIntervalSince1970: 0))
    }

    @Test("a line longer than the limit keeps its newest characters after …, however it arrives")
    func longLineKeepsItsEnd() {
        var pane = pane()
        for index in 0..<40 { pane.append(String(repeating: "y", count: 50_000) + "\(index)") }
        #expect(pane.lines.count == 1)
        let line = pane.lines.last ?? ""
        #expect(line.count == CommandPane.lineLengthLimit)
        #expect(line.hasPrefix("…y"))
        #expect(line.hasSuffix("y39"))
    }

    @Test("one piece longer than the limit is cut too, and says so")
    func onePieceIsCut() {
        var pane = pane()
        pane.append("診" + String(repeating: "斷", count: 5_000) + "end\nnext")
        #expect(pane.lines.count == 2)
        #expect(pane.lines[0].count == CommandPane.lineLengthLimit)
        #expect(pane.lines[0].hasPrefix("…斷"))
        #expect(pane.lines[0].hasSuffix("斷end"))
        #expect(pane.lines[1] == "next")
    }

    @Test("lines within the limit are kept whole, and a line's end after a cut keeps coming")
    func shortLinesWhole() {
        var pane = pane()
        let exact = String(repeating: "a", count: CommandPane.lineLengthLimit)
        pane.append(exact + "\nshort")
        pane.append(" more\n")
        #expect(pane.shownLines == [exact, "short more"])
    }
}
