import FoundationEssentials
import Glibc

/// Answers whether the file a relative link names exists; the linter is given one, as it is the shell check.
public protocol LinkTargets: Sendable {
    /// Whether a file or folder exists at `path`.
    func exists(_ path: String) -> Bool
}

/// Looks the link's target up on disk.
public struct DiskLinkTargets: LinkTargets {
    /// Creates the disk lookup.
    public init() {}

    public func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}

/// The relative links of a runbook whose file is missing. Pure but for the lookup it is given.
enum DeadLinks {
    /// The diagnostics for `runbook`'s relative links whose target `targets` does not find. A link is relative
    /// when it names no scheme (`https:`, `mailto:`), is not an anchor in the same file (`#…`) nor absolute
    /// (`/…`, which a site generator resolves from its own root), and holds no template (`{{`). A target is found
    /// as written, or with `.md` added, as site generators link `../other` or `../other/` for `other.md`.
    static func diagnostics(_ runbook: Runbook, targets: any LinkTargets) -> [Diagnostic] {
        let folder = FilePaths.deletingLastComponent(of: runbook.path)
        var diagnostics: [Diagnostic] = []
        for link in runbook.links {
            guard let path = relativePath(link.destination) else { continue }
            let target = folder.isEmpty ? path : folder + "/" + path
            let bare = target.hasSuffix("/") ? String(target.dropLast()) : target
            if targets.exists(target) || targets.exists(bare + ".md") { continue }
            diagnostics.append(
                Diagnostic(
                    .error, SourceLocation(file: runbook.path, line: link.line),
                    .tr("cli.lint.dead_link", ["destination": link.destination])))
        }
        return diagnostics
    }

    /// The file path a link names, without its `#fragment` or `?query` and percent-decoded; nil when the link is
    /// not a relative one.
    static func relativePath(_ destination: String) -> String? {
        let trimmed = destination.trimmed
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.hasPrefix("/"), !trimmed.contains("{{"),
            !hasScheme(trimmed)
        else { return nil }
        let path = trimmed.prefix { $0 != "#" && $0 != "?" }
        guard !path.isEmpty else { return nil }
        return path.percentDecoded ?? String(path)
    }

    /// Whether the destination starts with a URL scheme (`https:`, `mailto:`, `file:`).
    private static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }
}
