import Foundation

/// What an incident home holds on disk after a session, read the way another tool would: the journal's JSON
/// lines as documented and the postmortem file, without the program's own code.
struct TmuxIncidentFiles {
    /// The incident home the session used.
    let home: String

    /// The incident directories, by name.
    func incidentIDs() throws -> [String] {
        let directory = home + "/incidents"
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    /// The only incident's directory; fails when there is not exactly one.
    func onlyIncidentDirectory() throws -> String {
        let ids = try incidentIDs()
        guard ids.count == 1, let id = ids.first else {
            throw TmuxError(description: "expected one incident in \(home)/incidents, found \(ids)")
        }
        return home + "/incidents/" + id
    }

    /// Every line of the only incident's `timeline.jsonl`, each decoded as a JSON object.
    func journal() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: try onlyIncidentDirectory() + "/timeline.jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw TmuxError(description: "journal line is not a JSON object: \(line)")
            }
            return object
        }
    }

    /// The journal's event kinds, in order.
    func kinds() throws -> [String] {
        try journal().compactMap { $0["kind"] as? String }
    }
}
