import Foundation
import GuideUI
import TerminalText
import Testing

/// Compares a frame with its golden text file in `Golden/`, one line per row with continuation cells left
/// out; `RECORD_GOLDEN=1` re-records it. Also checks that no row is wider than the frame.
func expectGolden(_ frame: Frame, _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let lines = frame.textLines
    for (row, line) in lines.enumerated() {
        #expect(displayWidth(of: line) == frame.width, "row \(row) of \(name) is \(displayWidth(of: line)) columns wide, not \(frame.width)", sourceLocation: sourceLocation)
    }
    expectGoldenText(lines.joined(separator: "\n") + "\n", name, filePath: filePath, sourceLocation: sourceLocation)
}

/// Compares text with its golden file in `Golden/`; `RECORD_GOLDEN=1` re-records it.
func expectGoldenText(_ text: String, _ name: String, filePath: String = #filePath, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden file \(url.path); run with RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
        return
    }
    guard golden != text else { return }
    let expected = golden.components(separatedBy: "\n")
    let actual = text.components(separatedBy: "\n")
    let diff = (0..<max(expected.count, actual.count)).compactMap { row -> String? in
        let want = row < expected.count ? expected[row] : "<none>"
        let got = row < actual.count ? actual[row] : "<none>"
        return want == got ? nil : "line \(row + 1):\n  expected |\(want)|\n  actual   |\(got)|"
    }
    Issue.record("\(name) differs from Golden/\(name).txt:\n\(diff.joined(separator: "\n"))", sourceLocation: sourceLocation)
}
