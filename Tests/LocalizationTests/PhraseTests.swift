import Testing

@testable import Localization

@Suite("A phrase prepared once fills as the localizer does")
struct PhraseTests {
    @Test("Every catalog text, in both languages, fills to what tr gives with the same arguments")
    func catalogTexts() {
        for language in [Language.english, .traditionalChinese] {
            let words = Localizer(language)
            for (key, text) in Catalog.of(language).entries {
                let names = Catalog.placeholders(in: text).sorted()
                let values = names.map { "<\($0) {\($0)} 值>" }
                let phrase = Phrase(words.tr(key), names: names)
                #expect(
                    phrase.filled(values) == words.tr(key, Dictionary(uniqueKeysWithValues: zip(names, values))),
                    "\(language) \(key)")
            }
        }
    }

    @Test("Unknown placeholders, stray and nested braces stay as written; no arguments give the text itself")
    func oddTemplates() {
        let cases: [(String, [String: String])] = [
            ("{a}{b}{a}", ["a": "x", "b": "y"]), ("{unknown} {a", ["a": "x"]), ("{a}", ["a": "{b}", "b": "no"]),
            ("{{a}}", ["a": "x"]), ("}{a}{", ["a": "x"]), ("", ["a": "x"]), ("no braces", ["a": "x"]),
            ("{a}", [:]), ("前{a}後{b}", ["a": "一", "b": "二"]),
        ]
        for (template, arguments) in cases {
            let names = arguments.keys.sorted()
            let phrase = Phrase(template, names: names)
            #expect(phrase.filled(names.map { arguments[$0] ?? "" }) == fill(template, arguments), "\(template)")
        }
    }

    /// What `Localizer.tr` does with a template and its arguments.
    private func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        return Localizer.fill(template, arguments)
    }
}
