import TerminalText

extension Runbook {
    /// The alerts the runbook's Detection section names: each identifier in code on an `Alert` line
    /// (`- **Alert**: \`HighCPUUsage\`（…）；\`CPUThrottlingHigh\``), in order, without repeats. Code that is not a
    /// plain alert name (a PromQL expression, a threshold) is passed over.
    public var detectionAlerts: [String] {
        var names: [String] = []
        for section in sections where section.kind == .detection {
            for block in section.blocks {
                guard case .list(_, _, let items) = block else { continue }
                for item in items {
                    for case .paragraph(let inlines) in item.blocks where Self.isAlertLine(inlines) {
                        for case .code(let code) in inlines where Self.isAlertName(code) && !names.contains(code) {
                            names.append(code)
                        }
                    }
                }
            }
        }
        return names
    }

    private static func isAlertLine(_ inlines: [Inline]) -> Bool {
        guard case .strong(let label)? = inlines.first else { return false }
        let text = label.plainText.trimmingScalars(in: .whitespaces).lowercased()
        return ["alert", "alerts", "alert name", "alertname", "告警", "警報", "警报"].contains(text)
    }

    /// A Prometheus alert name: letters, digits, `_` and `:`, not starting with a digit.
    private static func isAlertName(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, !("0"..."9").contains(first), code.count <= 200 else {
            return false
        }
        return code.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || scalar == "_" || scalar == ":")
        }
    }
}
