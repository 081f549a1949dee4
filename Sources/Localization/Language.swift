/// A language `respond` speaks: English, and Traditional Chinese as written in Taiwan.
public enum Language: String, CaseIterable, Sendable {
    case english = "en"
    case traditionalChinese = "zh-TW"

    /// The language a `--lang` value or `RESPOND_LANG` names (`en`, `en_US`, `zh-TW`, `zh_TW.UTF-8`, `zh-Hant`,
    /// `zh_HK`, in any case), or nil for a value that names neither.
    public init?(tag: String) {
        let tag = Self.bareTag(tag)
        if tag == "en" || tag.hasPrefix("en-") {
            self = .english
        } else if Self.isTraditionalChinese(tag) {
            self = .traditionalChinese
        } else {
            return nil
        }
    }

    /// The language of this process's environment: `RESPOND_LANG` when it names a language, else the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set (as the C library chooses a message locale): zh_TW, zh_HK,
    /// zh_MO and zh_Hant locales speak Traditional Chinese, every other locale English. The locale need not be
    /// installed: only its name is read.
    public static func of(environment: [String: String]) -> Language {
        if let chosen = environment["RESPOND_LANG"], !chosen.isEmpty, let language = Language(tag: chosen) {
            return language
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let locale = environment[name], !locale.isEmpty else { continue }
            return isTraditionalChinese(bareTag(locale)) ? .traditionalChinese : .english
        }
        return .english
    }

    /// `zh_TW.UTF-8@euro` → `zh-tw`: the language and region of a locale name or a BCP 47 tag, lower-cased, with
    /// the codeset and modifier dropped.
    private static func bareTag(_ tag: String) -> String {
        let name = tag.prefix { $0 != "." && $0 != "@" }
        return String(name).lowercased().replacingUnderscores()
    }

    private static func isTraditionalChinese(_ tag: String) -> Bool {
        guard tag == "zh" || tag.hasPrefix("zh-") else { return false }
        let subtags = tag.split(separator: "-").dropFirst()
        if subtags.contains("hant") { return true }
        if subtags.contains("hans") { return false }
        return subtags.contains { $0 == "tw" || $0 == "hk" || $0 == "mo" }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
