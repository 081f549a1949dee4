import Foundation
import Testing

/// Compares `text` with the golden file `Golden/<file>` next to the test file that calls it. With the
/// environment variable `RECORD_GOLDEN=1` the file is written instead; otherwise a difference is one issue that
/// lists the differing lines, each between bars so trailing spaces show.
public func expectGolden(
    _ text: String, file: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(file)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            Issue.record("could not record \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record(
            "no golden file \(url.path); run with RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
        return
    }
    let golden = String(decoding: data, as: UTF8.self)
    guard golden != text else { return }
    Issue.record(
        "\(file) differs from Golden/\(file) (RECORD_GOLDEN=1 re-records):\n\(lineDifferences(golden, text))",
        sourceLocation: sourceLocation)
}

/// The lines that differ between `expected` and `actual`, numbered from 1, at most `limit` of them.
func lineDifferences(_ expected: String, _ actual: String, limit: Int = 40) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    let differing = (0..<max(old.count, new.count)).compactMap { index -> String? in
        let want = index < old.count ? "|\(old[index])|" : "<none>"
        let got = index < new.count ? "|\(new[index])|" : "<none>"
        return want == got ? nil : "line \(index + 1):\n  expected \(want)\n  actual   \(got)"
    }
    let shown = differing.prefix(limit).joined(separator: "\n")
    return differing.count > limit ? shown + "\n… and \(differing.count - limit) more lines" : shown
}
