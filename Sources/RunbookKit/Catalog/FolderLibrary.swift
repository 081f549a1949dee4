import FoundationEssentials
import Glibc

/// A runbook library kept as nested folders without an index table (`<component>/<AlertName>.md`): every folder
/// that holds runbooks is a category, described by its `_index.md` or `README.md` when it has one.
///
/// Reading it walks the folders and reads each runbook's header (`RunbookHeader`), never a whole runbook: a
/// library of 10,000 files lists in a fraction of a second, and a runbook is parsed when it is opened.
struct FolderLibrary {
    /// A runbook file found in the walk, with what its header says.
    struct File: Sendable {
        /// The path relative to the library's directory, e.g. `kube-apiserver/KubeAPIDown.md`.
        var relativePath: String
        /// The path joined to the library's directory: made once, and the same string wherever the catalog keeps
        /// a path, as a library of thousands of files would otherwise hold each path several times.
        var path: String
        /// The folder it is in, relative (`""` for the top).
        var folder: String
        /// The file's header.
        var header: RunbookHeader
    }

    /// How a folder describes itself in its `_index.md` or `README.md`.
    struct FolderInfo: Sendable {
        var title: String?
        var weight: Int?
        var isHidden = false
    }

    /// The deepest folder level read; deeper folders (or a symbolic link loop) are not walked.
    static let maximumDepth = 16

    /// The runbook files, by relative path order, and each folder's description.
    var files: [File] = []
    var folders: [String: FolderInfo] = [:]
    /// The folder the library starts in, relative: `content` for a Hugo site, whose other folders (`archetypes`,
    /// `themes`) hold templates rather than runbooks; else the directory itself (`""`).
    var top = ""

    /// The names of a Hugo site's configuration file, beside its `content` folder.
    private static let siteConfigurations = [
        "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json",
    ]

    /// `content` when `directory` is a Hugo site (a configuration file and a `content` folder), else `""`.
    private static func siteContent(of directory: String) -> String {
        guard isDirectory(Catalog.join(directory, "content")) == true else { return "" }
        var info = stat()
        let configured = siteConfigurations.contains { stat(Catalog.join(directory, $0), &info) == 0 }
        return configured ? "content" : ""
    }

    /// Whether a file name describes its folder rather than being a runbook.
    static func isFolderDescription(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "_index.md" || lowered == "readme.md" || lowered == "index.md"
    }

    /// The files a repository keeps for its own upkeep (how to contribute, the licence, the changes), by lowered
    /// name: a library kept in git has them beside its runbooks, and none is a runbook.
    private static let repositoryFiles: Set<String> = [
        "contributing.md", "changelog.md", "code_of_conduct.md", "license.md", "licence.md", "security.md",
        "pull_request_template.md", "issue_template.md", "authors.md", "maintainers.md", "governance.md",
        "support.md", "codeowners.md",
    ]

    /// Whether a file name is one a repository keeps for its own upkeep rather than a runbook.
    static func isRepositoryFile(_ name: String) -> Bool {
        repositoryFiles.contains(ASCIICase.lowercased(name))
    }

    /// Walks `directory` and reads every runbook's header on every core.
    static func read(directory: String) -> FolderLibrary {
        var relativePaths: [String] = []
        var descriptions: [(folder: String, path: String)] = []
        let top = siteContent(of: directory)
        walk(
            directory: Catalog.join(directory, top), relative: top, depth: 0, runbooks: &relativePaths,
            descriptions: &descriptions)
        var library = FolderLibrary()
        library.top = top
        let paths = relativePaths.map { Catalog.join(directory, $0) }
        let headers = paths.parallelMap(RunbookHeader.read(path:))
        library.files = relativePaths.indices.map { index in
            File(
                relativePath: relativePaths[index], path: paths[index], folder: folder(of: relativePaths[index]),
                header: headers[index])
        }
        for (folder, path) in descriptions {
            let header = RunbookHeader.read(path: Catalog.join(directory, path))
            var info = library.folders[folder] ?? FolderInfo()
            // `_index.md` wins over `README.md`: it is what a site generator reads.
            if info.title == nil || path.hasSuffix("_index.md") {
                info.title = header.frontMatter.title ?? header.heading ?? info.title
                info.weight = header.frontMatter.weight ?? info.weight
                info.isHidden = header.frontMatter.isHidden || info.isHidden
            }
            library.folders[folder] = info
        }
        return library
    }

