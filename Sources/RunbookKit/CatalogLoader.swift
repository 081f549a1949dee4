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
            switch readRunbookFile(path) {
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
            Catalog.parse(path: path, contents: readRunbookFile(path))
        }
        catalog.diagnostics = extraSources.compactMap {
            if case .unreadable(let reason) = $0.contents {
                return Diagnostic(.error, SourceLocation(file: $0.path, line: 1), reason)
            }
            return nil
        } + catalog.diagnostics
        return catalog
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
            return .unreadable("cannot read the file: \(String(cString: strerror(errno)))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            return .unreadable("is a directory, not a runbook file; rename it so it does not end in .md")
        default:
            return .unreadable("not a regular file; a runbook must be a plain markdown file")
        }
        guard info.st_size <= maximumFileSize else { return .unreadable(tooLarge) }
        // The size is a hint: a file that grows while it is read is read to its end, up to the limit.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= maximumFileSize else { return .unreadable(tooLarge) }
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let read = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(descriptor, base + count, buffer.count - count)
            }
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                return .unreadable("cannot read the file: \(String(cString: strerror(errno)))")
            }
            count += read
        }
        guard count <= maximumFileSize else { return .unreadable(tooLarge) }
        return .data(Data(bytes[..<count]))
    }

    private static var tooLarge: String {
        "larger than \(maximumFileSize / 1024 / 1024) MB; a runbook should be a short document"
    }

    /// Why `open` failed, in words that say what to do.
    private static func openProblem(_ path: String, errno code: Int32) -> String {
        switch code {
        case ENOENT:
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                return "a symbolic link to a file that does not exist; fix or remove the link"
            }
            return "the file is gone (deleted or renamed since the catalog was read)"
        case EACCES:
            return "cannot read the file (check its permissions)"
        default:
            return "cannot read the file: \(String(cString: strerror(code)))"
        }
    }
}
