import Foundation
import Testing

@testable import Localization

/// The catalogs are the translators' files: these tests are what a translator's change must pass.
@Suite("Every string has a translation with the same placeholders")
struct CatalogCompletenessTests {
    private static let catalogFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Localization/Catalogs")

    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    @Test("Each catalog decodes and holds no empty text", arguments: Language.allCases)
    func decodes(language: Language) {
        let entries = Catalog.of(language).entries
        #expect(!entries.isEmpty)
        #expect(entries.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted() == [])
    }

    @Test("Every language has exactly the keys of English")
    func sameKeys() {
        let english = Set(Catalog.of(.english).entries.keys)
        for language in Language.allCases where language != .english {
            let keys = Set(Catalog.of(language).entries.keys)
            #expect(english.subtracting(keys).sorted() == [], "untranslated in \(language.rawValue)")
            #expect(keys.subtracting(english).sorted() == [], "not in English, in \(language.rawValue)")
        }
    }

    @Test("A text and its translations name the same placeholders")
    func samePlaceholders() {
        let english = Catalog.of(.english).entries
        for language in Language.allCases where language != .english {
            for (key, text) in Catalog.of(language).entries {
                guard let original = english[key] else { continue }
                #expect(
                    Catalog.placeholders(in: text) == Catalog.placeholders(in: original),
                    "\(key) in \(language.rawValue)")
            }
        }
    }

    @Test("No key is written twice in a catalog file (JSON keeps only the last)", arguments: Language.allCases)
    func noRepeatedKeys(language: Language) throws {
        let text = try String(
            contentsOf: Self.catalogFolder.appendingPathComponent("\(language.rawValue).json"), encoding: .utf8)
        let keys = text.split(separator: "\n").compactMap { line -> Substring? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
            return trimmed[trimmed.index(after: trimmed.startIndex)..<end]
        }
        let repeated = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated == [])
    }

    @Test("Every key the sources ask for with tr(\"…\") is in the English catalog")
    func sourcesUseKnownKeys() throws {
        let english = Catalog.of(.english).entries
        let pattern = try Regex(#"\btr\(\s*"([^"\\]+)"(\s*,\s*count:)?"#)
        var missing: [String] = []
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                guard let key = match.output[1].substring.map(String.init) else { continue }
                let counted = match.output[2].substring != nil
                let present = counted ? english[key + ".other"] != nil : english[key] != nil
                if !present { missing.append("\(file.lastPathComponent): \(key)") }
            }
        }
        #expect(missing == [])
    }
}