    /// The folder part of a relative path; over the bytes, as `/` is ASCII (by `Character` it broke graphemes
    /// backwards from the end of every path).
    private static func folder(of relativePath: String) -> String {
        guard let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(relativePath[..<slash])
    }

    /// Collects the `.md` files under `directory`, skipping dot-files and dot-folders, in name order.
    private static func walk(
        directory: String, relative: String, depth: Int, runbooks: inout [String],
        descriptions: inout [(folder: String, path: String)]
    ) {
        guard depth <= maximumDepth, let entries = entries(of: directory) else { return }
        for entry in entries.sorted(by: { $0.name < $1.name }) where !entry.name.hasPrefix(".") {
            let relativePath = relative.isEmpty ? entry.name : relative + "/" + entry.name
            guard let isDirectory = entry.isDirectory ?? isDirectory(Catalog.join(directory, entry.name)) else {
                continue
            }
            if isDirectory {
                walk(
                    directory: Catalog.join(directory, entry.name), relative: relativePath, depth: depth + 1,
                    runbooks: &runbooks, descriptions: &descriptions)
            } else if ASCIICase.lowercased(entry.name).hasSuffix(".md") {
                if isFolderDescription(entry.name) {
                    descriptions.append((relative, relativePath))
                } else if !isRepositoryFile(entry.name) {
                    runbooks.append(relativePath)
                }
            }
        }
    }

