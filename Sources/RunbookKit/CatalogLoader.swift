import Foundation

/// Why a runbook directory could not be read at all (problems with single files are diagnostics instead).
public enum CatalogLoadError: Error, CustomStringConvertible, Equatable {
    case notADirectory(String)
    case unreadable(String, reason: String)

    public var description: String {
        switch self {
        case .notADirectory(let path): "\(path) is not a directory of runbooks; pass --runbooks DIR"
        case .unreadable(let path, let reason): "cannot read the runbook directory \(path): \(reason)"
        }
    }
}

extension Catalog {
    /// Files larger than this are reported instead of parsed, so a stray log file cannot exhaust memory.
    public static let maximumFileSize = 64 * 1024 * 1024

    /// Reads a runbook directory: its `README.md` index and the names of every `*.md` file in it and every file
    /// an index row links. The one part of RunbookKit that touches the disk: a runbook file is read when it is
    /// first asked for (see `Catalog`).
    public static func load(directory: String) throws(CatalogLoadError) -> Catalog {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(directory)
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadable(directory, reason: error.localizedDescription)
        }
        let indexName = names.first { $0.lowercased() == "readme.md" }
        var index: (path: String, data: Data)?
        var extraSources: [RunbookSource] = []
        if let indexName {
            let path = join(directory, indexName)
            switch read(path) {
            case .data(let data): index = (path, data)
            case .unreadable(let reason): extraSources.append(RunbookSource(path: path, contents: .unreadable(reason)))
            }
        }
        var paths = names.filter { $0.lowercased().hasSuffix(".md") && $0 != indexName }.map { join(directory, $0) }
        let parsedIndex = index.map { (path: $0.path, parsed: IndexParser.parse(data: $0.data, path: $0.path)) }
        if let parsedIndex {
            var known = Set(paths)
            for entry in parsedIndex.parsed.index.categories.flatMap(\.entries) {
                let path = join(directory, entry.file)
                if !known.contains(path), manager.fileExists(atPath: path) {
                    known.insert(path)
                    paths.append(path)
                }
            }
        }
        var catalog = Catalog(directory: directory, index: parsedIndex, paths: paths) { path in
            Catalog.parse(path: path, contents: read(path))
        }
        catalog.diagnostics = extraSources.compactMap {
            if case .unreadable(let reason) = $0.contents {
                return Diagnostic(.error, SourceLocation(file: $0.path, line: 1), reason)
            }
            return nil
        } + catalog.diagnostics
        return catalog
    }

    private static func read(_ path: String) -> RunbookSource.Contents {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .unreadable("the file is gone (deleted or renamed since the catalog was read)")
        }
        if isDirectory.boolValue {
            return .unreadable("is a directory, not a runbook file; rename it so it does not end in .md")
        }
        // A FIFO or device named *.md would block the read forever.
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        guard type == .typeRegular else {
            return .unreadable("not a regular file; a runbook must be a plain markdown file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .unreadable("cannot read the file (check its permissions)")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
            if data.count > maximumFileSize {
                return .unreadable("larger than \(maximumFileSize / 1024 / 1024) MB; a runbook should be a short document")
            }
            return .data(data)
        } catch {
            return .unreadable("cannot read the file: \(error.localizedDescription)")
        }
    }
}
