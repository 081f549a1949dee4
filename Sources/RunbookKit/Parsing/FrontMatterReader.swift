import TOMLKit

/// Finds and parses the front matter at the start of a runbook: YAML between `---` lines, TOML between `+++`
/// lines. Pure.
///
/// The block is handed to a real parser (libyaml through `YAMLComposer` for YAML, TOMLKit for TOML) and only the
/// keys `FrontMatter` knows are read, each as a scalar or a list of scalars, so that an alias bomb is never expanded. A block larger
/// than `maximumSize` is refused before any parser sees it.
enum FrontMatterReader {
    /// The most bytes a front matter block may have; a larger one is reported and ignored.
    static let maximumSize = 64 << 10

    /// What the start of a file holds.
    struct Result {
        /// The parsed front matter, or nil when there is none or it does not parse.
        var frontMatter: FrontMatter?
        /// The text with the front matter's lines blanked (kept as empty lines, so line numbers stay true).
        var body: String
        /// What was wrong with the front matter.
        var diagnostics: [Diagnostic]
    }

    /// Reads the front matter of `text`, if it starts with one; `path` names the file in diagnostics.
    static func read(_ text: String, path: String) -> Result {
        guard let block = delimitedBlock(text) else {
            return Result(frontMatter: nil, body: text, diagnostics: [])
        }
        let blanked = String(repeating: "\n", count: block.lineCount) + text[block.end...]
        let location = SourceLocation(file: path, line: 1)
        switch parse(block) {
        case .success(let frontMatter):
            return Result(frontMatter: frontMatter, body: blanked, diagnostics: [])
        case .failure(let problem):
            let text: DiagnosticText =
                block.content.utf8.count > maximumSize
                ? .tr("cli.lint.front_matter_too_large", ["size": String(maximumSize >> 10)])
                : .tr(
                    "cli.lint.front_matter_invalid",
                    ["format": block.isTOML ? "TOML" : "YAML", "reason": problem.reason])
            return Result(frontMatter: nil, body: blanked, diagnostics: [Diagnostic(.error, location, text)])
        }
    }

    /// The front matter of a block: refused when it is over `maximumSize`, else what its parser makes of it.
    static func parse(_ block: DelimitedBlock) -> Swift.Result<FrontMatter, Problem> {
        guard block.content.utf8.count <= maximumSize else {
            return .failure(
                Problem(reason: "it is over \(maximumSize >> 10) KiB and was not read; keep it to a few fields"))
        }
        return block.isTOML ? toml(String(block.content)) : yaml(String(block.content))
    }

    /// Why a front matter block did not parse.
    struct Problem: Error {
        var reason: String
    }

    /// A front matter block at the very start of a file.
    struct DelimitedBlock {
        /// The text between the fence lines.
        var content: Substring
        /// Where the text after the closing fence line starts.
        var end: String.Index
        /// How many lines the block spans, fences included.
        var lineCount: Int
        /// Whether the fences are `+++` (TOML) rather than `---` (YAML).
        var isTOML: Bool
    }

