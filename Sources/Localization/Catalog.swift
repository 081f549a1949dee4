import FoundationEssentials

/// The strings of one language, read from its catalog file (`Catalogs/<language>.json`, a flat JSON object of
/// key → text that a translator edits) which the build embeds in the binary, so a binary copied alone to a host
/// still speaks every language.
struct Catalog: Sendable {
    let entries: [String: String]

    /// The catalog of a language, decoded once per process.
    static func of(_ language: Language) -> Catalog {
        switch language {
        case .english: english
        case .traditionalChinese: traditionalChinese
        }
    }

    private static let english = Catalog(json: PackageResources.en_json)
    private static let traditionalChinese = Catalog(json: PackageResources.zh_TW_json)

    /// A catalog from its file's bytes. The files are part of the source tree and a test decodes each of them, so
    /// a catalog that does not decode is a build defect; it then holds nothing and every text falls back to its key.
    /// The bytes are read by `FlatJSONObject`, and by `JSONDecoder` only when that reader declines them.
    init(json: [UInt8]) {
        entries =
            FlatJSONObject.strings(json) ?? (try? JSONDecoder().decode([String: String].self, from: Data(json))) ?? [:]
    }

    /// The names of the `{placeholders}` in a text.
    static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                names.insert(String(name))
            }
            rest = after[after.index(after: close)...]
        }
        return names
    }
}
