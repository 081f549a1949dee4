import Foundation
import GuideUI
import Testing

/// docs/keys.md is the user's reference for every screen; it must never fall behind the help overlay.
@Suite("the key reference and the help overlay agree")
struct KeyDocumentationTests {
    static let sections: [(Screen, String)] = [
        (.catalog, "Catalog"), (.openIncidents, "Open incidents"), (.walkthrough, "Walkthrough"),
        (.commandOutput, "Command output"), (.timeline, "Timeline"), (.review, "Review"),
    ]

    @Test("every key the help overlay shows is in that screen's section of docs/keys.md", arguments: sections)
    func documented(screen: Screen, heading: String) throws {
        let section = try #require(Self.section(heading), "docs/keys.md has no \"## \(heading)\" section")
        for entry in keyHelp(for: screen) {
            #expect(
                section.contains("`\(entry.keys)`"),
                "docs/keys.md, \(heading): `\(entry.keys)` (\(entry.action)) is missing")
        }
    }

    @Test("every key row of that screen's section of docs/keys.md is in the help overlay", arguments: sections)
    func shown(screen: Screen, heading: String) throws {
        let section = try #require(Self.section(heading), "docs/keys.md has no \"## \(heading)\" section")
        let shown = Set(keyHelp(for: screen).map(\.keys))
        for keys in Self.keyColumn(section) {
            #expect(shown.contains(keys), "docs/keys.md, \(heading): `\(keys)` is not in the help overlay")
        }
    }

    /// The first cell of every row of the section's key table, without its backticks (`| \`g G\` | … |` gives
    /// `g G`); the header and separator rows are left out.
    static func keyColumn(_ section: String) -> [String] {
        section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            let cell = line.dropFirst(2).prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
            return cell.replacingOccurrences(of: "`", with: "")
        }
    }

    /// The text of `## heading` up to the next `## `.
    static func section(_ heading: String) -> String? {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/keys.md")
        guard let text = try? String(contentsOf: docs, encoding: .utf8) else { return nil }
        let parts = text.components(separatedBy: "\n## ")
        return parts.first { $0.hasPrefix(heading + "\n") }
    }
}
