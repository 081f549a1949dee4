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
    public var categories: [Category]
    /// Every runbook that parsed: index order first, then files the index does not list, by name.
    public var runbooks: [Runbook]
    /// The index's Emergency Contacts, grouped.
    public var contactGroups: [ContactGroup]
    /// Every runbook file found in the directory (whether or not it parsed), by name.
    public var files: [String]
    /// Problems found reading the index and the files.
    public var diagnostics: [Diagnostic]

    /// Builds a catalog from an index and file contents already read. Pure: `load(directory:)` does the reading.
    ///
    /// - Parameters:
    ///   - directory: The directory, used to make the paths of index rows.
    ///   - index: The index's path and bytes, or nil when there is none.
    ///   - sources: Every runbook file, including those an index row names.
    public init(directory: String, index: (path: String, data: Data)?, sources: [RunbookSource]) {
        self.directory = directory
        indexPath = index?.path
        var diagnostics: [Diagnostic] = []
        if let index {
            let parsed = IndexParser.parse(data: index.data, path: index.path)
            categories = parsed.index.categories
            contactGroups = parsed.index.contactGroups
            diagnostics += parsed.diagnostics
        } else {
            categories = []
            contactGroups = []
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: Catalog.join(directory, "README.md"), line: 1),
                "no index README.md; runbooks are listed without categories"))
        }
        var parsedByID: [String: Runbook] = [:]
        for source in sources {
            switch source.contents {
            case .unreadable(let reason):
                diagnostics.append(Diagnostic(.error, SourceLocation(file: source.path, line: 1), reason))
            case .data(let data):
                let result = RunbookParser.parse(data: data, path: source.path)
                diagnostics += result.diagnostics
                if let runbook = result.runbook {
                    parsedByID[runbook.id] = runbook
                }
            }
        }
        let sourcePaths = Set(sources.map(\.path))
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
        files = sources.map(\.path).sorted()
        self.diagnostics = diagnostics
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
        runbooks.first { $0.id == id }
    }

    /// The index row for this id.
    public func entry(id: String) -> CatalogEntry? {
        entries.first { $0.id == id }
    }

    /// The category name the index files this id under.
    public func category(of id: String) -> String? {
        categories.first { $0.entries.contains { $0.id == id } }?.name
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
