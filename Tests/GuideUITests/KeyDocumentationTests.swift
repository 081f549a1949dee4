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
            #expect(section.contains("`\(entry.keys)`"), "docs/keys.md, \(heading): `\(entry.keys)` (\(entry.action)) is missing")
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
