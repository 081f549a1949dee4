import Foundation
import Testing

/// Compares text with a golden file in `Golden/` next to this file; `RECORD_GOLDEN=1` rewrites the file instead.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
            Issue.record("golden file \(url.path) is missing; run with RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(name) differs from its golden file (RECORD_GOLDEN=1 re-records):\n\(diff(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// The differing lines, numbered, expected (`-`) before actual (`+`).
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? old[index] : nil
            let after = index < new.count ? new[index] : nil
            guard before != after else { continue }
            if let before { out.append("\(index + 1) - \(before)") }
            if let after { out.append("\(index + 1) + \(after)") }
            if out.count > 40 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}
