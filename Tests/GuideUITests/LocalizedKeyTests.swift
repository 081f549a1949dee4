import Foundation
import Localization
import Testing

@testable import GuideUI

/// The key tables and hint lines name their words by catalog key, not by a literal `tr("…")` the catalog test reads
/// from the sources; so every key they name is checked here against both catalog files.
@Suite("every catalog key a key table or hint line names is in both catalogs")
struct LocalizedKeyTests {
    static let screens: [Screen] = [.catalog, .openIncidents, .walkthrough, .commandOutput, .timeline, .review]

    /// The keys of a catalog file, read as a translator edits it.
    static func catalogKeys(_ language: Language) throws -> Set<String> {
        let file = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Localization/Catalogs/\(language.rawValue).json")
        let entries = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
        return Set(entries.keys)
    }

    /// Every hint line the screens can show, with the walkthrough's in each of its moments.
    static var hintLines: [[KeyHint]] {
        let walkthrough = Fixtures.walkthrough()
        var running = walkthrough
        running.commands.pane = CommandPane(commandLine: "uptime", startedAt: Fixtures.opened)
        return [
            catalogHints, openIncidentsHints, walkthroughHints(walkthrough),
            walkthroughHints(run(walkthrough, keys(.down)).0), walkthroughHints(run(walkthrough, keys(.down, .down)).0),
            walkthroughHints(running), stepHints, commandHints(1), commandHints(2), commandOutputHints, timelineHints,
            reviewHints, [.help, .back],
        ]
    }

    @Test("the help text of every key table row", arguments: Language.allCases)
    func keyTables(language: Language) throws {
        let known = try Self.catalogKeys(language)
        let missing = Self.screens.flatMap { screen in
            keyBindings(for: screen).compactMap(\.help).filter { !known.contains($0) }.map { "\(screen): \($0)" }
        }
        #expect(missing == [], "not in \(language.rawValue).json")
    }

    @Test("the words of every hint", arguments: Language.allCases)
    func hints(language: Language) throws {
        let known = try Self.catalogKeys(language)
        let missing = Set(Self.hintLines.joined().map(\.textKey)).filter { !known.contains($0) }.sorted()
        #expect(missing == [], "not in \(language.rawValue).json")
    }

    @Test("the help overlay and the hint lines show text, never a bare key")
    func resolved() {
        for language in Language.allCases {
            let words = Localizer(language)
            for screen in Self.screens {
                #expect(keyHelp(for: screen, in: words).allSatisfy { !$0.action.hasPrefix("ui.") }, "\(screen)")
            }
            for line in Self.hintLines {
                #expect(!line.line(words).contains("ui."), "\(language.rawValue): \(line.line(words))")
            }
        }
    }
}