    /// The names in a directory and whether each is a directory, as `readdir` says without a `stat` per entry;
    /// nil for an entry that is a symbolic link or of a type the file system does not report (then `stat`
    /// decides, following the link). Nil when the directory cannot be read.
    private static func entries(of directory: String) -> [(name: String, isDirectory: Bool?)]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: String, isDirectory: Bool?)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { bytes in
                String(cString: bytes.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.append((name, true))
            case Int32(DT_LNK), Int32(DT_UNKNOWN): entries.append((name, nil))
            default: entries.append((name, false))
            }
        }
        return entries
    }

    /// Whether `path` is a directory, following a symbolic link; nil when it cannot be read (a broken link).
    private static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    /// The catalog's ids, one per file in `files` order: the file name without `.md`, or, when two files share
    /// a name, the relative path without `.md`.
    func ids() -> [String] {
        let names = files.map { RunbookParser.id(forPath: $0.relativePath) }
        let lowered = names.map { $0.lowercased() }
        var counts: [String: Int] = [:]
        for name in lowered {
            counts[name, default: 0] += 1
        }
        return files.indices.map { index in
            guard counts[lowered[index], default: 0] > 1 else { return names[index] }
            let relativePath = files[index].relativePath
            let path = top.isEmpty ? relativePath : String(relativePath.dropFirst(top.count + 1))
            return String(path.dropLast(3))
        }
    }

    /// The positions in `files` of the files the catalog holds: every runbook but drafts and hidden ones (whose
    /// folder may be hidden). Folders are looked at only when one is hidden.
    func listedIndices() -> [Int] {
        let anyHiddenFolder = folders.values.contains { $0.isHidden }
        return files.indices.filter { index in
            !files[index].header.frontMatter.isHidden && !(anyHiddenFolder && isHidden(files[index].folder))
        }
    }

    /// Whether a folder or one above it is hidden by its description's `draft` or `hidden`.
    private func isHidden(_ folder: String) -> Bool {
        var current = folder
        while true {
            if folders[current]?.isHidden == true { return true }
            guard !current.isEmpty else { return false }
            current = Self.folder(of: current)
        }
    }

    /// A folder's name in the catalog: its title, after its parents' joined with ` / ` (the top folder's own
    /// title is left out of its subfolders' names).
    func categoryName(_ folder: String) -> String {
        guard folder != top else { return folders[top]?.title ?? "Runbooks" }
        var parts: [String] = []
        var current = folder
        while current != top, !current.isEmpty {
            let name = current.split(separator: "/").last.map(String.init) ?? current
            parts.insert(folders[current]?.title ?? name, at: 0)
            current = Self.folder(of: current)
        }
        return parts.joined(separator: " / ")
    }

    /// The sort key of a folder path: each level's weight and name, so folders sort as a tree.
    private func sortKey(_ folder: String) -> [(Int, String)] {
        var keys: [(Int, String)] = []
        var current = folder
        while current != top, !current.isEmpty {
            let name = current.split(separator: "/").last.map(String.init) ?? current
            keys.insert((folders[current]?.weight ?? Int.max, (folders[current]?.title ?? name).lowercased()), at: 0)
            current = Self.folder(of: current)
        }
        return keys
    }

    /// The categories: one per folder with listed runbooks, in tree order by weight then name, each listing its
    /// runbooks by weight then title; moved stubs last, in a category of their own. Drafts and hidden files or
    /// folders are left out.
    func categories(ids: [String], listed: [Int]) -> [Category] {
        var byFolder: [String: [(weight: Int, entry: CatalogEntry)]] = [:]
        var moved: [CatalogEntry] = []
        for index in listed {
            let file = files[index]
            let id = ids[index]
            let header = file.header
            let location = SourceLocation(file: file.path, line: 1)
            if let destination = header.movedTo {
                moved.append(
                    CatalogEntry(
                        id: id, title: header.title(id: id), file: file.relativePath, severity: nil, kind: .incident,
                        description: "moved to \(destination)", location: location, movedTo: destination))
                continue
            }
            let entry = CatalogEntry(
                id: id, title: header.title(id: id), file: file.relativePath, severity: header.frontMatter.severity,
                kind: .incident, description: header.frontMatter.summary ?? header.firstParagraph ?? "",
                location: location)
            byFolder[file.folder, default: []].append((header.frontMatter.weight ?? Int.max, entry))
        }
        let folders = byFolder.keys.map { (key: sortKey($0), folder: $0) }.sorted { lhs, rhs in
            for (left, right) in zip(lhs.key, rhs.key) where left != right {
                return left < right
            }
            return lhs.key.count < rhs.key.count
        }
        var categories = folders.map { item in
            // Each title lowered once, not at every comparison of the sort.
            let entries = (byFolder[item.folder] ?? []).map {
                (weight: $0.weight, title: $0.entry.title.lowercased(), entry: $0.entry)
            }
            .sorted { ($0.weight, $0.title, $0.entry.id) < ($1.weight, $1.title, $1.entry.id) }
            return Category(name: categoryName(item.folder), entries: entries.map(\.entry))
        }
        if !moved.isEmpty {
            categories.append(Category(name: Category.movedElsewhere, entries: moved.sorted { $0.id < $1.id }))
        }
        return categories
    }

    /// The names each runbook can be looked up by besides its id: its H1 and its aliases, by id.
    func lookupNames(ids: [String]) -> [String: [String]] {
        var names: [String: [String]] = [:]
        for (file, id) in zip(files, ids) {
            let header = file.header
            names[id] = (header.heading.map { [$0] } ?? []) + header.frontMatter.aliases
        }
        return names
    }
}

extension FolderLibrary {
    /// What each file's front matter says of its footer (owner, last reviewed), by its id (`ids[i]` is
    /// `files[i]`'s), for the files whose front matter says any of it.
    func frontMatterFooters(ids: [String]) -> [String: Footer] {
        var footers: [String: Footer] = [:]
        for (id, file) in zip(ids, files) where footers[id] == nil {
            let footer = Footer().filled(from: file.header.frontMatter)
            if footer != Footer() { footers[id] = footer }
        }
        return footers
    }
}
