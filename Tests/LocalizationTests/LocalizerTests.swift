import Testing

@testable import Localization

@Suite("A localizer fills placeholders, counts and durations in its language")
struct LocalizerTests {
    @Test("Placeholders are filled by name; unknown ones and stray braces stay as written")
    func placeholders() {
        let english = Localizer(.english)
        #expect(english.tr("language.name") == "English")
        #expect(Localizer(.traditionalChinese).tr("language.name") == "繁體中文")
        #expect(english.tr("no.such.key") == "no.such.key")
        #expect(Localizer.fill("{count} 則較早", ["count": "14"]) == "14 則較早")
        #expect(Localizer.fill("{a}{b}{a}", ["a": "x", "b": "y"]) == "xyx")
        #expect(Localizer.fill("{unknown} {a", ["a": "x"]) == "{unknown} {a")
        #expect(Localizer.fill("{a}", ["a": "{b}", "b": "no"]) == "{b}")
    }

    @Test("Durations read naturally in each language")
    func durations() {
        let english = Localizer(.english)
        let chinese = Localizer(.traditionalChinese)
        #expect(english.duration(seconds: 45) == "45s")
        #expect(english.duration(seconds: 12 * 60 + 5) == "12m")
        #expect(english.duration(seconds: 3900) == "1h05m")
        #expect(english.duration(seconds: 2 * 86_400 + 4 * 3600) == "2d04h")
        #expect(english.duration(seconds: -90) == "-1m")
        #expect(chinese.duration(seconds: 45) == "45 秒")
        #expect(chinese.duration(seconds: 3900) == "1 小時 5 分")
        #expect(chinese.duration(seconds: 7200) == "2 小時")
        #expect(chinese.duration(seconds: 2 * 86_400 + 4 * 3600) == "2 天 4 小時")
        #expect(chinese.duration(seconds: .nan) == "0 秒")
        #expect(english.duration(seconds: .infinity) == "0s")
    }
}
