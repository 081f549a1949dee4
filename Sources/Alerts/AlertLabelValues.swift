import TerminalText

/// The values an alert's labels offer for a runbook's placeholders: `<namespace>`, `$NAMESPACE`, `{{ $labels.pod }}`
/// and `<pod-name>` take the label of the same name, compared in any case with `-` and `_` as one.
public enum AlertLabelValues {
    /// For each placeholder name a label answers, the label's value.
    public static func defaults(for placeholders: [String], labels: [String: String]) -> [String: String] {
        var byName: [String: String] = [:]
        for (label, value) in labels where !value.isEmpty { byName[folded(label)] = value }
        var values: [String: String] = [:]
        for name in placeholders {
            if let value = byName[folded(name)] { values[name] = value }
        }
        return values
    }

    private static func folded(_ name: String) -> String {
        var name = Substring(name.trimmingScalars(in: .whitespaces))
        if name.hasPrefix("$labels.") { name = name.dropFirst("$labels.".count) }
        return String(name.lowercased().map { $0 == "-" ? "_" : $0 })
    }
}
