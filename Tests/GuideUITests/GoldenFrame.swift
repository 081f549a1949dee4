import Foundation
import GuideUI
import TerminalFrame
import TerminalText
import TestSupport
import Testing

/// Compares a frame with its golden files: its text with `Golden/<name>.txt`, one line per row with continuation
/// cells left out, and its styles (colors, bold, dim, reverse, underline) with `Golden/<name>.styles.txt`, drawn by
/// `styleMap(of:)`; `RECORD_GOLDEN=1` re-records both. Also checks that every row is exactly as wide as the frame.
func expectGolden(
    _ frame: Frame, _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let lines = frame.textLines
    for (row, line) in lines.enumerated() {
        #expect(
            displayWidth(of: line) == frame.width,
            "row \(row) of \(name) is \(displayWidth(of: line)) columns wide, not \(frame.width)",
            sourceLocation: sourceLocation)
    }
    expectGolden(
        lines.joined(separator: "\n") + "\n", file: "\(name).txt", filePath: filePath, sourceLocation: sourceLocation)
    expectGolden(styleMap(of: frame), file: "\(name).styles.txt", filePath: filePath, sourceLocation: sourceLocation)
}
