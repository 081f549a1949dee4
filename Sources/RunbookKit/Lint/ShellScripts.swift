import Synchronization

/// The text the shell checks for each shell block, worked out once for each distinct block of a lint: reading a
/// block's placeholders and telling a query from a command cost more than bash's own parse, and libraries repeat
/// the same commands from runbook to runbook. Shared by the lint workers on every core, under a lock.
final class ShellScripts: Sendable {
    /// By fence info string and code: the script, or nil for a block the shell does not check.
    private let scripts = Mutex<[String: [String: String?]]>([:])

    /// The script for `block`, its placeholders replaced by a stand-in word; nil for a Prometheus query fenced as
    /// shell, which is not run, so bash's opinion of it is no defect.
    func script(for block: CodeBlock) -> String? {
        if let known = scripts.withLock({ $0[block.info]?[block.code] }) { return known }
        let script = ShellLook.looksLikeQuery(block.code) ? nil : Self.standIn(block)
        scripts.withLock { $0[block.info, default: [:]][block.code] = .some(script) }
        return script
    }

    private static func standIn(_ block: CodeBlock) -> String {
        let template = CommandTemplate(block)
        let values = Dictionary(template.placeholders.map { ($0.name, Linter.placeholderStandIn) }) { first, _ in
            first
        }
        return template.filled(with: values) + "\n"
    }
}
