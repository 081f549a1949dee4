import FoundationEssentials
import Glibc

/// A runbook file as the loader found it: its bytes, or why they could not be read.
public struct RunbookSource: Sendable {
    /// What reading the file gave.
    public enum Contents: Sendable {
        case data(Data)
        /// The file could not be read; the text says why (a directory, no permission, …) in any language.
        case unreadable(DiagnosticText)
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
///
/// Loading reads the index and parses only the files the index does not list (the catalog screen needs their
/// titles). A listed runbook is parsed the first time `runbook(id:)` asks for it, and kept; `everyRunbook(_:)` and
/// `mapRunbooks(_:)` pass over the whole library for the few callers that need all of it (lint, the symptom search).
public struct Catalog: Sendable {
    /// The directory the catalog was read from.
    public var directory: String
    /// The index's path, or nil when the directory has none.
    public var indexPath: String?
    /// The index's categories in index order.
    public let categories: [Category]
    /// The ids of every runbook file: index order first, then the files the index does not list, by id.
    public let runbookIDs: [String]
    /// The index's Emergency Contacts, grouped.
    public var contactGroups: [ContactGroup]
    /// Every runbook file found in the directory (whether or not it parses), by name.
    public var files: [String]
    /// Problems found while loading: the index's, its rows' missing files, and the files it does not list.
    /// `everyRunbook(_:)` gives those of the listed files, which loading does not parse.
    public var diagnostics: [Diagnostic]

    let runbookFiles: RunbookFiles
    /// How many of `runbookIDs`, from the start, are the index's: the rest were parsed at load.
    private let listedCount: Int
    /// The first index row of each id.
    private let entriesByID: [String: CatalogEntry]
    /// The names besides its id and title that find a runbook (its H1 and aliases), by id; a folder library's.
    let lookupNames: [String: [String]]
    /// What each runbook's front matter, read at load, says of its footer; nil when heads were not read at load (an
    /// indexed library). With it, `footer(of:)` need not read again the head of a file not changed since.
    let frontMatterFooters: FrontMatterFooters?

    /// Builds a catalog from an index and file contents already read. Pure: `load(directory:)` does the reading.
    ///
    /// - Parameters:
    ///   - directory: The directory, used to make the paths of index rows.
    ///   - index: The index's path and bytes, or nil when there is none.
    ///   - sources: Every runbook file, including those an index row names.
    public init(directory: String, index: (path: String, data: Data)?, sources: [RunbookSource]) {
        let parsed = index.map { (path: $0.path, parsed: IndexParser.parse(data: $0.data, path: $0.path)) }
        let contents = Dictionary(sources.map { ($0.path, $0.contents) }) { _, last in last }
        self.init(directory: directory, index: parsed, paths: sources.map(\.path)) { path in
            Catalog.parse(path: path, contents: contents[path] ?? .unreadable(.tr("cli.lint.file_no_contents")))
        }
    }

    /// Builds a catalog from a parsed index and the paths of the runbook files, which `parse` reads and parses
    /// when a runbook is first asked for (the files the index does not list, at once).
    ///
    /// A folder library (`FolderLibrary`) passes its categories as the index and `folderIDs`, each path's id; it
    /// has no index file.
    init(
        directory: String, index: (path: String, parsed: (index: RunbookIndex, diagnostics: [Diagnostic]))?,
        paths: [String], folderIDs: [String: String]? = nil, lookupNames: [String: [String]] = [:],
        frontMatterFooters: FrontMatterFooters? = nil, parse: @escaping RunbookFiles.Parse
    ) {
        self.directory = directory
        indexPath = folderIDs == nil ? index?.path : nil
        self.lookupNames = lookupNames
        self.frontMatterFooters = frontMatterFooters
        var diagnostics: [Diagnostic] = []
        if let index {
            categories = index.parsed.index.categories
            contactGroups = index.parsed.index.contactGroups
            diagnostics += index.parsed.diagnostics
        } else {
            categories = []
            contactGroups = []
            diagnostics.append(
                Diagnostic(
                    .warning, SourceLocation(file: Catalog.join(directory, "README.md"), line: 1),
                    .tr("cli.lint.no_index")))
        }
        files = paths.sorted()
        // Two files with one base name (an index may link into a subdirectory): the last by path wins.
        var pathsByID: [String: String] = [:]
        for path in files {
            pathsByID[folderIDs?[path] ?? RunbookParser.id(forPath: path)] = path
        }
        let sourcePaths = Set(files)
        var listed: [String] = []
        var placed: Set<String> = []
        var entriesByID: [String: CatalogEntry] = [:]
        for category in categories {
            for entry in category.entries {
                if entriesByID[entry.id] == nil { entriesByID[entry.id] = entry }
                if !sourcePaths.contains(Catalog.join(directory, entry.file)) {
                    // `respond new` writes <id>.md at the top of the directory, and only for a lowercase slug.
                    let row = ["title": entry.title, "file": entry.file, "id": entry.id]
                    diagnostics.append(
                        Diagnostic(
                            .error, entry.location,
                            entry.file == entry.id + ".md" && RunbookTemplate.isValidID(entry.id)
                                ? .tr("cli.lint.index_link_missing_new", row) : .tr("cli.lint.index_link_missing", row))
                    )
                }
                if pathsByID[entry.id] != nil, placed.insert(entry.id).inserted {
                    listed.append(entry.id)
                }
            }
        }
        self.entriesByID = entriesByID
        let unlisted = pathsByID.keys.filter { !placed.contains($0) }.sorted()
        let parse = Self.naming(parse, ids: folderIDs)
        let unlistedResults = unlisted.compactMap { pathsByID[$0] }.parallelMap(parse)
        for result in unlistedResults {
            diagnostics += result.diagnostics
        }
        runbookFiles = RunbookFiles(
            paths: pathsByID, parsed: Dictionary(uniqueKeysWithValues: zip(unlisted, unlistedResults)), parse: parse)
        runbookIDs = listed + unlisted
        listedCount = listed.count
        self.diagnostics = diagnostics
    }

