import Testing

@testable import Localization

@Suite("The language comes from RESPOND_LANG, else the locale variables, and --lang names it")
struct LanguageTests {
    @Test(
        "Locale names of Taiwan, Hong Kong, Macau and the Hant script speak Traditional Chinese",
        arguments: ["zh_TW.UTF-8", "zh_TW", "zh_HK.UTF-8", "zh_MO", "zh_Hant", "zh-Hant-TW", "ZH_tw.utf8@euro"]
    )
    func traditionalChineseLocales(locale: String) {
        #expect(Language.of(environment: ["LANG": locale]) == .traditionalChinese)
    }

    @Test(
        "Every other locale speaks English",
        arguments: [
            "C", "POSIX", "C.UTF-8", "en_US.UTF-8", "zh_CN.UTF-8", "zh_SG", "zh-Hans-HK", "fr_FR", "zh", "zhx_TW",
        ]
    )
    func englishLocales(locale: String) {
        #expect(Language.of(environment: ["LANG": locale]) == .english)
    }

    @Test("With nothing set the language is English")
    func nothingSet() {
        #expect(Language.of(environment: [:]) == .english)
        #expect(Language.of(environment: ["LANG": "", "LC_ALL": ""]) == .english)
    }

    @Test("LC_ALL comes before LC_MESSAGES, which comes before LANG")
    func precedence() {
        #expect(Language.of(environment: ["LC_ALL": "C.UTF-8", "LANG": "zh_TW.UTF-8"]) == .english)
        #expect(Language.of(environment: ["LC_MESSAGES": "zh_TW.UTF-8", "LANG": "C"]) == .traditionalChinese)
        #expect(Language.of(environment: ["LC_ALL": "zh_HK", "LC_MESSAGES": "C"]) == .traditionalChinese)
    }

    @Test("RESPOND_LANG comes first when it names a language, and is passed over when it does not")
    func respondLang() {
        #expect(Language.of(environment: ["RESPOND_LANG": "zh-TW", "LC_ALL": "C"]) == .traditionalChinese)
        #expect(Language.of(environment: ["RESPOND_LANG": "en", "LANG": "zh_TW.UTF-8"]) == .english)
        #expect(Language.of(environment: ["RESPOND_LANG": "klingon", "LANG": "zh_TW.UTF-8"]) == .traditionalChinese)
    }

    @Test("--lang takes en and zh-TW in the usual spellings and refuses others")
    func tags() {
        #expect(Language(tag: "en") == .english)
        #expect(Language(tag: "en-GB") == .english)
        #expect(Language(tag: "zh-TW") == .traditionalChinese)
        #expect(Language(tag: "zh_tw") == .traditionalChinese)
        #expect(Language(tag: "zh-Hant") == .traditionalChinese)
        #expect(Language(tag: "zh-CN") == nil)
        #expect(Language(tag: "") == nil)
        #expect(Language(tag: "english") == nil)
    }
}
