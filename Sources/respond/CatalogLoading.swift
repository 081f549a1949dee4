import FoundationEssentials
import Localization
import RunbookKit
import TerminalText

extension GlobalOptions {
    /// Loads the catalog from the runbook directory these options name; a directory that cannot be read is a
    /// one-line CLI error.
    func loadCatalog(directory: String? = nil) throws -> Catalog {
        let path = try directory ?? runbookDirectory()
        do {
            return try Catalog.load(directory: path)
        } catch {
            throw CLIError(errorText(error, localizer()))
        }
    }
}

extension GlobalOptions {
    /// The runbooks by id, each parsed when first asked for; without a readable runbook directory, none, after a
    /// warning that ends with `consequence` (what the command does without them, in the words of `localizer()`).
    func runbookLookup(withoutThem consequence: String) -> (String) -> Runbook? {
        do {
            let catalog = try loadCatalog()
            return { catalog.runbook(id: $0) }
        } catch {
            let localizer = localizer()
            printWarning(
                localizer.tr("cli.warning.without_runbooks", ["problem": "\(error)", "consequence": consequence]),
                localizer)
            return { _ in nil }
        }
    }
}

/// `text` padded with spaces to `width` columns, counting wide characters as two.
func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - displayWidth(of: text)))
}
