import Foundation
import TerminalText

/// The terminal column at which `needle` first starts in `line`, counting display width (a Traditional Chinese
/// character takes two columns), so that it indexes a frame's cells; nil when `line` does not contain it.
public func displayColumn(of needle: String, in line: String) -> Int? {
    line.range(of: needle).map { displayColumn(at: $0.lowerBound, in: line) }
}

/// The terminal column of `index` in `line`: the display width of the text before it.
public func displayColumn(at index: String.Index, in line: String) -> Int {
    displayWidth(of: String(line[..<index]))
}
