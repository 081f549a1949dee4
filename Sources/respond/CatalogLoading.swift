import CDisplayWidth
import Foundation
import RunbookKit

extension GlobalOptions {
    /// Loads the catalog from the runbook directory these options name; a directory that cannot be read is a
    /// one-line CLI error.
    func loadCatalog(directory: String? = nil) throws -> Catalog {
        let path = try directory ?? runbookDirectory()
        do {
            return try Catalog.load(directory: path)
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// Today's date in UTC, for the footer's Last Updated and the staleness check.
func todayUTC(_ now: Date = Date()) -> CalendarDay {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: now)
    return CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
}

/// Removes C0/C1 control characters and escape sequences from file text before it reaches a terminal; tabs
/// become spaces, newlines stay.
func terminalSafe(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        switch scalar.value {
        case 0x0A:
            result.unicodeScalars.append(scalar)
        case 0x09:
            result += "    "
        case 0x1B:
            skipEscapeSequence(&scalars)
        case 0x00...0x1F, 0x7F...0x9F:
            continue
        default:
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// Consumes the rest of an escape sequence after ESC: CSI up to its final byte, OSC/DCS up to BEL or ST.
private func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
    guard let introducer = scalars.next() else { return }
    switch introducer {
    case "[":
        while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
    case "]", "P", "_", "^", "X":
        var previous: Unicode.Scalar?
        while let next = scalars.next() {
            if next.value == 0x07 || (previous == "\u{1B}" && next == "\\") { break }
            previous = next
        }
    default:
        return
    }
}

/// Terminal columns of `text`: wide (CJK) characters take two, combining marks none.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + max(0, Int(respond_wcwidth($1.value))) }
}

/// `text` padded with spaces to `width` columns.
func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - displayWidth(text)))
}
