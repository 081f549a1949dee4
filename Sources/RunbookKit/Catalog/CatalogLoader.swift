import FoundationEssentials
import Glibc

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
    /// The most bytes a runbook or index file may have; a larger one is reported instead of read or parsed.
    ///
    /// Parsing costs up to a few hundred bytes of memory per byte of markdown (cmark makes a node for every `<`,
    /// `[` or `>` of a hostile file), so this limit is also what bounds the memory of parsing one file; see
    /// docs/runbook-format.md. The shipped runbooks are under 10 KB and the index of 2,000 runbooks about 250 KB.
    public static let maximumFileSize = 1 << 20

    /// Reads a runbook directory: its `README.md` index and the names of every `*.md` file in it and every file
    /// an index row links. The one part of RunbookKit that touches the disk: a runbook file is read when it is
    /// first asked for (see `Catalog`).
    public static func load(directory: String) throws(CatalogLoadError) -> Catalog {
        let manager = FileManager.default
        var isDirectory = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory else {
            throw .notADirectory(directory)
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadable(directory, reason: listingProblem(directory))
        }
        let indexName = names.first { $0.lowercased() == "readme.md" }
        var index: (path: String, data: Data)?
        var extraSources: [RunbookSource] = []
        if let indexName {
            let path = join(directory, indexName)
            switch readRunbookFile(path) {
            case .data(let data): index = (path, data)
            case .unreadable(let reason): extraSources.append(RunbookSource(path: path, contents: .unreadable(reason)))
            }
        }
        var paths = names.filter { $0.lowercased().hasSuffix(".md") && $0 != indexName }.map { join(directory, $0) }
        let parsedIndex = index.map { (path: $0.path, parsed: IndexParser.parse(data: $0.data, path: $0.path)) }
        if parsedIndex?.parsed.index.categories.isEmpty ?? true, isFolderLibrary(directory: directory, names: names) {
            return loadFolders(directory: directory)
        }
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
            Catalog.parse(path: path, contents: readRunbookFile(path))
        }
        catalog.diagnostics =
            extraSources.compactMap {
                if case .unreadable(let reason) = $0.contents {
                    return Diagnostic(.error, SourceLocation(file: $0.path, line: 1), reason)
                }
                return nil
            } + catalog.diagnostics
        return catalog
    }

    /// Whether a directory without an index table is a library of folders: it has a subfolder (not a dot-folder,
    /// nor one named like a runbook) or describes itself in an `_index.md`. A flat directory without an index keeps its runbooks unlisted.
    private static func isFolderLibrary(directory: String, names: [String]) -> Bool {
        names.contains { name in
            // A directory named `x.md` is a mistake the flat catalog reports, not a folder of runbooks.
            guard !name.hasPrefix("."), !name.lowercased().hasSuffix(".md") || name.lowercased() == "_index.md" else {
                return false
            }
            if name.lowercased() == "_index.md" { return true }
            var isDirectory = false
            return FileManager.default.fileExists(atPath: join(directory, name), isDirectory: &isDirectory)
                && isDirectory
        }
    }

    /// Loads a library of folders: categories from the folders, each runbook read for its header only.
    private static func loadFolders(directory: String) -> Catalog {
        let readSince = FrontMatterFooters.now()
        let library = FolderLibrary.read(directory: directory)
        let ids = library.ids()
        let listed = library.listedIndices()
        let categories = library.categories(ids: ids, listed: listed)
        let folderIDs = Dictionary(zip(library.files.map(\.path), ids)) { first, _ in first }
        let index = RunbookIndex(categories: categories, contactGroups: [])
        return Catalog(
            directory: directory, index: (path: join(directory, "_index.md"), parsed: (index, [])),
            paths: listed.map { library.files[$0].path }, folderIDs: folderIDs,
            lookupNames: library.lookupNames(ids: ids),
            frontMatterFooters: FrontMatterFooters(readSince: readSince, footers: library.frontMatterFooters(ids: ids))
        ) { path in
            Catalog.parse(path: path, contents: readRunbookFile(path))
        }
    }

    /// Why `directory` cannot be listed, in the system's words for what opening it gives.
    private static func listingProblem(_ directory: String) -> String {
        guard let stream = opendir(directory) else { return String(cString: strerror(errno)) }
        closedir(stream)
        return String(cString: strerror(EIO))
    }

    /// Reads one runbook file: its bytes, or why it cannot be one (gone, a directory, a FIFO or device, no
    /// permission, too large). One open, one `fstat` and the reads: lint and the symptom search read every file.
    public static func readRunbookFile(_ path: String) -> RunbookSource.Contents {
        // O_NONBLOCK: opening a FIFO named *.md for reading would otherwise wait for a writer forever.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(openProblem(path, errno: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .unreadable(.tr("cli.lint.file_unreadable", ["reason": String(cString: strerror(errno))]))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            return .unreadable(.tr("cli.lint.file_is_directory"))
        default:
            return .unreadable(.tr("cli.lint.file_not_regular"))
        }
        let size = Int(info.st_size)
        guard size <= maximumFileSize else { return .unreadable(tooLarge(path, size: size)) }
        // The size is a hint: a file that grows while it is read is read to its end, but never more than one byte
        // past the limit, which is enough to refuse it.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while count <= maximumFileSize {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, maximumFileSize + 1 - bytes.count)))
            }
            let read = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(descriptor, base + count, buffer.count - count)
            }
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                return .unreadable(.tr("cli.lint.file_unreadable", ["reason": String(cString: strerror(errno))]))
            }
            count += read
        }
        guard count <= maximumFileSize else {
            let grown = fstat(descriptor, &info) == 0 ? Int(info.st_size) : count
            return .unreadable(tooLarge(path, size: max(grown, count)))
        }
        return .data(Data(bytes[..<count]))
    }

    /// Why a file of `size` bytes is refused, with both sizes in bytes and MiB.
    private static func tooLarge(_ path: String, size: Int) -> DiagnosticText {
        .tr(
            "cli.lint.file_too_large",
            [
                "path": path, "size": String(size), "size_mib": mebibytes(size), "limit": String(maximumFileSize),
                "limit_mib": mebibytes(maximumFileSize),
            ])
    }

    /// `bytes` in MiB with one decimal, or whole when it is a whole number of them (`1 MiB`, `10.3 MiB`).
    private static func mebibytes(_ bytes: Int) -> String {
        let mebibyte = 1 << 20
        if bytes % mebibyte == 0 { return "\(bytes / mebibyte) MiB" }
        let tenths = (bytes / (mebibyte / 10)) % 10
        return "\(bytes / mebibyte).\(tenths) MiB"
    }

    /// Why `open` failed, in words that say what to do.
    private static func openProblem(_ path: String, errno code: Int32) -> DiagnosticText {
        switch code {
        case ENOENT:
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                return .tr("cli.lint.file_dangling_link")
            }
            return .tr("cli.lint.file_gone")
        case EACCES:
            return .tr("cli.lint.file_no_permission")
        default:
            return .tr("cli.lint.file_unreadable", ["reason": String(cString: strerror(code))])
        }
    }
}
