import Foundation
import RunbookKit

extension Catalog {
    /// The file in a runbook library that maps its alerts' `severity` labels to incident severities, e.g.
    /// `{"critical": "P0", "page": "P0", "warning": "P2"}`; labels it leaves out keep the built-in mapping.
    static let alertSeverityFile = "alert-severity.json"

    /// The library's own severity mapping, or an error naming the file and what is wrong in it.
    func alertSeverityOverrides() throws -> [String: Severity] {
        let path = directory + "/" + Self.alertSeverityFile
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CLIError("cannot read \(path)") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 65_537)) ?? Data()
        guard data.count <= 65_536 else { throw CLIError("\(path) is over 64 KiB; it maps a few labels") }
        let table: [String: String]
        do {
            table = try JSONDecoder().decode([String: String].self, from: data)
        } catch {
            throw CLIError("\(path) must be a JSON object of label to severity, e.g. {\"critical\": \"P0\"}")
        }
        var overrides: [String: Severity] = [:]
        for (label, value) in table {
            guard let severity = Severity(rawValue: value.uppercased()) else {
                throw CLIError("\(path): \"\(label)\" maps to \"\(value)\"; use P0, P1, P2 or P3")
            }
            overrides[label] = severity
        }
        return overrides
    }
}