    /// `parse` giving each runbook its catalog id rather than its file name's, when `ids` has one for its path.
    private static func naming(_ parse: @escaping RunbookFiles.Parse, ids: [String: String]?) -> RunbookFiles.Parse {
        guard let ids else { return parse }
        return { path in
            var result = parse(path)
            if let id = ids[path] { result.runbook?.id = id }
            return result
        }
    }

    /// What reading `path` gave, parsed.
    static func parse(path: String, contents: RunbookSource.Contents) -> RunbookParseResult {
        switch contents {
        case .unreadable(let reason):
            RunbookParseResult(
                runbook: nil, diagnostics: [Diagnostic(.error, SourceLocation(file: path, line: 1), reason)])
        case .data(let data):
            RunbookParser.parse(data: data, path: path)
        }
    }

    /// `transform` of every runbook that parses, in `runbookIDs` order, computed on every core, with the problems
    /// parsing the listed files found (those of the unlisted files are in `diagnostics` already). A runbook parsed
    /// for it is dropped after the transform, so a pass over thousands of files holds one per core at a time.
    public func everyRunbook<Value: Sendable>(_ transform: @escaping @Sendable (Runbook) -> Value)
        -> (values: [Value], diagnostics: [Diagnostic])
    {
        let results = runbookFiles.map(runbookIDs) { result in
            (value: result.runbook.map(transform), result.diagnostics)
        }
        let diagnostics = results.prefix(listedCount).flatMap { $0?.1 ?? [] }
        return (results.compactMap { $0?.value ?? nil }, diagnostics)
    }

    /// `transform` of every runbook that parses, in `runbookIDs` order: `everyRunbook(_:)` without the problems.
    public func mapRunbooks<Value: Sendable>(_ transform: @escaping @Sendable (Runbook) -> Value) -> [Value] {
        everyRunbook(transform).values
    }

    /// Every index row, in index order.
    public var entries: [CatalogEntry] {
        categories.flatMap(\.entries)
    }

    /// Every emergency contact, in index order.
    public var emergencyContacts: [Contact] {
        contactGroups.flatMap(\.contacts)
    }

    /// The runbooks that no index row lists (parsed when the catalog was loaded).
    public var unindexed: [Runbook] {
        runbookIDs[listedCount...].compactMap(runbook(id:))
    }

    /// The runbook with exactly this id, parsed now if nobody asked for it before; nil when there is no such file
    /// or it does not parse (`problems(id:)` says why).
    public func runbook(id: String) -> Runbook? {
        runbookFiles.result(id: id)?.runbook
    }

    /// What parsing the file of this id found wrong, parsing it now if nobody asked before.
    public func problems(id: String) -> [Diagnostic] {
        runbookFiles.result(id: id)?.diagnostics ?? []
    }

    /// The index row for this id.
    public func entry(id: String) -> CatalogEntry? {
        entriesByID[id]
    }

    /// The severity a new incident on this runbook starts at: the file's own (parsing it now if nobody asked
    /// before), else its index row's; nil when neither gives one. The catalog's badge and `respond list` show the
    /// row's instead, so that listing parses no listed file.
    public func severity(of id: String) -> Severity? {
        runbook(id: id)?.severity ?? entry(id: id)?.severity
    }

    /// The one-line description to show: the index's, else the front matter's summary, else the first line of
    /// Symptoms (or of the overview, such as an alert runbook's Meaning).
    public func description(of id: String) -> String {
        if let text = entry(id: id)?.description, !text.isEmpty { return text }
        if let summary = runbook(id: id)?.frontMatter.summary { return summary }
        guard let runbook = runbook(id: id),
            let symptoms = (runbook.section(.symptoms) ?? runbook.section(.overview))?.blocks.first
        else { return "" }
        return symptoms.plainText.split(separator: "\n").first.map(String.init) ?? ""
    }

    static func join(_ directory: String, _ file: String) -> String {
        if file.hasPrefix("/") || directory.isEmpty { return file }
        return directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }
}
