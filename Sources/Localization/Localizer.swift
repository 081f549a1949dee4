/// The words of the interface in one language: a text by its catalog key, with its `{placeholders}` filled in.
/// A key the language's catalog lacks falls back to English, then to the key itself, so a missing translation
/// shows as a readable defect rather than a crash (and a test fails on it before it ships).
public struct Localizer: Sendable {
    /// The language these words are in.
    public let language: Language
    private let catalog: Catalog
    private let fallback: Catalog

    /// The words of a language.
    public init(_ language: Language) {
        self.language = language
        catalog = Catalog.of(language)
        fallback = Catalog.of(.english)
    }

    /// The text of a key, with each `{name}` replaced by the argument of that name. Arguments are inserted as they
    /// are: callers sanitize what they quote, as they did before the text came from a catalog.
    public func tr(_ key: String, _ arguments: [String: String] = [:]) -> String {
        let template = catalog.entries[key] ?? fallback.entries[key] ?? key
        guard !arguments.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        return Self.fill(template, arguments)
    }

    /// The text of a key that names a count: `key.one` when the count is 1 and the catalog has that form, else
    /// `key.other`; `{count}` is the count.
    public func tr(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        var arguments = arguments
        arguments["count"] = String(count)
        let one = key + ".one"
        if count == 1, catalog.entries[one] != nil || fallback.entries[one] != nil {
            return tr(one, arguments)
        }
        return tr(key + ".other", arguments)
    }

    /// A duration as people of the language say it: `45s`, `12m`, `3h05m`, `2d04h` in English, `45 秒`, `12 分`,
    /// `3 小時 5 分`, `2 天 4 小時` in Traditional Chinese; negative durations get a `-`.
    public func duration(seconds: Double) -> String {
        let sign = seconds < 0 ? "-" : ""
        let total = seconds.isFinite ? Int(min(abs(seconds), 9.0e15).rounded(.down)) : 0
        let (days, hours, minutes) = (total / 86_400, total % 86_400 / 3600, total % 3600 / 60)
        switch language {
        case .english:
            if days > 0 { return sign + "\(days)d" + Self.twoDigits(hours) + "h" }
            if hours > 0 { return sign + "\(hours)h" + Self.twoDigits(minutes) + "m" }
            if minutes > 0 { return sign + "\(minutes)m" }
            return sign + "\(total)s"
        case .traditionalChinese:
            if days > 0 { return sign + (hours > 0 ? "\(days) 天 \(hours) 小時" : "\(days) 天") }
            if hours > 0 { return sign + (minutes > 0 ? "\(hours) 小時 \(minutes) 分" : "\(hours) 小時") }
            if minutes > 0 { return sign + "\(minutes) 分" }
            return sign + "\(total) 秒"
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// The template with each `{name}` that names an argument replaced by its value; braces are found over the
    /// UTF-8 bytes (the draft's timeline fills a template per row, and finding them by `Character` was a fifth of
    /// an export), which is where characters find them: the catalogs put no combining mark after a brace.
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        let utf8 = template.utf8
        var result = ""
        result.reserveCapacity(utf8.count)
        var copied = utf8.startIndex
        var searched = utf8.startIndex
        while let open = utf8[searched...].firstIndex(of: UInt8(ascii: "{")) {
            let name = utf8.index(after: open)
            searched = name
            guard let close = utf8[name...].firstIndex(of: UInt8(ascii: "}")),
                let value = arguments[String(template[name..<close])]
            else { continue }
            result += template[copied..<open]
            result += value
            copied = utf8.index(after: close)
            searched = copied
        }
        result += template[copied...]
        return result
    }
}
