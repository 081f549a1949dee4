import Localization

extension CatalogLookupError {
    /// The error in the language of `localizer`, as the command line prints it; `description` stays English for
    /// logs and tests.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .ambiguous(let query, let candidates):
            localizer.tr(
                "cli.runbook.ambiguous",
                ["query": query, "count": String(candidates.count), "candidates": candidates.joined(separator: ", ")])
        case .notFound(let query, let suggestions):
            suggestions.isEmpty
                ? localizer.tr("cli.runbook.not_found", ["query": query])
                : localizer.tr(
                    "cli.runbook.not_found_suggest",
                    ["query": query, "suggestions": suggestions.joined(separator: ", ")])
        case .unparsable(let id, let problem):
            localizer.tr(
                "cli.runbook.unparsable",
                [
                    "id": id,
                    "problem": problem?.message(in: localizer) ?? localizer.tr("cli.runbook.no_runbook_in_file"),
                ])
        }
    }
}

extension CatalogLoadError {
    /// The error in the language of `localizer`; `description` stays English.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .notADirectory(let path): localizer.tr("cli.runbooks.not_a_directory", ["path": path])
        case .unreadable(let path, let reason):
            localizer.tr("cli.runbooks.unreadable", ["path": path, "reason": reason])
        }
    }
}
