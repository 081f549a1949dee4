/// Whether the text of a code block whose fence names no language reads as shell commands. Pure.
///
/// Foreign libraries fence commands, configuration, log lines and expected output alike without a language. Such
/// a block is always shown and can be copied, but it is offered to run only when it looks like shell: its first
/// line that is not blank starts a script (`#!`), or its first command line (after `#` comments and a `$ `
/// prompt) starts with a command runbooks use (`kubectl`, `curl`, …), a path to a program (`./`, `~/`) or a
/// `NAME=value` assignment.
public enum ShellLook {
    /// Whether `code`, from a block without a language, looks like shell commands.
    public static func looksLikeShell(_ code: String) -> Bool {
        var sawLine = false
        for rawLine in code.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            guard !line.isEmpty else { continue }
            if !sawLine, line.hasPrefix("#!") { return true }
            sawLine = true
            if line.hasPrefix("#") { continue }
            let command = line.hasPrefix("$ ") ? line.dropFirst(2).drop { $0 == " " } : line
            return startsLikeCommand(command)
        }
        return false
    }

    /// Whether a command line's first word is a known command, a path to a program or an assignment.
    private static func startsLikeCommand(_ line: Substring) -> Bool {
        let word = line.prefix { $0 != " " && $0 != "\t" }
        if StepDerivation.commandWords.contains(String(word)) { return true }
        if word.hasPrefix("./") || word.hasPrefix("~/") { return true }
        guard let equals = word.firstIndex(of: "="), equals > word.startIndex else { return false }
        return word[..<equals].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            && !(word.first?.isNumber ?? true)
    }

    /// Whether `code`, from a block fenced as shell or a console, is a Prometheus query rather than commands: its
    /// first line that is not a `#` or `//` comment starts with a function call (`rate(`, `sum by (`,
    /// `histogram_quantile(0.99, …`, `label_replace(` ending the line), a selector (`up{job="etcd"}`), a range
    /// (`up[5m]`) or vector matching (`used * on (pod) group_left() …`), after any opening parentheses. Alert
    /// runbooks fence the queries to paste into a metrics console so; no shell line starts that way (`name()` is a
    /// function definition, `(cd /tmp)` a subshell, `ls * on (x)` a syntax error, `//` the root folder).
    public static func looksLikeQuery(_ code: String) -> Bool {
        for rawLine in code.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            guard !line.isEmpty else { continue }
            if line.hasPrefix("#") || line.hasPrefix("//") { continue }
            let inner = line.drop { $0 == "(" || $0 == " " }
            return startsLikeQuery(inner) || startsLikeVectorMatching(inner)
                || (inner.count < line.count && startsLikeArithmetic(inner))
        }
        return false
    }

    /// `name * on (labels)`, `name / ignoring(labels)`: two series matched on labels, PromQL's alone.
    private static func startsLikeVectorMatching(_ line: Substring) -> Bool {
        let name = line.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
        guard !name.isEmpty else { return false }
        let afterName = line.dropFirst(name.count).drop { $0 == " " }
        let operatorLength = afterName.prefix { "/*+-%^=!<>".contains($0) }.count
        guard operatorLength > 0 else { return false }
        let matching = afterName.dropFirst(operatorLength).drop { $0 == " " }
        return ["on", "ignoring"].contains { keyword in
            matching.hasPrefix(keyword) && matching.dropFirst(keyword.count).drop { $0 == " " }.first == "("
        }
    }

    /// `name / other`, `name * 100`: arithmetic on a series, which in shell would be a subshell's syntax error.
    private static func startsLikeArithmetic(_ line: Substring) -> Bool {
        let name = line.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
        let rest = Array(line.dropFirst(name.count).prefix(4))
        guard !name.isEmpty, rest.count == 4, rest[0] == " ", rest[2] == " " else { return false }
        return "/*+-".contains(rest[1]) && rest[3].isASCII && (rest[3].isLetter || rest[3].isNumber)
    }

    private static func startsLikeQuery(_ line: Substring) -> Bool {
        let isNameStart = { (c: Character) in c.isASCII && (c.isLetter || c == "_" || c == ":") }
        guard let first = line.first, isNameStart(first) else { return false }
        let name = line.prefix { isNameStart($0) || ($0.isASCII && $0.isNumber) }
        var rest = line.dropFirst(name.count)
        if rest.first == "{" { return true }
        // `up[5m]` is a range; `names[0]=x` is a shell array's assignment.
        if rest.first == "[" {
            let range = rest.dropFirst().drop { $0.isASCII && $0.isNumber }
            return range.count < rest.count - 1 && range.first.map { "smhdwy".contains($0) } == true
        }
        rest = rest.drop { $0 == " " }
        for modifier in ["by", "without"] where rest.hasPrefix(modifier) {
            return rest.dropFirst(modifier.count).drop { $0 == " " }.first == "("
        }
        guard rest.first == "(" else { return false }
        // `name(` ending the line opens a call whose arguments follow; a shell function is `name()`.
        return rest.dropFirst().drop { $0 == " " }.first.map { $0 != ")" } ?? true
    }
}
