import TerminalFrame
import TestSupport

/// The style of the first cell of `text` on the screen, or nil when the screen does not show it.
func style(of text: String, in frame: Frame) -> Style? {
    for (row, line) in frame.textLines.enumerated() {
        guard let column = displayColumn(of: text, in: line) else { continue }
        return frame[column, row].style
    }
    return nil
}
