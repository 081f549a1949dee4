import FoundationEssentials
import RunbookKit

/// Finds the runbook an alert is for: by its `runbook_url` annotation matched against the library's file paths,
/// else by its name among the alerts each runbook's Detection section names, else by a runbook id, title, alias or
/// H1 equal to the name. Never a guess: when nothing matches, the closest runbooks are only suggested.
public struct AlertRunbookMatcher: Sendable {
    /// What matching found.
    public enum Match: Sendable, Equatable {
        /// The runbook, and how it was found.
        case runbook(id: String, by: Reason)
        /// Several runbooks fit equally well.
        case ambiguous(ids: [String])
        /// None fits; the closest ids, best first.
        case none(closest: [String])
    }

    /// How an alert led to its runbook, for the responder and the journal.
    public enum Reason: String, Sendable, Equatable {
        case runbookURL = "runbook_url"
        case detection
        case name
    }

    private let targets: [AlertTarget]

    /// A matcher over a library's runbooks.
    public init(targets: [AlertTarget]) {
        self.targets = targets
    }

    /// The runbook of an alert.
    public func match(_ alert: Alert) -> Match {
        if let url = alert.runbookURL {
            switch matchURL(url) {
            case .none: break
            case let found: return found
            }
        }
        return match(name: alert.name)
    }

    /// The runbook of an alert known only by name (`respond start --alert NAME`), in any case.
    public func match(name: String) -> Match {
        let wanted = Self.folded(name)
        guard !wanted.isEmpty else { return .none(closest: []) }
        let byDetection = targets.filter { $0.alerts.contains { Self.folded($0) == wanted } }.map(\.id)
        if let found = single(byDetection, reason: .detection) { return found }
        let byName = targets.filter { target in
            Self.folded(target.id) == wanted || target.names.contains { Self.folded($0) == wanted }
                || Self.folded(Self.fileStem(target.path)) == wanted
        }.map(\.id)
        if let found = single(byName, reason: .name) { return found }
        return .none(closest: closest(to: wanted))
    }

    private func single(_ ids: [String], reason: Reason) -> Match? {
        let unique = Array(Set(ids)).sorted()
        switch unique.count {
        case 0: return nil
        case 1: return .runbook(id: unique[0], by: reason)
        default: return .ambiguous(ids: unique)
        }
    }

    /// Matches the URL's path against the files' paths, by the longest run of trailing path parts (folder names
    /// included, so two `KubeAPIDown.md` in different folders are told apart). A site built from the library drops
    /// `.md` and lower-cases, so parts are compared without extension and in any case.
    private func matchURL(_ url: String) -> Match {
        let wanted = Self.pathParts(url)
        guard !wanted.isEmpty else { return .none(closest: []) }
        var best: [String] = []
        var bestLength = 0
        for target in targets {
            let parts = Self.pathParts(target.path)
            let length = zip(wanted.reversed(), parts.reversed()).prefix { $0 == $1 }.count
            guard length > 0 else { continue }
            if length > bestLength {
                best = [target.id]
                bestLength = length
            } else if length == bestLength {
                best.append(target.id)
            }
        }
        return single(best, reason: .runbookURL) ?? .none(closest: [])
    }

    /// The path parts of a URL or a file path, folded: scheme, host, query and fragment dropped, `.md` and
    /// `index`/`_index`/`README` endings removed.
    static func pathParts(_ text: String) -> [String] {
        var path = Substring(text)
        if let scheme = path.firstRange(of: "://") {
            path = path[scheme.upperBound...]
            path = path.drop { $0 != "/" }
        }
        path = path.prefix { $0 != "?" && $0 != "#" }
        var parts = path.split(separator: "/").map { part in
            let name = part.percentDecoded ?? String(part)
            return folded(fileStem(name))
        }.filter { !$0.isEmpty }
        if let last = parts.last, ["index", "_index", "readme"].contains(last) { parts.removeLast() }
        return parts
    }

    private static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".markdown", ".md"] where name.lowercased().hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// A name compared in any case with `-`, `_`, spaces and dots as one: `KubeAPIDown`, `kube-api-down`.
    static func folded(_ name: String) -> String {
        String(name.lowercased().filter { !"-_ .".contains($0) })
    }

    private func closest(to wanted: String) -> [String] {
        let scored = targets.map { target -> (String, Int) in
            let names = [target.id, Self.fileStem(target.path)] + target.alerts + target.names
            return (target.id, names.map { editDistance(wanted, Self.folded($0)) }.min() ?? Int.max)
        }
        let limit = max(3, wanted.count / 2)
        return scored.filter { $0.1 <= limit }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }
}
