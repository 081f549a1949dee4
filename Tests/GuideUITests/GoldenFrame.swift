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
    let text = lines.joined(separator: "\n") + "\n"
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
    let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
    let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for row in 0..<max(expected.count, actual.count) {
        let want = row < expected.count ? String(expected[row]) : "<none>"
        let got = row < actual.count ? String(actual[row]) : "<none>"
        if want != got { diff.append("row \(row):\n  expected |\(want)|\n  actual   |\(got)|") }
    }
    let report = diff.joined(separator: "\n")
    Issue.record("\(name) differs from Golden/\(name).txt:\n\(report)", sourceLocation: sourceLocation)
}
