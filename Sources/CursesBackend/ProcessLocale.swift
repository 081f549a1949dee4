import FoundationEssentials
import Glibc

/// The process locale curses draws with. ncursesw turns characters into bytes by the locale's character type, so a
/// locale that is not installed (`LANG=zh_TW.UTF-8` on a host that has only `C.UTF-8`) or one that is not UTF-8
/// would draw every wide character of a runbook as `?` or as octal escapes, and shift the rest of the row.
enum ProcessLocale {
    /// Sets the locale from the environment, then, when its character type is not UTF-8, the first UTF-8 locale
    /// this host has. Messages and sorting keep the environment's choice; only the character type changes. Returns
    /// the character type in use.
    @discardableResult
    static func activateUTF8() -> String {
        setlocale(LC_ALL, "")
        guard !characterTypeIsUTF8 else { return currentCharacterType }
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"] {
            if setlocale(LC_CTYPE, candidate) != nil, characterTypeIsUTF8 { break }
        }
        return currentCharacterType
    }

    private static var characterTypeIsUTF8: Bool {
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }

    private static var currentCharacterType: String {
        setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
    }
}
