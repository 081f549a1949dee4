import Foundation

/// A runbook file as the loader found it: its bytes, or why they could not be read.
public struct RunbookSource: Sendable {
    /// What reading the file gave.
    public enum Contents: Sendable {
        case data(Data)
        /// The file could not be read; the message says why (a directory, no permission, …).
        case unreadable(String)
    }

    /// The file's path, as diagnostics show it.
    public var path: String
    /// The bytes or the problem.
    public var contents: Contents

    /// Creates a source.
    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }
}

/// The runbook library: the index's categories in order, every runbook file, the emergency contacts, and the
/// problems found while reading them.
public struct Catalog: Sendable {
    /// The directory the catalog was read from.
    public var directory: String
    /// The index's path, or nil when the directory has none.
    public var indexPath: String?
    /// The index's categories in index order.
    public var categories: [Category] {
        didSet { indexEntries() }
    }
    /// Every runbook that parsed: index order first, then files the index does not list, by name.
    public var runbooks: [Runbook] {
        didSet { indexRunbooks() }
    }
    /// The index's Emergency Contacts, grouped.
    public var contactGroups: [ContactGroup]
    /// Every runbook file found in the directory (whether or not it parsed), by name.
    public var files: [String]
    /// Problems found reading the index and the files.
    public var diagnostics: [Diagnostic]

    /// Where each id's runbook sits in `runbooks`, so that lookups by id do not scan a library of thousands.
    private var runbookPositions: [String: Int] = [:]
    /// The first index row, and the category it is under, for each id.
    private var entriesByID: [String: (entry: CatalogEntry, category: String)] = [:]

    /// Builds a catalog from an index and file contents already read. Pure: `load(directory:)` does the reading.
    ///
    /// - Parameters:
    ///   - directory: The directory, used to make the paths of index rows.
    ///   - index: The index's path and bytes, or nil when there is none.
    ///   - sources: Every runbook file, including those an index row names.
    public init(directory: String, index: (path: String, data: Data)?, sources: [RunbookSource]) {
        let parsed = index.map { (path: $0.path, parsed: IndexParser.parse(data: $0.data, path: $0.path)) }
        let outcomes = sources.parallelMap { source -> (path: String, outcome: ParsedSource) in
            switch source.contents {
            case .unreadable(let reason): (source.path, .unreadable(reason))
            case .data(let data): (source.path, .parsed(RunbookParser.parse(data: data, path: source.path)))
            }
        }
        self.init(directory: directory, index: parsed, parsedSources: outcomes)
    }

    /// What became of one runbook file: the reason it could not be read, or what parsing it gave.
    enum ParsedSource: Sendable {
        case unreadable(String)
        case parsed(RunbookParseResult)
    }

    /// Builds a catalog from an index and runbook files already parsed, in the order of their paths.
    init(directory: String, index: (path: String, parsed: (index: RunbookIndex, diagnostics: [Diagnostic]))?,
         parsedSources: [(path: String, outcome: ParsedSource)]) {
        self.directory = directory
        indexPath = index?.path
        var diagnostics: [Diagnostic] = []
        if let index {
            categories = index.parsed.index.categories
            contactGroups = index.parsed.index.contactGroups
            diagnostics += index.parsed.diagnostics
        } else {
            categories = []
            contactGroups = []
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: Catalog.join(directory, "README.md"), line: 1),
                "no index README.md; runbooks are listed without categories"))
        }
        var parsedByID: [String: Runbook] = [:]
        for (path, outcome) in parsedSources {
            switch outcome {
            case .unreadable(let reason):
                diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: 1), reason))
            case .parsed(let result):
                diagnostics += result.diagnostics
                if let runbook = result.runbook {
                    parsedByID[runbook.id] = runbook
                }
            }
        }
        let sourcePaths = Set(parsedSources.map(\.path))
        var ordered: [Runbook] = []
        var placed: Set<String> = []
        for entry in categories.flatMap(\.entries) {
            if !sourcePaths.contains(Catalog.join(directory, entry.file)) {
                diagnostics.append(Diagnostic(.error, entry.location,
                    "index row \"\(entry.title)\" links \(entry.file), which does not exist; create it with `respond new \(entry.id)` or fix the link"))
            }
            if let runbook = parsedByID[entry.id], placed.insert(entry.id).inserted {
                ordered.append(runbook)
            }
        }
        ordered += parsedByID.values.filter { !placed.contains($0.id) }.sorted { $0.id < $1.id }
        runbooks = ordered
        files = parsedSources.map(\.path).sorted()
        self.diagnostics = diagnostics
        indexRunbooks()
        indexEntries()
    }

    private mutating func indexRunbooks() {
        runbookPositions = Dictionary(runbooks.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }

    private mutating func indexEntries() {
        var byID: [String: (entry: CatalogEntry, category: String)] = [:]
        for category in categories {
            for entry in category.entries where byID[entry.id] == nil {
                byID[entry.id] = (entry, category.name)
            }
        }
        entriesByID = byID
    }

    /// Every index row, in index order.
    public var entries: [CatalogEntry] {
        categories.flatMap(\.entries)
    }

    /// Every emergency contact, in index order.
    public var emergencyContacts: [Contact] {
        contactGroups.flatMap(\.contacts)
    }

    /// The runbooks that no index row lists.
    public var unindexed: [Runbook] {
        let listed = Set(entries.map(\.id))
        return runbooks.filter { !listed.contains($0.id) }
    }

    /// The runbook with exactly this id.
    public func runbook(id: String) -> Runbook? {
        runbookPositions[id].map { runbooks[$0] }
    }

    /// The index row for this id.
    public func entry(id: String) -> CatalogEntry? {
        entriesByID[id]?.entry
    }

    /// The category name the index files this id under.
    public func category(of id: String) -> String? {
        entriesByID[id]?.category
    }

    /// The severity to show for a runbook: the file's own, else the index's.
    public func severity(of id: String) -> Severity? {
        runbook(id: id)?.severity ?? entry(id: id)?.severity
    }

    /// The one-line description to show: the index's, else the first Symptoms line.
    public func description(of id: String) -> String {
        if let text = entry(id: id)?.description, !text.isEmpty { return text }
        guard let symptoms = runbook(id: id)?.section(.symptoms)?.blocks.first else { return "" }
        return symptoms.plainText.split(separator: "\n").first.map(String.init) ?? ""
    }

    static func join(_ directory: String, _ file: String) -> String {
        if file.hasPrefix("/") || directory.isEmpty { return file }
        return directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }
}
