import Foundation
import IncidentModel
import TestSupport
import Testing

extension PostmortemFixture {
    /// The fixture's incident spread over the files of three machines, each event in the file `place` picks,
    /// numbered within its file; `damage` adds lines that are no events after the ones it picks.
    static func incidentFiles(place: (Int) -> Int, damage: (Int) -> String? = { _ in nil }) throws -> String {
        let directory = try freshDirectory() + "/" + incidentID
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        chmod(directory, 0o700)
        let names = ["timeline.jsonl", "timeline@alpha.jsonl", "timeline@beta.jsonl"]
        var files = Array(repeating: "", count: names.count)
        for (index, event) in events.enumerated() {
            let file = place(index)
            var placed = event
            placed.seq = files[file].split(separator: "\n").count + 1
            placed.writer = nil
            files[file] += String(decoding: try EventCodec.line(for: placed), as: UTF8.self) + "\n"
            if let damaged = damage(index) { files[file] += damaged + "\n" }
        }
        for (name, text) in zip(names, files) where !text.isEmpty {
            let path = directory + "/" + name
            #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
            chmod(path, 0o600)
        }
        return directory + "/timeline.jsonl"
    }

    /// The fixture's incident in one file whose fourth and fifth lines are swapped: a seq before the one above it,
    /// which no journal written under its lock holds, so readers order the file whole.
    static func incidentFileOutOfOrder() throws -> String {
        let journal = try incidentFiles(place: { _ in 0 })
        var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.swapAt(3, 4)
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal, atomically: false, encoding: .utf8)
        return journal
    }
}
