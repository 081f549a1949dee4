import Foundation
import Testing

/// What the executable and the guide say comes from the catalogs: a string literal there that reads as an English
/// phrase is a message some user would see untranslated.
@Suite("No English phrase is left in the executable's or the guide's string literals")
struct EnglishLiteralTests {
    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// The folders whose every string literal can reach the screen, standard output or standard error.
    private static let folders = ["respond", "GuideUI"]

    /// The manual page is English by design, as swift-argument-parser's help is (docs/user-guide.md says so).
    private static let englishFiles: Set<String> = ["ManualCommand.swift"]

    /// Literals that are English on purpose, by file: the group name `list --json` writes (JSON stays English),
    /// and the usage hint that completes swift-argument-parser's own usage text.
    private static let allowed: [String: [String]] = [
        "ListCommand.swift": ["Not in the index"],
        "Respond.swift": ["for more information."],
        // git's own words in the C locale, which a sync reads to tell a refused push from an unreachable remote.
        "HomeSync.swift": ["cannot lock ref", "failed to update ref"],
    ]

    /// Three or more lowercase words in a row: a phrase, not an identifier, a key or a format.
    private static var phrase: Regex<Substring> { #/\b[a-z]{2,}(?: [a-z]{2,}){2,}\b/# }

    /// Whether a line passes its literal to swift-argument-parser's help, which stays English.
    private static func isHelp(_ lines: [Substring], at index: Int) -> Bool {
        lines[max(0, index - 2)...index].contains { line in
            ["help:", "abstract:", "discussion:", "ArgumentHelp"].contains { line.contains($0) }
        }
    }

    /// `file:line: literal` for each literal of `text` that reads as an English phrase.
    static func englishPhrases(in text: String, file: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [String] = []
        for (index, line) in lines.enumerated() {
            let code = line.trimmingCharacters(in: .whitespaces)
            guard !code.hasPrefix("//"), !isHelp(lines, at: index) else { continue }
            for match in line.matches(of: #/"((?:[^"\\]|\\.)*)"/#) {
                let literal = String(match.output.1)
                guard literal.contains(phrase) else { continue }
                if allowed[file]?.contains(where: { literal.contains($0) }) == true { continue }
                found.append("\(file):\(index + 1): \(literal)")
            }
        }
        return found
    }

    @Test("every message of the executable and the guide is a catalog key, not an English literal")
    func noEnglishPhrases() throws {
        var found: [String] = []
        for folder in Self.folders {
            let files = FileManager.default.enumerator(
                at: Self.sources.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                guard file.pathExtension == "swift", !Self.englishFiles.contains(file.lastPathComponent) else {
                    continue
                }
                found += Self.englishPhrases(
                    in: try String(contentsOf: file, encoding: .utf8), file: file.lastPathComponent)
            }
        }
        #expect(found == [])
    }

    @Test("the check finds a message written as a literal, and passes keys, help and comments")
    func checkFindsMessages() {
        let text = """
            throw Failure(description: "cannot write the clipboard sequence: \\(reason)")
            localizer.tr("ui.clipboard.write_failed", ["reason": reason])
            @Flag(help: "Print the alerts as JSON with all of their labels.")
            // the terminal took none of it
            """
        #expect(
            Self.englishPhrases(in: text, file: "Clipboard.swift") == [
                "Clipboard.swift:1: cannot write the clipboard sequence: \\(reason)"
            ])
    }
}
