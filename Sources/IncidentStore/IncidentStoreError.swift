import FoundationEssentials
import Glibc
import IncidentModel

/// Why an incident could not be created, listed or found, with what to do about it.
public enum IncidentStoreError: Error, CustomStringConvertible, Equatable {
    /// The journal could not be read or written.
    case journal(JournalError)
    /// A given incident id has characters other than letters, digits, `-`, `_` and `.`.
    case invalidID(String)
    /// A given incident id is already taken.
    case alreadyExists(id: String, directory: String)
    /// A directory could not be created or read.
    case directory(path: String, code: Int32)
    /// Nothing matches the reference; `candidates` are the most recent incidents.
    case notFound(reference: String, candidates: [String])
    /// More than one incident starts with the reference.
    case ambiguous(reference: String, candidates: [String])
    /// A path was given that holds no `timeline.jsonl`.
    case notAJournal(path: String)
    /// `last` found incidents, but none whose journal could be read; this is the most recent of them.
    case unreadable(id: String, reason: String)
    /// `RESPOND_WRITER` does not hold a valid writer id (`MachineWriter`).
    case invalidWriter(String)

    /// What went wrong and what to do, in one line.
    public var description: String {
        switch self {
        case .journal(let error):
            error.description
        case .invalidID(let id):
            "invalid incident id \"\(id)\": use letters, digits, '-', '_' and '.', not starting with '.' or '-', at most 100 characters, and not \"last\""
        case .alreadyExists(let id, let directory):
            "incident \(id) already exists (\(directory)): choose another --id or leave it out"
        case .directory(let path, let code):
            "cannot use directory \(path): \(String(cString: strerror(code))); check --home and its permissions"
        case .notFound(let reference, let candidates):
            candidates.isEmpty
                ? "no incident matches \"\(reference)\": there are no incidents yet (respond start RUNBOOK --detach)"
                : "no incident matches \"\(reference)\"; recent: \(candidates.joined(separator: ", "))"
        case .ambiguous(let reference, let candidates):
            "\"\(reference)\" matches several incidents: \(candidates.joined(separator: ", ")); give more of the id"
        case .unreadable(let id, let reason):
            "incident \(id) cannot be read: \(reason)"
        case .notAJournal(let path):
            "\(path) is not an incident journal: give a timeline.jsonl file or a directory holding one"
        case .invalidWriter(let writer):
            "RESPOND_WRITER \"\(writer)\" is not a writer id: use 1 to 63 lowercase letters, digits and '-', starting with a letter or a digit"
        }
    }
}