    /// The front matter block at the very start of `text`; nil when the text does not open with a `---` or
    /// `+++` line, or the block is not closed within twice `maximumSize` (then the `---` was a thematic break).
    static func delimitedBlock(_ text: String) -> DelimitedBlock? {
        let fence = text.hasPrefix("---") ? "---" : text.hasPrefix("+++") ? "+++" : nil
        guard let fence else { return nil }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var contentStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            lineNumber += 1
            let line = Substring(utf8[lineStart..<lineEnd]).trimmingCharacters(in: TrimmedScalars.whitespace)
            if let start = contentStart {
                if line == fence || (fence == "---" && line == "...") {
                    return DelimitedBlock(
                        content: text[start..<lineStart], end: next, lineCount: lineNumber, isTOML: fence == "+++")
                }
                if utf8.distance(from: start, to: lineEnd) > maximumSize * 2 { return nil }
            } else {
                guard line == fence else { return nil }
                contentStart = next
            }
            lineStart = next
        }
        return nil
    }

    private static func yaml(_ content: String) -> Swift.Result<FrontMatter, Problem> {
        // Most front matter is a few `key: value` lines; those are read without building a YAML document.
        if let simple = SimpleYAML.read(content) {
            return .success(
                frontMatter(
                    scalar: simple.scalar, sequence: simple.sequence, neverListed: false))
        }
        return composedYAML(content)
    }

    /// The front matter of a YAML block as libyaml composes it; what `SimpleYAML` reads must agree with it.
    static func composedYAML(_ content: String) -> Swift.Result<FrontMatter, Problem> {
        let node: YAMLNode?
        switch YAMLComposer.compose(content) {
        case .success(let composed): node = composed
        case .failure(let failure): return .failure(Problem(reason: failure.reason))
        }
        guard let node else { return .success(FrontMatter()) }
        guard let pairs = node.mapping else {
            return .failure(Problem(reason: "it is not a list of `key: value` lines"))
        }
        // One pass into a dictionary rather than a search of the pairs for every key read.
        var mapping: [String: YAMLNode] = [:]
        for (key, value) in pairs {
            if let name = key.scalar, mapping[name] == nil { mapping[name] = value }
        }
        // Every scalar is its text, as YAML's basic resolver leaves it: the few typed keys are typed below.
        return .success(
            frontMatter(
                scalar: { mapping[$0]?.scalar },
                sequence: { key in mapping[key]?.sequence.map { $0.compactMap(\.scalar) } },
                neverListed: mapping["_build"]?["list"]?.scalar == "never"))
    }

    /// The front matter of a YAML mapping, given how to read a key as a scalar and as a list of scalars.
    private static func frontMatter(
        scalar: (String) -> String?, sequence: (String) -> [String]?, neverListed: Bool
    ) -> FrontMatter {
        func text(_ keys: String...) -> String? {
            for key in keys {
                if let value = scalar(key), !value.isEmpty { return value.trimmed }
            }
            return nil
        }
        func flag(_ key: String) -> Bool {
            ["true", "yes", "on"].contains(scalar(key)?.lowercased() ?? "")
        }
        var aliases: [String] = []
        if let items = sequence("aliases") {
            aliases = items.map(\.trimmed).filter { !$0.isEmpty }
        } else if let one = text("aliases") {
            aliases = [one]
        }
        return FrontMatter(
            title: text("title"), weight: scalar("weight").flatMap { Int($0.trimmed) },
            aliases: aliases,
            summary: text("summary", "description"),
            isHidden: flag("draft") || flag("hidden") || neverListed,
            severity: text("severity").flatMap(Severity.init(writtenAs:)),
            lastReviewed: text("last_reviewed", "lastReviewed", "reviewed", "lastmod", "date"),
            owner: text("owner", "team"))
    }

    private static func toml(_ content: String) -> Swift.Result<FrontMatter, Problem> {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: content)
        } catch {
            return .failure(Problem(reason: firstLine(String(describing: error))))
        }
        func text(_ keys: String...) -> String? {
            for key in keys {
                if let value = table[key]?.string?.trimmed, !value.isEmpty { return value }
                if let date = table[key]?.date { return String(describing: date) }
            }
            return nil
        }
        var aliases: [String] = []
        if let array = table["aliases"]?.array {
            aliases = array.compactMap { $0.string?.trimmed }.filter { !$0.isEmpty }
        } else if let one = text("aliases") {
            aliases = [one]
        }
        let neverListed = table["_build"]?.table?["list"]?.string == "never"
        return .success(
            FrontMatter(
                title: text("title"), weight: table["weight"]?.int, aliases: aliases,
                summary: text("summary", "description"),
                isHidden: table["draft"]?.bool == true || table["hidden"]?.bool == true || neverListed,
                severity: text("severity").flatMap(Severity.init(writtenAs:)),
                lastReviewed: text("last_reviewed", "lastReviewed", "reviewed", "lastmod", "date"),
                owner: text("owner", "team")))
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n").first ?? "").trimmed
    }
}
