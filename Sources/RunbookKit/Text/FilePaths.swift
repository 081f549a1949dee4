import FoundationEssentials
import Glibc

#if canImport(Glibc)
    import Glibc
#endif

/// File paths as strings, with the results of Foundation's `NSString` path methods on the paths `respond` meets,
/// without Foundation proper (whose first use links its ICU data into the binary).
public enum FilePaths {
    /// `path` followed by `component`, with one slash between them: `NSString.appendingPathComponent`.
    public static func appending(_ component: String, to path: String) -> String {
        if component.isEmpty { return path }
        if path.isEmpty { return component }
        return path.utf8.last == slash ? path + component : path + "/" + component
    }

    /// The path's last component, trailing slashes ignored: `NSString.lastPathComponent` (`/` for the root).
    public static func lastComponent(of path: String) -> String {
        let fixed = fixingSlashes(path)
        guard fixed.utf8.count > 1, let lastSlash = fixed.utf8.lastIndex(of: slash) else { return fixed }
        return String(fixed[fixed.utf8.index(after: lastSlash)...])
    }

    /// The path without its last component: `NSString.deletingLastPathComponent` (the root for `/a`, empty for a
    /// relative path of one component, where Foundation on Linux traps on a one-character name).
    public static func deletingLastComponent(of path: String) -> String {
        let fixed = fixingSlashes(path)
        if fixed == "/" || fixed.isEmpty { return fixed }
        guard let lastSlash = fixed.utf8.lastIndex(of: slash) else { return "" }
        if lastSlash == fixed.startIndex { return "/" }
        return String(fixed[..<lastSlash])
    }

    /// The path with a leading `~` or `~user` replaced by that user's home directory from the password database
    /// (not `$HOME`, as Foundation does), one trailing slash removed: `NSString.expandingTildeInPath`.
    public static func expandingTilde(in path: String) -> String {
        guard path.utf8.first == UInt8(ascii: "~") else { return path }
        let endOfName = path.utf8.firstIndex(of: slash) ?? path.endIndex
        let name = String(path[path.utf8.index(after: path.startIndex)..<endOfName])
        guard let home = homeDirectory(ofUser: name.isEmpty ? nil : name) else {
            return droppingOneTrailingSlash(path)
        }
        return droppingOneTrailingSlash(home + path[endOfName...])
    }

    /// The path with `~` expanded, repeated and trailing slashes and `.` components removed and, in an absolute
    /// path, `..` applied and symbolic links resolved: `NSString.standardizingPath` (a link with a relative target
    /// is resolved from its own directory, where Foundation resolves it from the working directory).
    public static func standardizing(_ path: String) -> String {
        let expanded = expandingTilde(in: path)
        let isAbsolute = expanded.utf8.first == slash || expanded.utf8.first == UInt8(ascii: "~")
        var components = expanded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var resolved: String
        if expanded.utf8.first == slash {
            resolved = "/"
        } else if components.isEmpty {
            return expanded
        } else {
            resolved = components.removeFirst()
        }
        for component in components {
            switch component {
            case ".": continue
            case ".." where isAbsolute: resolved = deletingLastComponent(of: resolved)
            default:
                resolved = appending(component, to: resolved)
                if let target = symbolicLinkTarget(resolved) { resolved = target }
            }
        }
        for prefix in ["/private", "/var/automount"] where resolved != prefix && resolved.hasPrefix(prefix) {
            let stripped = String(resolved.dropFirst(prefix.count))
            if FileManager.default.fileExists(atPath: stripped) { resolved = stripped }
        }
        return resolved
    }

    private static let slash = UInt8(ascii: "/")

    /// Runs of slashes as one, and no trailing slash but for the root.
    private static func fixingSlashes(_ path: String) -> String {
        if path == "/" { return path }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for byte in path.utf8 where !(byte == slash && bytes.last == slash) {
            bytes.append(byte)
        }
        if bytes.last == slash { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func droppingOneTrailingSlash(_ path: String) -> String {
        path.utf8.count > 1 && path.utf8.last == slash ? String(path.dropLast()) : path
    }

    /// The home directory of the user named, or of the process's real user.
    private static func homeDirectory(ofUser name: String?) -> String? {
        let entry = name.map { getpwnam($0) } ?? getpwuid(getuid())
        guard let entry, let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }

    /// The canonical path a symbolic link leads to, or nil when `path` is no link or leads nowhere.
    private static func symbolicLinkTarget(_ path: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return nil }
        let joined = target.utf8.first == slash ? target : appending(target, to: deletingLastComponent(of: path))
        guard let canonical = realpath(joined, nil) else { return nil }
        defer { free(canonical) }
        return String(cString: canonical)
    }
}
