import ArgumentParser
import FoundationEssentials
import IncidentModel
import IncidentStore
import RunbookKit

/// What a shell completes for a runbook or an incident argument: the ids there are now, found when the user presses
/// Tab (ArgumentParser's custom completion runs `respond` with the words typed so far), in the runbook directory and
/// the incident home that `--runbooks` and `--home` among those words, or the environment, name.
enum CompletionSources {
    /// The ids of the runbooks in the catalog; none when there is no readable runbook directory.
    static func runbookIDs(words: [String], prefix: String) -> [String] {
        guard let catalog = try? options(from: words).loadCatalog() else { return [] }
        return catalog.runbookIDs.filter { $0.hasPrefix(prefix) }
    }

    /// `last` and the ids of the incidents under the home, most recently active first.
    static func incidentIDs(words: [String], prefix: String) -> [String] {
        let ids = (try? options(from: words).incidentStore().list().incidents.map(\.id)) ?? []
        return (["last"] + ids).filter { $0.hasPrefix(prefix) }
    }

    /// The shared options among the typed words (`--runbooks DIR`, `--home=DIR`), the rest ignored.
    private static func options(from words: [String]) -> GlobalOptions {
        var shared: [String] = []
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            if ["--runbooks", "--home"].contains(word), index + 1 < words.endIndex {
                shared += [word, words[index + 1]]
                index += 2
                continue
            }
            if word.hasPrefix("--runbooks=") || word.hasPrefix("--home=") { shared.append(word) }
            index += 1
        }
        return (try? GlobalOptions.parse(shared)) ?? GlobalOptions()
    }
}

extension CompletionKind {
    /// Completes a runbook id.
    static var runbookID: CompletionKind {
        .custom { words, _, prefix in CompletionSources.runbookIDs(words: words, prefix: prefix) }
    }

    /// Completes an incident id or `last`.
    static var incidentID: CompletionKind {
        .custom { words, _, prefix in CompletionSources.incidentIDs(words: words, prefix: prefix) }
    }
}
