import Foundation
import IncidentKit

extension GlobalOptions {
    /// The incident store under the home directory these options name.
    func incidentStore() -> IncidentStore {
        IncidentStore(home: homeDirectory())
    }

    /// The incident an ID argument names (exact id, unique prefix, `last`, or a journal path), or a one-line error.
    func resolveIncident(_ reference: String) throws -> IncidentLocation {
        do {
            return try incidentStore().resolve(reference)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The incident's events; lines set aside while reading are reported on stderr, a refused journal is an error.
    func readIncident(_ location: IncidentLocation) throws -> JournalContents {
        do {
            let contents = try Journal.read(location.journalPath)
            for problem in contents.problems { printWarning(problem.description) }
            return contents
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// Prints one line on stderr, prefixed so it reads as a warning rather than output.
func printWarning(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}

/// A duration as a responder reads it: `45s`, `12m`, `3h05m`, `2d04h`; negative durations get a `-`.
func shortDuration(_ seconds: TimeInterval) -> String {
    let sign = seconds < 0 ? "-" : ""
    let total = Int(abs(seconds).rounded(.down))
    let (days, hours, minutes) = (total / 86_400, total % 86_400 / 3600, total % 3600 / 60)
    if days > 0 { return sign + String(format: "%dd%02dh", days, hours) }
    if hours > 0 { return sign + String(format: "%dh%02dm", hours, minutes) }
    if minutes > 0 { return sign + "\(minutes)m" }
    return sign + "\(total)s"
}

/// Text from a journal made safe for one terminal line: escape sequences and control characters removed,
/// line breaks and tabs shown as spaces.
func oneLine(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D:
            if result.last != " " { result.append(" ") }
        case 0x1B:
            skipEscape(&scalars)
        case 0x00...0x1F, 0x7F...0x9F:
            continue
        default:
            result.append(scalar)
        }
    }
    return String(result)
}

/// Consumes an escape sequence after ESC: CSI up to its final byte, OSC/DCS/APC/PM/SOS up to BEL or ST.
private func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
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
        break
    }
}
